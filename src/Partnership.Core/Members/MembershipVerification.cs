using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;

namespace Partnership.Core.Members;

/// <summary>
/// Verified membership (docs/adr/0083-verified-membership.md): a company is a member when its 法人番号 matches a current
/// (not 退会) roster entry, or when chamber staff matched a current entry to it by hand (a sole proprietor without a
/// 法人番号, docs/adr/0087-branch-scope-and-manual-match.md). Both sides hold the 法人番号 normalised to 13 ASCII digits
/// (full-width input is normalised when it is saved), so the match is an equality. Kept as
/// <see cref="Company.MembershipVerified"/> with the entry's branch (<see cref="Company.MemberBranchCode"/>): set when a
/// company is saved, when a match by hand is confirmed, and for every company after each roster import.
/// </summary>
public sealed class MembershipVerification(IAppDbContext db) : ICompanySavedFollower
{
    public async Task BeforeSaveAsync(Company company, CancellationToken ct)
    {
        var number = company.CorporateNumber;
        var id = company.Id;
        var branch = await db.RosterMembers.Current()
            .Where(m => (number != null && m.CorporateNumber == number) || (id != 0 && m.MatchedCompanyId == id))
            .OrderBy(m => m.Id).Select(m => m.BranchCode).FirstOrDefaultAsync(ct);
        company.MembershipVerified = branch is not null;
        company.MemberBranchCode = branch;
    }

    /// <summary>
    /// Sets the flag and branch of every company from the roster as it is now, in one statement that touches only the
    /// companies whose state changes (a 法人番号 match first, else a match by hand).
    /// </summary>
    public static async Task RefreshAllAsync(IAppDbContext db, CancellationToken ct)
    {
        var current = db.RosterMembers.Where(m => m.Status == RosterStatus.Current);
        await db.Companies
            .Where(c => c.MemberBranchCode != (current.Where(m => m.CorporateNumber != null && m.CorporateNumber == c.CorporateNumber).OrderBy(m => m.Id).Select(m => m.BranchCode).FirstOrDefault()
                    ?? current.Where(m => m.MatchedCompanyId == c.Id).Select(m => m.BranchCode).FirstOrDefault())
                || c.MembershipVerified != (c.MemberBranchCode != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.MemberBranchCode, c => current.Where(m => m.CorporateNumber != null && m.CorporateNumber == c.CorporateNumber).OrderBy(m => m.Id).Select(m => m.BranchCode).FirstOrDefault()
                    ?? current.Where(m => m.MatchedCompanyId == c.Id).Select(m => m.BranchCode).FirstOrDefault())
                .SetProperty(c => c.MembershipVerified, c => current.Any(m => (m.CorporateNumber != null && m.CorporateNumber == c.CorporateNumber) || m.MatchedCompanyId == c.Id))
                .SetProperty(c => c.Version, Guid.NewGuid()), ct);
    }
}
