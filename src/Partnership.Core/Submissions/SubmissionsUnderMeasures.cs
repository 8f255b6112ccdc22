using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Outreach;

namespace Partnership.Core.Submissions;

/// <summary>
/// The submissions of schemes, consultations and subsidies by company and measure, read for the referral
/// conversions of Outreach (docs/adr/0031-referral-conversion.md). It sits above the three areas and Outreach, so
/// that none of them depends on another in a cycle.
/// </summary>
public sealed class SubmissionsUnderMeasures(IAppDbContext db) : ISubmissionsUnderMeasures
{
    public async Task<IReadOnlyList<MeasureSubmission>> ListAsync(IReadOnlyCollection<int> companyIds, IReadOnlyCollection<string> measureKeys, CancellationToken ct)
    {
        var schemes = await db.SchemeEntries.AsNoTracking()
            .Where(e => companyIds.Contains(e.CompanyId) && e.FirstSubmittedAt != null && measureKeys.Contains(e.Scheme!.MeasureKey))
            .Select(e => new { e.CompanyId, Key = e.Scheme!.MeasureKey, At = e.FirstSubmittedAt }).ToListAsync(ct);
        var consultations = await db.ConsultationRequests.AsNoTracking()
            .Where(c => companyIds.Contains(c.CompanyId) && c.SubmittedAt != null && c.Desk != null && measureKeys.Contains(c.Desk.Measure!.Key))
            .Select(c => new { c.CompanyId, Key = c.Desk!.Measure!.Key, At = c.SubmittedAt }).ToListAsync(ct);
        var subsidies = await db.SubsidyApplications.AsNoTracking()
            .Where(a => companyIds.Contains(a.CompanyId) && a.SubmittedAt != null && measureKeys.Contains(a.Window!.Program!.MeasureKey))
            .Select(a => new { a.CompanyId, Key = a.Window!.Program!.MeasureKey, At = a.SubmittedAt }).ToListAsync(ct);
        return
        [
            .. schemes.Select(s => new MeasureSubmission(s.CompanyId, s.Key, s.At, ConversionKind.Scheme)),
            .. consultations.Select(s => new MeasureSubmission(s.CompanyId, s.Key, s.At, ConversionKind.Consultation)),
            .. subsidies.Select(s => new MeasureSubmission(s.CompanyId, s.Key, s.At, ConversionKind.Subsidy)),
        ];
    }
}
