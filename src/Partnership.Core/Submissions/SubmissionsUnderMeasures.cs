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
            .Select(e => new { e.CompanyId, Key = e.Scheme!.MeasureKey, At = e.FirstSubmittedAt, Service = e.Scheme.Code }).ToListAsync(ct);
        var consultations = await db.ConsultationRequests.AsNoTracking()
            .Where(c => companyIds.Contains(c.CompanyId) && c.SubmittedAt != null && c.Desk != null && measureKeys.Contains(c.Desk.Measure!.Key))
            .Select(c => new { c.CompanyId, Key = c.Desk!.Measure!.Key, At = c.SubmittedAt, Service = c.Desk.Code }).ToListAsync(ct);
        var subsidies = await db.SubsidyApplications.AsNoTracking()
            .Where(a => companyIds.Contains(a.CompanyId) && a.SubmittedAt != null && measureKeys.Contains(a.Window!.Program!.MeasureKey))
            .Select(a => new { a.CompanyId, Key = a.Window!.Program!.MeasureKey, At = a.SubmittedAt, Service = a.Window.Program.Code }).ToListAsync(ct);
        return
        [
            .. schemes.Select(s => new MeasureSubmission(s.CompanyId, s.Key, s.At, ConversionKind.Scheme, s.Service)),
            .. consultations.Select(s => new MeasureSubmission(s.CompanyId, s.Key, s.At, ConversionKind.Consultation, s.Service)),
            .. subsidies.Select(s => new MeasureSubmission(s.CompanyId, s.Key, s.At, ConversionKind.Subsidy, s.Service)),
        ];
    }
}
