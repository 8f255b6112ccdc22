using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Facts;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;

namespace Partnership.Core.Dashboards;

/// <summary>
/// Keeps the dashboard facts equal to the records: every dirty bucket is recomputed from its records and its
/// facts replaced in one transaction, with the marks it answered. A bucket is a month (or a subsidy window), so
/// the work after a write is bounded by one month's records, never by all of them; reading the dashboard reads
/// facts, whose number is bounded by the dimensions (docs/adr/0050-dashboard-facts.md).
/// </summary>
public sealed class DashboardFacts(IAppDbContext db)
{
    /// <summary>A mark that asks for every bucket of every family (a measure moved to another area, say).</summary>
    public const string Everything = "*";

    private const int MarksPerRefresh = 10_000;

    /// <summary>Recomputes the dirty buckets. Returns how many buckets it recomputed.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct = default)
    {
        var marks = await db.DashboardDirtyMarks.AsNoTracking().OrderBy(m => m.Id).Take(MarksPerRefresh).ToListAsync(ct);
        if (marks.Count == 0)
        {
            return 0;
        }
        var ids = marks.Select(m => m.Id).ToList();
        var buckets = marks.Any(m => m.Family == Everything)
            ? await AllBucketsAsync(ct)
            : [.. marks.Select(m => (m.Family, m.Bucket)).Distinct()];
        foreach (var (family, bucket) in buckets)
        {
            await RecomputeAsync(family, bucket, ct);
        }
        await db.DashboardDirtyMarks.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
        return buckets.Count;
    }

    /// <summary>Recomputes every bucket that has records or facts (after a bulk load, or to repair).</summary>
    public async Task<int> RebuildAllAsync(CancellationToken ct = default)
    {
        var buckets = await AllBucketsAsync(ct);
        foreach (var (family, bucket) in buckets)
        {
            await RecomputeAsync(family, bucket, ct);
        }
        await db.DashboardDirtyMarks.ExecuteDeleteAsync(ct);
        return buckets.Count;
    }

    private async Task<List<(string Family, int Bucket)>> AllBucketsAsync(CancellationToken ct)
    {
        var result = new HashSet<(string, int)>();
        foreach (var day in await db.OutreachActivities.Select(a => a.Date).Distinct().ToListAsync(ct))
        {
            result.Add((Families.Outreach, Families.MonthBucket(day)));
        }
        foreach (var at in await db.Referrals.Select(r => r.ReferredAt).ToListAsync(ct))
        {
            result.Add((Families.Referrals, Families.MonthBucket(at)));
        }
        foreach (var at in await db.SchemeEntries.Where(e => e.FirstSubmittedAt != null).Select(e => e.FirstSubmittedAt!.Value).ToListAsync(ct))
        {
            result.Add((Families.Entries, Families.MonthBucket(at)));
        }
        foreach (var v in await db.SchemeEntries.Where(e => e.ValidFrom != null).Select(e => new { e.ValidFrom, e.ValidUntil }).Distinct().ToListAsync(ct))
        {
            result.Add((Families.ValidFrom, Families.MonthBucket(v.ValidFrom!.Value)));
            result.Add((Families.ValidUntil, v.ValidUntil is { } until ? Families.MonthBucket(until) : Families.OpenEnded));
        }
        foreach (var window in await db.SubsidyWindows.Select(w => w.Id).ToListAsync(ct))
        {
            result.Add((Families.Subsidies, window));
        }
        foreach (var f in await db.DashboardFacts.Select(f => new { f.Family, f.Bucket }).Distinct().ToListAsync(ct))
        {
            result.Add((f.Family, f.Bucket));
        }
        return [.. result.OrderBy(b => b.Item1, StringComparer.Ordinal).ThenBy(b => b.Item2)];
    }

    /// <summary>Replaces the facts of one bucket with a fresh count of its records.</summary>
    public async Task RecomputeAsync(string family, int bucket, CancellationToken ct = default)
    {
        var facts = new FactSink(family, bucket);
        switch (family)
        {
            case Families.Outreach: await OutreachAsync(facts, bucket, ct); break;
            case Families.Referrals: await ReferralsAsync(facts, bucket, ct); break;
            case Families.Entries: await EntriesAsync(facts, bucket, ct); break;
            case Families.ValidFrom: await ValidityAsync(facts, bucket, from: true, ct); break;
            case Families.ValidUntil: await ValidityAsync(facts, bucket, from: false, ct); break;
            case Families.Subsidies: await SubsidiesAsync(facts, bucket, ct); break;
            default: return;
        }
        var rows = facts.ToFacts();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            await db.DashboardFacts.Where(f => f.Family == family && f.Bucket == bucket).ExecuteDeleteAsync(ct);
            db.DashboardFacts.AddRange(rows);
            try
            {
                await db.SaveChangesAsync(ct);
                await db.DashboardStamps.Where(s => s.Id == DashboardStamp.SingleId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, Guid.NewGuid()), ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another refresh wrote the same bucket at the same moment (the unique index refused the second
                // copy): its facts are as fresh as ours.
                await transaction.RollbackAsync(ct);
            }
            finally
            {
                foreach (var row in rows)
                {
                    db.Entry(row).State = EntityState.Detached;
                }
            }
        });
    }

    private async Task OutreachAsync(FactSink facts, int bucket, CancellationToken ct)
    {
        var first = Families.FirstDay(bucket);
        var next = first.AddMonths(1);
        var month = first.Month;
        // Grouped in the database, so a month of a million-activity log is a few hundred rows here. An activity
        // counts once for each area it promotes (and once for each measure), however many of its measures are in it.
        var activities = db.OutreachActivities.AsNoTracking().Where(a => a.Date >= first && a.Date < next);
        var links = from a in activities
                    join x in db.OutreachActivityMeasures.AsNoTracking() on a.Id equals x.ActivityId
                    join m in db.Measures.AsNoTracking() on x.MeasureId equals m.Id
                    select new { a.Id, m.AreaId, m.Key };
        var all = await activities.GroupBy(a => new { a.Channel, a.BranchCode })
            .Select(g => new { AreaId = 0, g.Key.Channel, g.Key.BranchCode, Count = g.Count(), Reach = g.Sum(a => (long)a.Reach) })
            .ToListAsync(ct);
        var byArea = await (from d in links.Select(l => new { l.Id, l.AreaId }).Distinct()
                            join a in db.OutreachActivities.AsNoTracking() on d.Id equals a.Id
                            group a by new { d.AreaId, a.Channel, a.BranchCode } into g
                            select new { g.Key.AreaId, g.Key.Channel, g.Key.BranchCode, Count = g.Count(), Reach = g.Sum(a => (long)a.Reach) })
            .ToListAsync(ct);
        var byMeasure = await (from d in links.Distinct()
                               join a in db.OutreachActivities.AsNoTracking() on d.Id equals a.Id
                               group a by new { d.AreaId, d.Key } into g
                               select new { g.Key.AreaId, g.Key.Key, Count = g.Count(), Reach = g.Sum(a => (long)a.Reach) })
            .ToListAsync(ct);
        var areaCodes = await db.ProgramAreas.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        foreach (var g in all.Concat(byArea))
        {
            var area = g.AreaId == 0 ? "" : areaCodes[g.AreaId];
            var channel = ((int)g.Channel).ToString(CultureInfo.InvariantCulture);
            foreach (var (kind, value) in new[] { ("", ""), (Dims.Channel, channel), (Dims.Branch, g.BranchCode) })
            {
                facts.Add(month, area, "", Metrics.Activities, kind, value, g.Count);
                facts.Add(month, area, "", Metrics.Reach, kind, value, g.Reach);
            }
        }
        foreach (var g in byMeasure)
        {
            facts.Add(month, areaCodes[g.AreaId], g.Key, Metrics.Activities, "", "", g.Count);
            facts.Add(month, areaCodes[g.AreaId], g.Key, Metrics.Reach, "", "", g.Reach);
        }
    }

    private async Task ReferralsAsync(FactSink facts, int bucket, CancellationToken ct)
    {
        var (fromUtc, toUtc) = MonthUtc(bucket);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ReferredAt >= fromUtc && r.ReferredAt < toUtc)
            .Select(r => new
            {
                r.Measure!.Key, Area = r.Measure.Area!.Code, r.BranchCode, Converted = r.ConvertedAt != null,
                // A member not registered yet has no company, so no profile: only the branch counts it.
                Registered = r.CompanyId != null, r.Company!.MunicipalityCode, SizeBand = (Companies.SizeBand?)r.Company.SizeBand, r.Company.IndustryCode,
            })
            .ToListAsync(ct);
        var month = bucket % 100;
        foreach (var r in referrals)
        {
            var converted = r.Converted ? 1 : 0;
            facts.Add(month, r.Area, r.Key, Metrics.ReferralsMade, "", "", 1);
            facts.Add(month, r.Area, r.Key, Metrics.ReferralsConverted, "", "", converted);
            var dims = r.Registered ? Profile(r.MunicipalityCode, r.SizeBand ?? default, r.IndustryCode).Prepend((Dims.Branch, r.BranchCode)) : [(Dims.Branch, r.BranchCode)];
            foreach (var (kind, value) in dims)
            {
                facts.Add(month, r.Area, "", Metrics.ReferralsMade, kind, value, 1);
                facts.Add(month, r.Area, "", Metrics.ReferralsConverted, kind, value, converted);
            }
        }
    }

    private async Task EntriesAsync(FactSink facts, int bucket, CancellationToken ct)
    {
        var (fromUtc, toUtc) = MonthUtc(bucket);
        var entries = await db.SchemeEntries.AsNoTracking()
            .Where(e => e.FirstSubmittedAt >= fromUtc && e.FirstSubmittedAt < toUtc && e.Status != EntryStatus.Draft)
            .Select(e => new { e.Scheme!.AreaCode, e.Scheme.MeasureKey, e.Status, e.Company!.MunicipalityCode, e.Company.SizeBand, e.Company.IndustryCode })
            .ToListAsync(ct);
        var month = bucket % 100;
        foreach (var e in entries)
        {
            facts.Add(month, e.AreaCode, e.MeasureKey, Metrics.Submitted, "", "", 1);
            facts.Add(month, e.AreaCode, e.MeasureKey, Metrics.Accepted, "", "", e.Status is EntryStatus.Accepted or EntryStatus.Expired ? 1 : 0);
            facts.Add(month, e.AreaCode, e.MeasureKey, Metrics.Rejected, "", "", e.Status == EntryStatus.Rejected ? 1 : 0);
            foreach (var (kind, value) in Profile(e.MunicipalityCode, e.SizeBand, e.IndustryCode))
            {
                facts.Add(month, e.AreaCode, "", Metrics.Submitted, kind, value, 1);
            }
        }
    }

    private async Task ValidityAsync(FactSink facts, int bucket, bool from, CancellationToken ct)
    {
        var query = db.SchemeEntries.AsNoTracking().Where(e => e.Status == EntryStatus.Accepted && e.ValidFrom != null);
        if (bucket == Families.OpenEnded && !from)
        {
            query = query.Where(e => e.ValidUntil == null);
        }
        else
        {
            var first = Families.FirstDay(bucket);
            var next = first.AddMonths(1);
            query = from
                ? query.Where(e => e.ValidFrom >= first && e.ValidFrom < next)
                : query.Where(e => e.ValidUntil >= first && e.ValidUntil < next);
        }
        var days = await query
            .GroupBy(e => new { e.Scheme!.AreaCode, e.Scheme.MeasureKey, Day = from ? e.ValidFrom : e.ValidUntil })
            .Select(g => new { g.Key.AreaCode, g.Key.MeasureKey, g.Key.Day, Count = g.Count() })
            .ToListAsync(ct);
        var month = bucket % 100;
        foreach (var d in days)
        {
            var day = d.Day is { } value ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "9999-12-31";
            facts.Add(month, d.AreaCode, d.MeasureKey, from ? Metrics.From : Metrics.Until, Dims.Day, day, d.Count);
        }
    }

    private async Task SubsidiesAsync(FactSink facts, int windowId, CancellationToken ct)
    {
        var window = await db.SubsidyWindows.AsNoTracking().Where(w => w.Id == windowId)
            .Select(w => new { w.FiscalYear, w.Program!.AreaCode, w.Program.MeasureKey }).SingleOrDefaultAsync(ct);
        if (window is null)
        {
            return;
        }
        facts.FiscalYear = window.FiscalYear;
        var applications = await db.SubsidyApplications.AsNoTracking()
            .Where(a => a.WindowId == windowId && a.SubmittedAt != null && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn)
            .Select(a => new { a.Status, a.SubmittedAt, a.DecidedAt, a.GrantedYen, a.Company!.MunicipalityCode, a.Company.SizeBand, a.Company.IndustryCode })
            .ToListAsync(ct);
        var (area, key) = (window.AreaCode, window.MeasureKey);
        foreach (var a in applications)
        {
            var month = JapanTime.ToJapan(a.SubmittedAt!.Value).Month;
            facts.Add(month, area, key, Metrics.Applications, "", "", 1);
            foreach (var (kind, value) in Profile(a.MunicipalityCode, a.SizeBand, a.IndustryCode))
            {
                facts.Add(0, area, "", Metrics.Applications, kind, value, 1);
            }
            var granted = SubsidyRules.IsGranted(a.Status);
            if (granted)
            {
                facts.Add(0, area, key, Metrics.Granted, "", "", 1);
                facts.Add(0, area, key, Metrics.GrantedYen, "", "", a.GrantedYen ?? 0);
            }
            else if (a.Status == ApplicationStatus.NotGranted)
            {
                facts.Add(0, area, key, Metrics.NotGranted, "", "", 1);
            }
            if ((granted || a.Status == ApplicationStatus.NotGranted) && a.DecidedAt is { } decided)
            {
                var days = Math.Max(0, DashboardRules.DaysBetween(a.SubmittedAt.Value, decided));
                facts.Add(0, area, key, Metrics.DecisionDays, Dims.Days, days.ToString(CultureInfo.InvariantCulture), 1);
            }
        }
    }

    /// <summary>The company-profile dimensions of a record: municipality ("" outside Tokyo or unknown), size band, industry.</summary>
    private static IEnumerable<(string Kind, string Value)> Profile(string? municipality, Companies.SizeBand size, string? industry) =>
    [
        (Dims.Municipality, municipality ?? ""),
        (Dims.Size, ((int)size).ToString(CultureInfo.InvariantCulture)),
        (Dims.Industry, industry ?? ""),
    ];

    private static (DateTime FromUtc, DateTime ToUtc) MonthUtc(int bucket)
    {
        var first = Families.FirstDay(bucket);
        return (JapanTime.ToUtc(first.ToDateTime(TimeOnly.MinValue)), JapanTime.ToUtc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue)));
    }

    /// <summary>Sums the figures of one bucket before they become rows.</summary>
    private sealed class FactSink(string family, int bucket)
    {
        private readonly Dictionary<(int Month, string Area, string Measure, string Metric, string Kind, string Value), long> _sums = [];

        public int FiscalYear { get; set; } = bucket is >= 190001 and < Families.OpenEnded ? Families.FiscalYearOfBucket(bucket) : 0;

        public void Add(int month, string area, string measure, string metric, string kind, string value, long amount)
        {
            var key = (month, area, measure, metric, kind, value);
            _sums[key] = _sums.GetValueOrDefault(key) + amount;
        }

        public List<DashboardFact> ToFacts() =>
        [
            .. _sums.Where(s => s.Value != 0).Select(s => new DashboardFact
            {
                Family = family, Bucket = bucket, FiscalYear = FiscalYear, Month = s.Key.Month, AreaCode = s.Key.Area,
                MeasureKey = s.Key.Measure, Metric = s.Key.Metric, DimKind = s.Key.Kind, DimValue = s.Key.Value, Value = s.Value,
            }),
        ];
    }
}
