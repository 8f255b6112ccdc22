using Partnership.Core.Common;
using Partnership.Core.Facts;

namespace Partnership.Core.Dashboards;

/// <summary>The arithmetic of the dashboards, kept apart so it can be tested on its own.</summary>
public static class DashboardRules
{
    /// <summary>num / den, or null when there is nothing to divide by (shown as "—", never as 0 %).</summary>
    public static decimal? Rate(long numerator, long denominator) =>
        denominator <= 0 ? null : Math.Round((decimal)numerator / denominator, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A part as a share of its whole (the part's records are among the whole's), or null when the whole is empty. A
    /// part larger than its whole means the two are different populations, which is not a rate: refused.
    /// </summary>
    public static decimal? Share(long part, long whole) =>
        part > whole || part < 0
            ? throw new ArgumentException($"A share needs its part ({part}) among its whole ({whole}); show the two counts instead.")
            : Rate(part, whole);

    /// <summary>Change from the previous year as a fraction, or null when the previous year had none.</summary>
    public static decimal? Change(long current, long previous) =>
        previous <= 0 ? null : Math.Round((decimal)(current - previous) / previous, 4, MidpointRounding.AwayFromZero);

    /// <summary>The median of a histogram (value → how many); the mean of the two middle values for an even count; null when empty.</summary>
    public static decimal? Median(IEnumerable<(int Value, long Count)> histogram)
    {
        var sorted = histogram.Where(h => h.Count > 0).OrderBy(h => h.Value).ToList();
        var total = sorted.Sum(h => h.Count);
        if (total == 0)
        {
            return null;
        }
        // 1-based positions of the middle element(s).
        var lowerPosition = (total + 1) / 2;
        var upperPosition = total / 2 + 1;
        int? lower = null, upper = null;
        long seen = 0;
        foreach (var (value, count) in sorted)
        {
            seen += count;
            if (lower is null && seen >= lowerPosition)
            {
                lower = value;
            }
            if (seen >= upperPosition)
            {
                upper = value;
                break;
            }
        }
        return total % 2 == 1 ? lower!.Value : (lower!.Value + upper!.Value) / 2m;
    }

    /// <summary>The fiscal year a day belongs to (April–March).</summary>
    public static int FiscalYearOf(DateOnly day) => day.Month >= 4 ? day.Year : day.Year - 1;

    /// <summary>The twelve month buckets of a fiscal year, April first.</summary>
    public static IReadOnlyList<int> MonthsOf(int fiscalYear) =>
        [.. Enumerable.Range(0, 12).Select(i => { var d = new DateOnly(fiscalYear, 4, 1).AddMonths(i); return Families.MonthBucket(d); })];

    /// <summary>First and last day of a fiscal year.</summary>
    public static (DateOnly First, DateOnly Last) DaysOf(int fiscalYear) => (new DateOnly(fiscalYear, 4, 1), new DateOnly(fiscalYear + 1, 3, 31));

    /// <summary>
    /// The day a year's stock figures (entries in force, expiring soon) are read on: today for the current year,
    /// the year's last day for a past year, its first day for a year that has not begun.
    /// </summary>
    public static DateOnly AsOf(int fiscalYear, DateOnly today)
    {
        var (first, last) = DaysOf(fiscalYear);
        return today < first ? first : today > last ? last : today;
    }

    /// <summary>Whole days between two instants, counted on Japan-time calendar days (submitted on the 1st, decided on the 3rd: 2).</summary>
    public static int DaysBetween(DateTime fromUtc, DateTime toUtc) =>
        DateOnly.FromDateTime(JapanTime.ToJapan(toUtc)).DayNumber - DateOnly.FromDateTime(JapanTime.ToJapan(fromUtc)).DayNumber;

    /// <summary>
    /// The fiscal years the dashboards offer: every year of the plan (the catalog's plan years, whether or not records
    /// are dated in them) and the current one, newest first.
    /// </summary>
    public static IReadOnlyList<int> SelectableYears(int currentFiscalYear, IEnumerable<int> planYears) =>
        [.. planYears.Append(currentFiscalYear).Distinct().OrderDescending()];
}

/// <summary>
/// The way from outreach to a decision in one area and year: activities, referrals (and those converted),
/// applications (scheme entries submitted and subsidy applications received) and decisions (accepted or rejected
/// entries, granted or refused applications, of the same year's applications). A rate is shown only where the
/// numerator's records are among the denominator's: converted referrals of the referrals, decisions of the
/// applications. Referrals are not drawn from activities, nor applications from referrals (most applications come
/// without one), so those steps are shown as counts side by side, never as a rate (which read 200 % before).
/// </summary>
public sealed record Funnel(long Activities, long Referrals, long Converted, long Applications, long Decisions)
{
    /// <summary>Converted referrals as a share of the referrals made.</summary>
    public decimal? ConversionRate => DashboardRules.Share(Converted, Referrals);

    /// <summary>Decisions as a share of the applications they decide.</summary>
    public decimal? DecisionRate => DashboardRules.Share(Decisions, Applications);

    public static Funnel Of(long activities, long referrals, long converted, long entriesSubmitted, long applicationsReceived,
        long entriesDecided, long applicationsDecided)
    {
        if (entriesDecided > entriesSubmitted || applicationsDecided > applicationsReceived || converted > referrals)
        {
            throw new ArgumentException("A cohort cannot have more decisions than applications, nor more conversions than referrals.");
        }
        return new Funnel(activities, referrals, converted, entriesSubmitted + applicationsReceived, entriesDecided + applicationsDecided);
    }

    public static Funnel operator +(Funnel a, Funnel b) =>
        new(a.Activities + b.Activities, a.Referrals + b.Referrals, a.Converted + b.Converted, a.Applications + b.Applications, a.Decisions + b.Decisions);
}
