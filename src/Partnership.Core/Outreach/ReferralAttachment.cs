using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;

namespace Partnership.Core.Outreach;

/// <summary>
/// When a company registers (or its profile gets a 法人番号), the referrals made to the roster member with that 法人番号
/// attach to it, in the same save (docs/adr/0084-referrals-to-roster-members.md). The 法人番号 was normalised to 13
/// ASCII digits by the profile's rules, so full-width input matches too. From then on the company's submissions under
/// a referred measure convert the referral.
/// </summary>
public sealed class ReferralAttachment(IAppDbContext db, TimeProvider clock) : ICompanySavedFollower
{
    public async Task BeforeSaveAsync(Company company, CancellationToken ct)
    {
        if (company.CorporateNumber is not { } number)
        {
            return;
        }
        var waiting = await db.Referrals.Where(r => r.CompanyId == null && r.RosterMember!.CorporateNumber == number).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var referral in waiting)
        {
            referral.Company = company;
            referral.AttachedAt = now;
        }
    }
}
