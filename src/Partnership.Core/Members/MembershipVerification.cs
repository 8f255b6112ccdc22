using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;

namespace Partnership.Core.Members;

/// <summary>
/// Verified membership (docs/adr/0083-verified-membership.md): a company is a member when its 法人番号 matches a current
/// (not 退会) roster entry. Both sides hold the 法人番号 normalised to 13 ASCII digits (full-width input is normalised
/// when it is saved), so the match is an equality. Kept as <see cref="Company.MembershipVerified"/>: set when a company
/// is saved, and for every company after each roster import.
/// </summary>
public sealed class MembershipVerification(IAppDbContext db) : ICompanySavedFollower
{
    public async Task BeforeSaveAsync(Company company, CancellationToken ct)
    {
        var number = company.CorporateNumber;
        company.MembershipVerified = number is not null && await db.RosterMembers.Current().AnyAsync(m => m.CorporateNumber == number, ct);
    }

    /// <summary>Sets the flag of every company from the roster as it is now, in one statement per change of state.</summary>
    public static async Task RefreshAllAsync(IAppDbContext db, CancellationToken ct)
    {
        var current = db.RosterMembers.Where(m => m.Status == RosterStatus.Current && m.CorporateNumber != null).Select(m => m.CorporateNumber);
        await db.Companies.Where(c => !c.MembershipVerified && c.CorporateNumber != null && current.Contains(c.CorporateNumber))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MembershipVerified, true).SetProperty(c => c.Version, Guid.NewGuid()), ct);
        await db.Companies.Where(c => c.MembershipVerified && (c.CorporateNumber == null || !current.Contains(c.CorporateNumber)))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MembershipVerified, false).SetProperty(c => c.Version, Guid.NewGuid()), ct);
    }
}
