using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Core.PlanServices;

namespace Partnership.Core.Submissions;

/// <summary>
/// The conversions Schemes, Consultations and Subsidies record when a company submits (docs/adr/0088-conversion-at-submission.md):
/// the service's own measure and every measure linked to the service (<see cref="MeasureServiceLink"/>) — the same
/// measures <see cref="SubmissionsUnderMeasures"/> counts a submission under. It sits here, above Outreach and
/// PlanServices, so that no area depends on another in a cycle.
/// </summary>
public sealed class ReferralConversionsAtSubmission(IAppDbContext db) : IReferralConversions
{
    public async Task<OpenReferrals> OpenAsync(int companyId, ConversionKind kind, string? measureKey, string? serviceCode, CancellationToken ct)
    {
        var serviceKind = kind switch
        {
            ConversionKind.Scheme => ServiceKind.Scheme,
            ConversionKind.Consultation => ServiceKind.Consultation,
            _ => ServiceKind.Subsidy,
        };
        var linked = string.IsNullOrEmpty(serviceCode) ? [] : await db.MeasureServiceLinks.AsNoTracking()
            .Where(l => l.Kind == serviceKind && l.ServiceCode == serviceCode).Select(l => l.MeasureKey).ToListAsync(ct);
        var keys = linked.Prepend(measureKey ?? "").Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var open = await ReferralConversion.OpenAsync(db, companyId, keys, ct);
        return open.Count == 0 ? OpenReferrals.None : new OpenReferrals(companyId, kind, serviceCode, keys, open);
    }

    public Task ApplyAsync(OpenReferrals open, DateTime submittedAt, CancellationToken ct) =>
        ReferralConversion.ApplyAsync(db, open, submittedAt, ct);
}
