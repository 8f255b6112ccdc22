using Partnership.Core.Common;

namespace Partnership.Core.Companies;

/// <summary>A company (事業者) that uses the portal: its profile as a Tokyo form asks for it.</summary>
public class Company : AuditableEntity, IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Full-width katakana, without the legal-form word.</summary>
    public required string NameKana { get; set; }
    /// <summary>法人番号, 13 digits; null for a sole proprietor.</summary>
    public string? CorporateNumber { get; set; }
    public bool IsSoleProprietor { get; set; }
    /// <summary>NNN-NNNN.</summary>
    public required string PostalCode { get; set; }
    public required string Prefecture { get; set; }
    /// <summary>For Tokyo, one of its 62 municipalities by code; null elsewhere.</summary>
    public string? MunicipalityCode { get; set; }
    /// <summary>The municipality's name as shown (from the reference list for Tokyo).</summary>
    public required string CityName { get; set; }
    public required string Street { get; set; }
    public required string Phone { get; set; }
    /// <summary>JSIC major group letter, A–T.</summary>
    public required string IndustryCode { get; set; }
    public SmeCategory SmeCategory { get; set; }
    /// <summary>Yen; null when the company has no capital (sole proprietor).</summary>
    public long? CapitalYen { get; set; }
    /// <summary>常時雇用する従業員数.</summary>
    public int RegularEmployees { get; set; }
    /// <summary>Derived from category, capital and employees on every save (kept for filtering).</summary>
    public bool IsSme { get; set; }
    public SizeBand SizeBand { get; set; }
    /// <summary>Self-declared (会員 ticked on the profile); counts nowhere as membership unless <see cref="MembershipVerified"/>.</summary>
    public bool IsChamberMember { get; set; }
    /// <summary>
    /// The company's 法人番号 matches a current (not 退会) entry of the Chamber's roster: the only membership that counts
    /// (docs/adr/0083-verified-membership.md). Set when the company is saved and after each roster import.
    /// </summary>
    public bool MembershipVerified { get; set; }
    /// <summary>
    /// The branch (支部) of the roster entry that verifies the membership, null when not verified. Kept with
    /// <see cref="MembershipVerified"/> so a branch manager's lists filter on one column (docs/adr/0087-branch-scope-and-manual-match.md).
    /// </summary>
    public string? MemberBranchCode { get; set; }
    public string? ChamberMemberNumber { get; set; }
    public string? ChamberBranchCode { get; set; }
    public required string ContactName { get; set; }
    public string ContactDepartment { get; set; } = "";
    public Guid Version { get; set; }
    public List<CompanyMember> Members { get; set; } = [];

    /// <summary>Recomputes the derived size fields from the profile.</summary>
    public SmeResult ApplySizeRule()
    {
        var result = SmeRules.Classify(SmeCategory, CapitalYen, RegularEmployees);
        IsSme = result.IsSme;
        SizeBand = result.Band;
        return result;
    }
}

/// <summary>A person's membership of a company. A user belongs to one company; one member is the owner.</summary>
public class CompanyMember
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string UserId { get; set; }
    public bool IsOwner { get; set; }
    /// <summary>UTC.</summary>
    public DateTime JoinedAt { get; set; }
}

/// <summary>
/// A person's request to join a registered company, made after signing in with a business ID provider whose claims
/// carry the company's 法人番号; the company's owner approves or declines it (docs/adr/0079-join-requests.md).
/// </summary>
public class CompanyJoinRequest
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string UserId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC; null while the owner has not decided.</summary>
    public DateTime? DecidedAt { get; set; }
    public bool Approved { get; set; }
    public string? DecidedByUserId { get; set; }
}

/// <summary>An owner's invitation of a co-worker by e-mail; the link carries a token whose hash is stored.</summary>
public class CompanyInvitation
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsOpenAt(DateTime utcNow) => AcceptedAt is null && RevokedAt is null && utcNow < ExpiresAt;
}

/// <summary>What happened to a company and who did it (created, profile changed, invited, joined, removed, owner changed).</summary>
public class CompanyEvent
{
    public long Id { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
}
