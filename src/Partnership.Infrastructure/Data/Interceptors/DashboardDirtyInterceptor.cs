using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Partnership.Core.Catalog;
using Partnership.Core.Companies;
using Partnership.Core.Dashboards;
using Partnership.Core.Facts;
using Partnership.Core.Outreach;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;

namespace Partnership.Infrastructure.Data.Interceptors;

/// <summary>
/// Marks the dashboard buckets a save touches, in the same save (so in the same transaction): the month of an
/// activity, a referral or an entry's first submission (before and after the change), the days of validity, the
/// subsidy window of an application. Changes that can move every figure (a measure moved to another area) mark
/// everything. Changes made with ExecuteUpdate are covered through the event row every such path adds
/// (<see cref="SubsidyEvent"/>). See docs/adr/0050-dashboard-facts.md.
/// </summary>
public sealed class DashboardDirtyInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await MarkAsync(context, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            MarkAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    private static async Task MarkAsync(DbContext context, CancellationToken ct)
    {
        var marks = new HashSet<(string Family, int Bucket)>();
        var activityIds = new HashSet<int>();
        var applicationIds = new HashSet<int>();
        var companyIds = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case OutreachActivity:
                    foreach (var day in Values<DateOnly>(entry, nameof(OutreachActivity.Date)))
                    {
                        marks.Add((Families.Outreach, Families.MonthBucket(day)));
                    }
                    break;
                case OutreachActivityMeasure measure:
                    activityIds.Add(measure.ActivityId);
                    break;
                case Referral:
                    foreach (var at in Values<DateTime>(entry, nameof(Referral.ReferredAt)))
                    {
                        marks.Add((Families.Referrals, Families.MonthBucket(at)));
                    }
                    break;
                case SchemeEntry:
                    MarkEntry(entry, marks);
                    break;
                case SubsidyApplication:
                    if (Values<DateTime?>(entry, nameof(SubsidyApplication.SubmittedAt)).Any(v => v is not null))
                    {
                        foreach (var window in Values<int>(entry, nameof(SubsidyApplication.WindowId)))
                        {
                            marks.Add((Families.Subsidies, window));
                        }
                    }
                    break;
                case SubsidyEvent subsidyEvent when entry.State == EntityState.Added:
                    applicationIds.Add(subsidyEvent.ApplicationId);
                    break;
                case SubsidyWindow window:
                    marks.Add((Families.Subsidies, window.Id));
                    break;
                case Company when entry.State == EntityState.Modified && Changed(entry, nameof(Company.MunicipalityCode), nameof(Company.SizeBand), nameof(Company.IndustryCode)):
                    companyIds.Add(((Company)entry.Entity).Id);
                    break;
                case Measure when entry.State != EntityState.Added && Changed(entry, nameof(Measure.AreaId), nameof(Measure.Key)):
                case Scheme when entry.State != EntityState.Added && Changed(entry, nameof(Scheme.AreaCode), nameof(Scheme.MeasureKey)):
                case SubsidyProgram when entry.State != EntityState.Added && Changed(entry, nameof(SubsidyProgram.AreaCode), nameof(SubsidyProgram.MeasureKey)):
                    marks.Add((DashboardFacts.Everything, 0));
                    break;
            }
        }
        await MarkByLookupAsync(context, marks, activityIds, applicationIds, companyIds, ct);
        if (marks.Count == 0)
        {
            return;
        }
        var pending = context.ChangeTracker.Entries<DashboardDirtyMark>().Where(e => e.State == EntityState.Added)
            .Select(e => (e.Entity.Family, e.Entity.Bucket)).ToHashSet();
        foreach (var (family, bucket) in marks.Where(m => !pending.Contains(m)))
        {
            context.Add(new DashboardDirtyMark { Family = family, Bucket = bucket });
        }
    }

    private static void MarkEntry(EntityEntry entry, HashSet<(string, int)> marks)
    {
        foreach (var at in Values<DateTime?>(entry, nameof(SchemeEntry.FirstSubmittedAt)))
        {
            if (at is { } value)
            {
                marks.Add((Families.Entries, Families.MonthBucket(value)));
            }
        }
        foreach (var snapshot in Snapshots(entry))
        {
            if (snapshot[nameof(SchemeEntry.ValidFrom)] is DateOnly from)
            {
                marks.Add((Families.ValidFrom, Families.MonthBucket(from)));
                marks.Add((Families.ValidUntil, snapshot[nameof(SchemeEntry.ValidUntil)] is DateOnly until ? Families.MonthBucket(until) : Families.OpenEnded));
            }
        }
    }

    private static async Task MarkByLookupAsync(DbContext context, HashSet<(string, int)> marks,
        HashSet<int> activityIds, HashSet<int> applicationIds, HashSet<int> companyIds, CancellationToken ct)
    {
        // Rows already tracked answer without a query (the usual case: the activity is saved with its measures).
        foreach (var activity in context.ChangeTracker.Entries<OutreachActivity>())
        {
            activityIds.Remove(activity.Entity.Id);
        }
        if (activityIds.Count > 0)
        {
            foreach (var day in await context.Set<OutreachActivity>().AsNoTracking().Where(a => activityIds.Contains(a.Id)).Select(a => a.Date).Distinct().ToListAsync(ct))
            {
                marks.Add((Families.Outreach, Families.MonthBucket(day)));
            }
        }
        // A path that writes an application by conditional updates marks its window itself (Subsidies/SubmissionStore): no lookup.
        if (context.ChangeTracker.Entries<DashboardDirtyMark>().Any(e => e.State == EntityState.Added && e.Entity.Family == Families.Subsidies))
        {
            applicationIds.Clear();
        }
        foreach (var application in context.ChangeTracker.Entries<SubsidyApplication>())
        {
            if (applicationIds.Remove(application.Entity.Id))
            {
                marks.Add((Families.Subsidies, application.Entity.WindowId));
            }
        }
        if (applicationIds.Count > 0)
        {
            foreach (var window in await context.Set<SubsidyApplication>().AsNoTracking().Where(a => applicationIds.Contains(a.Id)).Select(a => a.WindowId).Distinct().ToListAsync(ct))
            {
                marks.Add((Families.Subsidies, window));
            }
        }
        if (companyIds.Count > 0)
        {
            // The breakdowns by municipality, size and industry follow the company's profile.
            foreach (var at in await context.Set<Referral>().AsNoTracking().Where(r => r.CompanyId != null && companyIds.Contains(r.CompanyId.Value)).Select(r => r.ReferredAt).ToListAsync(ct))
            {
                marks.Add((Families.Referrals, Families.MonthBucket(at)));
            }
            foreach (var at in await context.Set<SchemeEntry>().AsNoTracking().Where(e => companyIds.Contains(e.CompanyId) && e.FirstSubmittedAt != null).Select(e => e.FirstSubmittedAt!.Value).ToListAsync(ct))
            {
                marks.Add((Families.Entries, Families.MonthBucket(at)));
            }
            foreach (var window in await context.Set<SubsidyApplication>().AsNoTracking().Where(a => companyIds.Contains(a.CompanyId)).Select(a => a.WindowId).Distinct().ToListAsync(ct))
            {
                marks.Add((Families.Subsidies, window));
            }
        }
    }

    /// <summary>The property's value before the change (unless added) and after it (unless deleted).</summary>
    private static IEnumerable<T> Values<T>(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        if (entry.State != EntityState.Added)
        {
            yield return (T)p.OriginalValue!;
        }
        if (entry.State != EntityState.Deleted)
        {
            yield return (T)p.CurrentValue!;
        }
    }

    private static IEnumerable<PropertyValues> Snapshots(EntityEntry entry)
    {
        if (entry.State != EntityState.Added)
        {
            yield return entry.OriginalValues;
        }
        if (entry.State != EntityState.Deleted)
        {
            yield return entry.CurrentValues;
        }
    }

    private static bool Changed(EntityEntry entry, params string[] properties) =>
        properties.Any(p => entry.Property(p) is { } property && !Equals(property.OriginalValue, property.CurrentValue));
}
