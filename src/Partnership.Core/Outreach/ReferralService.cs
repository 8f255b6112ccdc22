using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Outreach;

/// <summary>From and To are Japan-time days of the referral, both included.</summary>
public sealed record ReferralFilter(string? BranchCode, int? MeasureId, bool? Converted, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// The submissions of the areas a referral can lead to (scheme entries, consultation requests, subsidy
/// applications), by company and measure. Outreach reads them through this contract so that it does not depend
/// on those areas, which depend on it to mark their conversions (<see cref="ReferralConversion"/>).
/// </summary>
public interface ISubmissionsUnderMeasures
{
    /// <summary>Every submitted record of the companies under the measures, with when it was (first) submitted.</summary>
    Task<IReadOnlyList<MeasureSubmission>> ListAsync(IReadOnlyCollection<int> companyIds, IReadOnlyCollection<string> measureKeys, CancellationToken ct);
}

/// <summary>A company's submission under a measure: when, and what kind of take-up it is.</summary>
public sealed record MeasureSubmission(int CompanyId, string Key, DateTime? At, ConversionKind By);

/// <summary>
/// Referrals (誘導) of member companies to Metro measures, and their conversion: a query over the schemes,
/// consultations and subsidies finds the company's first submission under the measure after the referral and
/// marks the referral converted with that date (docs/adr/0031-referral-conversion.md).
/// </summary>
public sealed class ReferralService(IAppDbContext db, ISubmissionsUnderMeasures submitted, TimeProvider clock)
{
    public async Task<Outcome<int>> ReferAsync(int? companyId, int? measureId, string? branchCode, string? note, string userId, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (companyId is not { } cid || !await db.Companies.AnyAsync(c => c.Id == cid && c.IsChamberMember, ct))
        {
            errors.Add(new("CompanyId", "Validation.RequiredChoice"));
        }
        if (measureId is not { } mid || !await db.Measures.AnyAsync(m => m.Id == mid && m.Side == Catalog.MeasureSide.Metro, ct))
        {
            errors.Add(new("MeasureId", "Validation.RequiredChoice"));
        }
        if (string.IsNullOrEmpty(branchCode) || !await db.ChamberBranches.AnyAsync(b => b.Code == branchCode, ct))
        {
            errors.Add(new("BranchCode", "Validation.RequiredChoice"));
        }
        OutreachRules.CheckText(errors, "Note", note, Referral.NoteMaxLength, required: false);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var referral = new Referral
        {
            CompanyId = companyId!.Value, MeasureId = measureId!.Value, BranchCode = branchCode!, Note = (note ?? "").Trim(), ReferredByUserId = userId,
            ReferredAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        await MarkConversionsAsync(ct);
        return Outcome<int>.Ok(referral.Id);
    }

    /// <summary>Marks every open referral whose company has since submitted something under its measure. Returns how many it marked.</summary>
    public async Task<int> MarkConversionsAsync(CancellationToken ct = default)
    {
        var open = await db.Referrals.Include(r => r.Measure).Where(r => r.ConvertedAt == null).ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }
        var companyIds = open.Select(r => r.CompanyId).Distinct().ToList();
        var keys = open.Select(r => r.Measure!.Key).Distinct().ToList();
        var submissions = (await submitted.ListAsync(companyIds, keys, ct))
            .ToLookup(s => (s.CompanyId, s.Key));
        var marked = 0;
        foreach (var referral in open)
        {
            var conversion = OutreachRules.Conversion(referral.ReferredAt, submissions[(referral.CompanyId, referral.Measure!.Key)].Select(s => (s.At, s.By)));
            if (conversion is { } c)
            {
                referral.ConvertedAt = c.At;
                referral.ConvertedBy = c.By;
                marked++;
            }
        }
        if (marked > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another request marked them at the same moment: the same conversions, already saved.
                return 0;
            }
        }
        return marked;
    }

    public IQueryable<Referral> Query(ReferralFilter filter)
    {
        var query = db.Referrals.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.BranchCode))
        {
            query = query.Where(r => r.BranchCode == filter.BranchCode);
        }
        if (filter.MeasureId is { } measureId)
        {
            query = query.Where(r => r.MeasureId == measureId);
        }
        if (filter.From is { } from)
        {
            var fromUtc = JapanTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.ReferredAt >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = JapanTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.ReferredAt < toUtc);
        }
        if (filter.Converted is { } converted)
        {
            query = query.Where(r => (r.ConvertedAt != null) == converted);
        }
        return query;
    }
}

/// <summary>
/// Marks a company's open referrals to a measure converted when it submits something under that measure, in the
/// caller's transaction: the referral list and the dashboards see the conversion at once
/// (docs/adr/0031-referral-conversion.md). A conditional update, so a referral marked at the same moment by the
/// list's query never makes the submission fail on a concurrency token; the dashboard buckets of the referrals
/// are marked in the caller's save.
/// </summary>
public static class ReferralConversion
{
    /// <summary>The days of the company's open referrals to the measure: read before a transaction, so the usual case (none) costs nothing inside it.</summary>
    public static async Task<List<DateTime>> OpenAsync(IAppDbContext db, int companyId, string? measureKey, CancellationToken ct) =>
        string.IsNullOrEmpty(measureKey) ? [] : await db.Referrals.AsNoTracking()
            .Where(r => r.CompanyId == companyId && r.ConvertedAt == null && r.Measure!.Key == measureKey).Select(r => r.ReferredAt).ToListAsync(ct);

    public static async Task ApplyAsync(IAppDbContext db, int companyId, string? measureKey, IReadOnlyList<DateTime> open, DateTime submittedAt, ConversionKind kind, CancellationToken ct)
    {
        var converting = open.Where(referredAt => OutreachRules.Conversion(referredAt, [(submittedAt, kind)]) is not null).ToList();
        if (converting.Count == 0 || string.IsNullOrEmpty(measureKey))
        {
            return;
        }
        await db.Referrals.Where(r => r.CompanyId == companyId && r.ConvertedAt == null && r.ReferredAt <= submittedAt && r.Measure!.Key == measureKey)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConvertedAt, submittedAt).SetProperty(r => r.ConvertedBy, kind).SetProperty(r => r.Version, Guid.NewGuid()), ct);
        foreach (var bucket in converting.Select(Facts.Families.MonthBucket).Distinct())
        {
            db.DashboardDirtyMarks.Add(new Facts.DashboardDirtyMark { Family = Facts.Families.Referrals, Bucket = bucket });
        }
    }

    public static async Task MarkAsync(IAppDbContext db, int companyId, string? measureKey, DateTime submittedAt, ConversionKind kind, CancellationToken ct) =>
        await ApplyAsync(db, companyId, measureKey, await OpenAsync(db, companyId, measureKey, ct), submittedAt, kind, ct);
}
