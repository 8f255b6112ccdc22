using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Partnership.Core.Common;
using Partnership.Core.Facts;
using Partnership.Core.Outreach;
using Partnership.Core.Subsidies;

namespace Partnership.Core.Dashboards;

/// <summary>One summed figure: a fact summed over the buckets of a year (keeping the window for subsidies, the month for totals).</summary>
public sealed record FactRow(string Family, int FiscalYear, int Bucket, int Month, string AreaCode, string MeasureKey, string Metric, string DimKind, string DimValue, long Value);

/// <summary>A subsidy window of the year, with its budget as the window row holds it.</summary>
public sealed record WindowFigures(int Id, string ReceiptCode, string ProgramJa, string ProgramEn, string AreaCode, string MeasureKey, Allotment Allotment, long BudgetYen, long ReservedYen);

public sealed record StockFigures(DateOnly AsOf, IReadOnlyDictionary<string, long> InForce, IReadOnlyDictionary<string, long> Expiring);

public sealed record PublicityFigures(PublicityStatus Status, int Requests, int Publications, long Reach);

public sealed record CoSponsorFigures(CoSponsorKind Kind, CoSponsorStatus Status, int Requests, long Participants, long MemberParticipants);

/// <summary>Everything the dashboards show for a fiscal year, read from the facts (and from the few small tables).</summary>
public sealed class DashboardData
{
    public required int FiscalYear { get; init; }
    public required IReadOnlyList<FactRow> Facts { get; init; }
    public required StockFigures Stock { get; init; }
    public required IReadOnlyList<WindowFigures> Windows { get; init; }
    public required IReadOnlyList<PublicityFigures> Publicity { get; init; }
    public required IReadOnlyList<CoSponsorFigures> CoSponsorships { get; init; }

    /// <summary>
    /// The sum of a metric for an area (null: all) or a measure, optionally by one dimension value and month.
    /// Outreach is kept per scope (an activity for two measures of one area counts once for the area); the
    /// other families hold one measure per record, so an area's total is the sum of its measures.
    /// </summary>
    public long Sum(string family, string metric, string? area = null, string? measure = null, string dimKind = "", string? dimValue = null, int? month = null, int? bucket = null)
    {
        long total = 0;
        foreach (var f in Group(family, metric, dimKind))
        {
            if ((dimValue is not null && f.DimValue != dimValue)
                || (month is { } m && f.Month != m) || (bucket is { } b && f.Bucket != b))
            {
                continue;
            }
            if (!InScope(f, family, area, measure, dimKind))
            {
                continue;
            }
            total += f.Value;
        }
        return total;
    }

    /// <summary>Sums by dimension value, for a breakdown table.</summary>
    public Dictionary<string, long> By(string family, string metric, string dimKind, string? area = null)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var f in Group(family, metric, dimKind))
        {
            if (InScope(f, family, area, null, dimKind))
            {
                result[f.DimValue] = result.GetValueOrDefault(f.DimValue) + f.Value;
            }
        }
        return result;
    }

    private Dictionary<(string Family, string Metric, string DimKind), List<FactRow>>? _groups;

    /// <summary>
    /// The facts of one family, metric and dimension, in their order in <see cref="Facts"/>. A page asks for some
    /// thousand figures; grouping once keeps each from scanning every fact of the year.
    /// </summary>
    private List<FactRow> Group(string family, string metric, string dimKind)
    {
        _groups ??= Facts.GroupBy(f => (f.Family, f.Metric, f.DimKind)).ToDictionary(g => g.Key, g => g.ToList());
        return _groups.TryGetValue((family, metric, dimKind), out var rows) ? rows : [];
    }

    private static bool InScope(FactRow f, string family, string? area, string? measure, string dimKind)
    {
        if (measure is not null)
        {
            return f.MeasureKey == measure;
        }
        if (family == Families.Outreach)
        {
            return f.MeasureKey == "" && f.AreaCode == (area ?? "");
        }
        if (dimKind == "" || family == Families.Subsidies && dimKind == Dims.Days)
        {
            return f.MeasureKey != "" && (area is null || f.AreaCode == area);
        }
        return f.MeasureKey == "" && (area is null || f.AreaCode == area);
    }
}

/// <summary>A measure as the dashboards label and order it.</summary>
public sealed record DashboardMeasure(int Id, string Key, string AreaCode, string TitleJa, string TitleEn, int AreaOrder, int Order);

/// <summary>
/// Reads a fiscal year's figures: refreshes the dirty buckets first, so what it reads equals the records. The
/// year's summed facts and stock figures are kept in memory under the database's facts stamp, which every
/// recomputation changes in its own transaction: a node serves them from memory only while no bucket anywhere has
/// been recomputed since, so every node shows the same figures (docs/adr/0050-dashboard-facts.md).
/// </summary>
public sealed class DashboardReader(IAppDbContext db, DashboardFacts facts, TimeProvider clock, IMemoryCache cache)
{
    public const int ExpiringWithinDays = Schemes.ReviewFilter.ExpiringDays;

    private sealed record YearFacts(List<FactRow> Rows, StockFigures Stock);

    /// <summary>Every measure once, with the newest plan's title and id (the same measure is in several yearly plans), by area and order.</summary>
    public async Task<List<DashboardMeasure>> MeasuresAsync(CancellationToken ct = default)
    {
        var all = await db.Measures.AsNoTracking().OrderByDescending(m => m.PlanId)
            .Select(m => new DashboardMeasure(m.Id, m.Key, m.Area!.Code, m.TitleJa, m.TitleEn, m.Area.Order, m.Order)).ToListAsync(ct);
        return [.. all.DistinctBy(m => m.Key).OrderBy(m => m.AreaOrder).ThenBy(m => m.Order)];
    }

    /// <summary>The scheme code of each measure that is a scheme, by measure key.</summary>
    public async Task<Dictionary<string, string>> SchemeByMeasureAsync(CancellationToken ct = default) =>
        await db.Schemes.AsNoTracking().ToDictionaryAsync(s => s.MeasureKey, s => s.Code, ct);

    public async Task<DashboardData> ReadAsync(int fiscalYear, CancellationToken ct = default)
    {
        await facts.RefreshAsync(ct);
        var stamp = await db.DashboardStamps.AsNoTracking().Where(s => s.Id == DashboardStamp.SingleId).Select(s => s.Version).FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        var asOf = DashboardRules.AsOf(fiscalYear, today);
        var key = (nameof(DashboardReader), fiscalYear, asOf, stamp);
        if (!cache.TryGetValue(key, out YearFacts? year) || year is null)
        {
            year = new YearFacts(await FactsAsync(fiscalYear, ct), await StockAsync(asOf, ct));
            cache.Set(key, year, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30), Size = 1 });
        }
        var (yearStartUtc, yearEndUtc) = (JapanTime.FiscalYearStartUtc(fiscalYear), JapanTime.FiscalYearEndUtc(fiscalYear));
        // The windows' budgets and the small request tables are read every time: they are not in the facts.
        var windows = await db.SubsidyWindows.AsNoTracking().Where(w => w.FiscalYear == fiscalYear).OrderBy(w => w.Program!.Order).ThenBy(w => w.OpensAt)
            .Select(w => new WindowFigures(w.Id, w.ReceiptCode, w.Program!.NameJa, w.Program.NameEn, w.Program.AreaCode, w.Program.MeasureKey, w.Allotment, w.BudgetYen, w.ReservedYen))
            .ToListAsync(ct);
        var publicity = await db.PublicityRequests.AsNoTracking().Where(r => r.RequestedAt >= yearStartUtc && r.RequestedAt < yearEndUtc)
            .GroupBy(r => r.Status)
            .Select(g => new PublicityFigures(g.Key, g.Count(), g.Sum(r => r.Publications.Count), g.Sum(r => r.Publications.Sum(p => (long)p.Reach))))
            .ToListAsync(ct);
        var (first, last) = DashboardRules.DaysOf(fiscalYear);
        var coSponsorships = await db.CoSponsorshipRequests.AsNoTracking().Where(r => r.EventDate >= first && r.EventDate <= last)
            .GroupBy(r => new { r.Kind, r.Status })
            .Select(g => new CoSponsorFigures(g.Key.Kind, g.Key.Status, g.Count(), g.Sum(r => (long)(r.Participants ?? 0)), g.Sum(r => (long)(r.MemberParticipants ?? 0))))
            .ToListAsync(ct);

        return new DashboardData
        {
            FiscalYear = fiscalYear,
            Facts = year.Rows,
            Stock = year.Stock,
            Windows = windows,
            Publicity = publicity,
            CoSponsorships = coSponsorships,
        };
    }

    private async Task<List<FactRow>> FactsAsync(int fiscalYear, CancellationToken ct)
    {
        // Summed here rather than by a GROUP BY in the database: on SQLite the GROUP BY over a year's facts sorts
        // them in a temporary B-tree, which costs more than the plain read and this sum together.
        // Same keys, same sums (ordinal equality is the binary collation's).
        var read = await db.DashboardFacts.AsNoTracking()
            .Where(f => f.FiscalYear == fiscalYear && f.Family != Families.ValidFrom && f.Family != Families.ValidUntil)
            .Select(f => new { f.Family, f.Bucket, f.Month, f.AreaCode, f.MeasureKey, f.Metric, f.DimKind, f.DimValue, f.Value })
            .ToListAsync(ct);
        var sums = new Dictionary<(string Family, int Bucket, int Month, string Area, string Measure, string Metric, string Kind, string Value), long>();
        foreach (var f in read)
        {
            var key = (f.Family, f.Family == Families.Subsidies ? f.Bucket : 0, f.DimKind == "" ? f.Month : 0, f.AreaCode, f.MeasureKey, f.Metric, f.DimKind, f.DimValue);
            sums[key] = checked(sums.GetValueOrDefault(key) + f.Value);
        }
        return [.. sums.Select(s => new FactRow(s.Key.Family, fiscalYear, s.Key.Bucket, s.Key.Month, s.Key.Area, s.Key.Measure, s.Key.Metric, s.Key.Kind, s.Key.Value, s.Value))];
    }

    /// <summary>The fiscal years of the plans in the catalog.</summary>
    public async Task<List<int>> PlanYearsAsync(CancellationToken ct = default) =>
        await db.PartnershipPlans.AsNoTracking().Select(p => p.FiscalYear).Distinct().ToListAsync(ct);

    /// <summary>
    /// Entries in force on a day, per measure: those whose validity began on or before it, less those whose validity
    /// ended before it. Expiring: in force with a last day within the next <see cref="ExpiringWithinDays"/> days.
    /// </summary>
    private async Task<StockFigures> StockAsync(DateOnly asOf, CancellationToken ct)
    {
        var day = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var horizon = asOf.AddDays(ExpiringWithinDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var began = await SumByMeasureAsync(db.DashboardFacts.Where(f => f.Family == Families.ValidFrom && f.DimValue.CompareTo(day) <= 0), ct);
        var ended = await SumByMeasureAsync(db.DashboardFacts.Where(f => f.Family == Families.ValidUntil && f.DimValue.CompareTo(day) < 0), ct);
        var expiring = await SumByMeasureAsync(db.DashboardFacts.Where(f => f.Family == Families.ValidUntil && f.DimValue.CompareTo(day) >= 0 && f.DimValue.CompareTo(horizon) <= 0), ct);
        var inForce = began.ToDictionary(b => b.Key, b => b.Value - ended.GetValueOrDefault(b.Key), StringComparer.Ordinal);
        return new StockFigures(asOf, inForce, expiring);
    }

    private static async Task<Dictionary<string, long>> SumByMeasureAsync(IQueryable<DashboardFact> query, CancellationToken ct) =>
        await query.GroupBy(f => f.MeasureKey).Select(g => new { g.Key, Sum = g.Sum(f => f.Value) }).ToDictionaryAsync(x => x.Key, x => x.Sum, StringComparer.Ordinal, ct);
}
