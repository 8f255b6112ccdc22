namespace Partnership.Core.Facts;

// What a writer in any area needs to mark the dashboards' figures of its records stale: the families of facts,
// how their buckets are keyed, and the mark itself (docs/adr/0050-dashboard-facts.md). The dashboards read and
// recompute the facts; the areas whose records they count only write marks, so they need not know the dashboards.

/// <summary>
/// A bucket whose facts no longer match its records. Marks are only ever added by writers and removed, by id,
/// by the refresh that recomputed them, so a write during a refresh leaves its mark for the next one.
/// </summary>
public class DashboardDirtyMark
{
    public long Id { get; set; }
    public required string Family { get; set; }
    public int Bucket { get; set; }
}

/// <summary>The families of facts and how their buckets are keyed.</summary>
public static class Families
{
    /// <summary>Outreach activities, bucket yyyymm of the activity's date.</summary>
    public const string Outreach = "out";
    /// <summary>Referrals, bucket yyyymm (Japan time) of the referral.</summary>
    public const string Referrals = "ref";
    /// <summary>Scheme entries, bucket yyyymm (Japan time) of their first submission: the year's cohort and what became of it.</summary>
    public const string Entries = "ent";
    /// <summary>Entries in force, bucket yyyymm of the first day of validity (facts per day).</summary>
    public const string ValidFrom = "vf";
    /// <summary>Entries in force, bucket yyyymm of the last day of validity (facts per day).</summary>
    public const string ValidUntil = "vu";
    /// <summary>Subsidy applications, bucket = the window's id.</summary>
    public const string Subsidies = "sub";

    public static readonly IReadOnlyList<string> All = [Outreach, Referrals, Entries, ValidFrom, ValidUntil, Subsidies];

    /// <summary>yyyymm, e.g. 202604.</summary>
    public static int MonthBucket(DateOnly day) => day.Year * 100 + day.Month;

    /// <summary>The month bucket of a UTC instant, in Japan time.</summary>
    public static int MonthBucket(DateTime utc) => MonthBucket(DateOnly.FromDateTime(Common.JapanTime.ToJapan(utc)));

    /// <summary>Bucket of an open-ended validity (no last day).</summary>
    public const int OpenEnded = 999912;

    public static DateOnly FirstDay(int monthBucket) => new(monthBucket / 100, monthBucket % 100, 1);

    public static int FiscalYearOfBucket(int monthBucket) => monthBucket % 100 >= 4 ? monthBucket / 100 : monthBucket / 100 - 1;
}
