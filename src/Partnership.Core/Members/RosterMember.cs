using Partnership.Core.Common;

namespace Partnership.Core.Members;

/// <summary>Whether a roster entry is a member today or has left the Chamber (退会).</summary>
public enum RosterStatus
{
    Current = 0,
    Left = 1,
}

/// <summary>
/// One entry of the Chamber's member roster (会員名簿), as the Chamber's own records have it and its import brings it
/// (docs/adr/0069-member-roster.md). Members who are no longer in an imported roster are marked <see cref="RosterStatus.Left"/>
/// (退会) with the day, never deleted: their history and referrals stay.
/// </summary>
public class RosterMember : AuditableEntity, IVersioned
{
    public const int MemberNumberMaxLength = 20;
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 100;
    public const int AddressMaxLength = 300;
    public const int EmailMaxLength = 256;

    public int Id { get; set; }
    /// <summary>会員番号: the Chamber's key, ASCII letters, digits and hyphens (full-width input normalised).</summary>
    public required string MemberNumber { get; set; }
    /// <summary>法人番号, 13 ASCII digits with a valid check digit; null for a sole proprietor.</summary>
    public string? CorporateNumber { get; set; }
    public required string Name { get; set; }
    /// <summary>Full-width katakana.</summary>
    public required string NameKana { get; set; }
    /// <summary>The name folded for search (<see cref="RosterRules.Fold"/>): width, kana and case do not matter.</summary>
    public required string NameFolded { get; set; }
    /// <summary>The reading folded for search.</summary>
    public required string KanaFolded { get; set; }
    public required string BranchCode { get; set; }
    public DateOnly JoinedOn { get; set; }
    public string ContactName { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>The member's contact mail address, if the roster has one: referrals may send their invitation there.</summary>
    public string? ContactEmail { get; set; }
    public RosterStatus Status { get; set; }
    /// <summary>The Japan-time day an import first found the member absent; null while a member.</summary>
    public DateOnly? LeftOn { get; set; }
    /// <summary>
    /// The registered company chamber staff matched to this entry by hand (a sole proprietor has no 法人番号 to match on;
    /// docs/adr/0087-branch-scope-and-manual-match.md). Verifies the company's membership as a 法人番号 match does.
    /// </summary>
    public int? MatchedCompanyId { get; set; }
    /// <summary>When the match by hand was confirmed (UTC); who did it is in the audit log.</summary>
    public DateTime? MatchedAt { get; set; }
    public Guid Version { get; set; }
}
