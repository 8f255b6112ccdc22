using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Core.PlanServices;

namespace Partnership.Core.Submissions;

/// <summary>
/// The submissions of schemes, consultations and subsidies by company and measure, read for the referral
/// conversions of Outreach (docs/adr/0031-referral-conversion.md). It sits above the three areas and Outreach, so
/// that none of them depends on another in a cycle. A service serves a measure through its own pointer (a scheme's or
/// program's measure key, a desk's measure) and through the links Metro officials add (<see cref="MeasureServiceLink"/>,
/// docs/adr/0074): a submission to a linked service counts under the linked measure too (docs/adr/0084).
/// </summary>
public sealed class SubmissionsUnderMeasures(IAppDbContext db) : ISubmissionsUnderMeasures
{
    public async Task<IReadOnlyList<MeasureSubmission>> ListAsync(IReadOnlyCollection<int> companyIds, IReadOnlyCollection<string> measureKeys, CancellationToken ct)
    {
        var links = await db.MeasureServiceLinks.AsNoTracking()
            .Where(l => measureKeys.Contains(l.MeasureKey) && (l.Kind == ServiceKind.Scheme || l.Kind == ServiceKind.Consultation || l.Kind == ServiceKind.Subsidy))
            .Select(l => new { l.MeasureKey, l.Kind, l.ServiceCode }).ToListAsync(ct);
        List<string> Linked(ServiceKind kind) => links.Where(l => l.Kind == kind).Select(l => l.ServiceCode).Distinct().ToList();
        var linkedSchemes = Linked(ServiceKind.Scheme);
        var linkedDesks = Linked(ServiceKind.Consultation);
        var linkedPrograms = Linked(ServiceKind.Subsidy);

        var schemes = await db.SchemeEntries.AsNoTracking()
            .Where(e => companyIds.Contains(e.CompanyId) && e.FirstSubmittedAt != null && (measureKeys.Contains(e.Scheme!.MeasureKey) || linkedSchemes.Contains(e.Scheme.Code)))
            .Select(e => new { e.CompanyId, Key = e.Scheme!.MeasureKey, At = e.FirstSubmittedAt, Service = e.Scheme.Code }).ToListAsync(ct);
        var consultations = await db.ConsultationRequests.AsNoTracking()
            .Where(c => companyIds.Contains(c.CompanyId) && c.SubmittedAt != null && c.Desk != null && (measureKeys.Contains(c.Desk.Measure!.Key) || linkedDesks.Contains(c.Desk.Code)))
            .Select(c => new { c.CompanyId, Key = c.Desk!.Measure!.Key, At = c.SubmittedAt, Service = c.Desk.Code }).ToListAsync(ct);
        var subsidies = await db.SubsidyApplications.AsNoTracking()
            .Where(a => companyIds.Contains(a.CompanyId) && a.SubmittedAt != null && (measureKeys.Contains(a.Window!.Program!.MeasureKey) || linkedPrograms.Contains(a.Window.Program.Code)))
            .Select(a => new { a.CompanyId, Key = a.Window!.Program!.MeasureKey, At = a.SubmittedAt, Service = a.Window.Program.Code }).ToListAsync(ct);

        // Each submission under the service's own measure, and again under every measure that links to the service.
        IEnumerable<MeasureSubmission> Expand(int companyId, string? key, DateTime? at, ConversionKind by, ServiceKind kind, string service) =>
            links.Where(l => l.Kind == kind && l.ServiceCode == service && l.MeasureKey != key).Select(l => l.MeasureKey).Distinct()
                .Prepend(key ?? "").Where(k => k.Length > 0)
                .Select(k => new MeasureSubmission(companyId, k, at, by, service));
        return
        [
            .. schemes.SelectMany(s => Expand(s.CompanyId, s.Key, s.At, ConversionKind.Scheme, ServiceKind.Scheme, s.Service)),
            .. consultations.SelectMany(s => Expand(s.CompanyId, s.Key, s.At, ConversionKind.Consultation, ServiceKind.Consultation, s.Service)),
            .. subsidies.SelectMany(s => Expand(s.CompanyId, s.Key, s.At, ConversionKind.Subsidy, ServiceKind.Subsidy, s.Service)),
        ];
    }
}
