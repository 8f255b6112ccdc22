namespace Partnership.Core.Members;

/// <summary>
/// Which of the Chamber's members a chamber user sees (docs/adr/0087-branch-scope-and-manual-match.md): a branch
/// manager (支部の管理者) of a ward branch sees that branch's members only; everyone else on the Chamber side — staff with
/// no branch, staff who do not manage one, and headquarters (本部, <see cref="HeadOffice"/>) — sees all. The roster,
/// the member company list, a company's profile and the referral form's roster search all filter by it in their query.
/// </summary>
public sealed record MemberScope(string? BranchCode)
{
    /// <summary>The headquarters' branch code (docs/adr/0033): its staff, manager or not, work for the whole Chamber.</summary>
    public const string HeadOffice = "HQ";

    public static readonly MemberScope All = new((string?)null);

    /// <summary>The scope of a chamber user with this branch and manager flag.</summary>
    public static MemberScope Of(string? branchCode, bool isBranchManager) =>
        isBranchManager && !string.IsNullOrEmpty(branchCode) && branchCode != HeadOffice ? new MemberScope(branchCode) : All;

    /// <summary>Whether a member of <paramref name="memberBranchCode"/> is in the scope.</summary>
    public bool Includes(string? memberBranchCode) => BranchCode is null || BranchCode == memberBranchCode;
}
