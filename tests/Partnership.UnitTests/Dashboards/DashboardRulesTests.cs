using Partnership.Core.Common;
using Partnership.Core.Dashboards;
using Partnership.Core.Facts;

namespace Partnership.UnitTests.Dashboards;

public class DashboardRulesTests
{
    [Theory]
    // 31 March 23:59 Japan time is still the old year; 1 April 00:00 Japan time is the new one (UTC is 9 hours behind).
    [InlineData("2026-03-31T14:59:59Z", 2025)]
    [InlineData("2026-03-31T15:00:00Z", 2026)]
    [InlineData("2027-03-31T14:59:59Z", 2026)]
    [InlineData("2026-01-01T00:00:00Z", 2025)]
    public void An_instant_belongs_to_the_fiscal_year_of_its_Japan_date(string instant, int fiscalYear)
    {
        var utc = DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(fiscalYear, JapanTime.FiscalYearOf(utc));
        Assert.Equal(fiscalYear, Families.FiscalYearOfBucket(Families.MonthBucket(utc)));
    }

    [Theory]
    [InlineData(2026, 3, 31, 2025)]
    [InlineData(2026, 4, 1, 2026)]
    [InlineData(2027, 3, 31, 2026)]
    public void A_day_belongs_to_the_fiscal_year_from_April_to_March(int y, int m, int d, int fiscalYear)
    {
        Assert.Equal(fiscalYear, DashboardRules.FiscalYearOf(new DateOnly(y, m, d)));
        Assert.Equal(fiscalYear, Families.FiscalYearOfBucket(Families.MonthBucket(new DateOnly(y, m, d))));
    }

    [Fact]
    public void The_month_bucket_of_an_instant_is_its_month_in_Japan_time()
    {
        // 31 March 2026 20:00 UTC is 1 April 2026 05:00 in Tokyo.
        Assert.Equal(202604, Families.MonthBucket(new DateTime(2026, 3, 31, 20, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(202603, Families.MonthBucket(new DateTime(2026, 3, 31, 14, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_fiscal_year_has_twelve_months_from_April_to_March()
    {
        var months = DashboardRules.MonthsOf(2026);
        Assert.Equal(12, months.Count);
        Assert.Equal(202604, months[0]);
        Assert.Equal(202612, months[8]);
        Assert.Equal(202703, months[11]);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(5, 0, null)]
    [InlineData(0, 4, "0")]
    [InlineData(1, 3, "0.3333")]
    [InlineData(2, 3, "0.6667")]
    [InlineData(7, 7, "1")]
    public void A_rate_over_nothing_has_no_value_rather_than_zero(long numerator, long denominator, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DashboardRules.Rate(numerator, denominator));
    }

    [Theory]
    [InlineData(120, 100, "0.2")]
    [InlineData(50, 100, "-0.5")]
    [InlineData(10, 0, null)]
    public void The_change_from_a_year_with_nothing_has_no_value(long now, long before, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DashboardRules.Change(now, before));
    }

    [Fact]
    public void The_median_of_a_histogram_is_the_middle_value_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Null(DashboardRules.Median([]));
        Assert.Null(DashboardRules.Median([(5, 0)]));
        Assert.Equal(4m, DashboardRules.Median([(4, 1)]));
        // 1, 2, 2, 9 → (2 + 2) / 2
        Assert.Equal(2m, DashboardRules.Median([(9, 1), (2, 2), (1, 1)]));
        // 1, 3 → 2
        Assert.Equal(2m, DashboardRules.Median([(1, 1), (3, 1)]));
        // 1, 2 → 1.5
        Assert.Equal(1.5m, DashboardRules.Median([(2, 1), (1, 1)]));
        // 0 ×3, 10 ×2 → 0
        Assert.Equal(0m, DashboardRules.Median([(10, 2), (0, 3)]));
    }

    [Theory]
    [InlineData("2026-06-10", 2026, "2026-06-10")]
    [InlineData("2026-06-10", 2025, "2026-03-31")]
    [InlineData("2026-06-10", 2027, "2027-04-01")]
    public void Stock_figures_are_read_on_today_within_the_year_else_its_nearest_end(string today, int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DashboardRules.AsOf(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Days_to_a_decision_count_Japan_calendar_days()
    {
        // Submitted 1 April 23:30 JST, decided 2 April 00:10 JST: one day, though only 40 minutes passed.
        var submitted = new DateTime(2026, 4, 1, 14, 30, 0, DateTimeKind.Utc);
        Assert.Equal(1, DashboardRules.DaysBetween(submitted, submitted.AddMinutes(40)));
        Assert.Equal(0, DashboardRules.DaysBetween(submitted, submitted.AddMinutes(20)));
    }

    [Fact]
    public void The_selectable_years_are_every_plan_year_and_the_current_one_newest_first()
    {
        // A plan year with no records is offered all the same (令和3年度 could not be chosen before its records existed).
        Assert.Equal([2026, 2022, 2021], DashboardRules.SelectableYears(2026, [2021, 2022]));
        Assert.Equal([2027, 2026, 2021], DashboardRules.SelectableYears(2026, [2027, 2021, 2026]));
        Assert.Equal([2026], DashboardRules.SelectableYears(2026, []));
    }

    [Fact]
    public void The_funnel_adds_entries_and_applications_and_rates_only_shares_of_their_own_population()
    {
        var funnel = Funnel.Of(activities: 200, referrals: 50, converted: 10, entriesSubmitted: 15, applicationsReceived: 5, entriesDecided: 10, applicationsDecided: 2);
        Assert.Equal((200L, 50L, 10L, 20L, 12L), (funnel.Activities, funnel.Referrals, funnel.Converted, funnel.Applications, funnel.Decisions));
        Assert.Equal(0.2m, funnel.ConversionRate);
        Assert.Equal(0.6m, funnel.DecisionRate);
    }

    [Fact]
    public void More_applications_than_referrals_is_two_counts_and_no_rate_above_one_hundred_percent()
    {
        // The case that read 申込み率 200.0 %: 2 referrals, 4 applications (most of which came without a referral).
        var funnel = Funnel.Of(activities: 1, referrals: 2, converted: 1, entriesSubmitted: 3, applicationsReceived: 1, entriesDecided: 1, applicationsDecided: 0);
        Assert.Equal((2L, 4L), (funnel.Referrals, funnel.Applications));
        var rates = typeof(Funnel).GetProperties().Where(p => p.PropertyType == typeof(decimal?)).ToList();
        Assert.Equal(["ConversionRate", "DecisionRate"], rates.Select(p => p.Name).Order());
        Assert.All(rates, p => Assert.InRange((decimal)p.GetValue(funnel)!, 0m, 1m));
        Assert.Equal(0.5m, funnel.ConversionRate);
        Assert.Equal(0.25m, funnel.DecisionRate);
    }

    [Fact]
    public void A_share_larger_than_its_whole_is_refused_and_an_empty_whole_has_no_rate()
    {
        Assert.Throws<ArgumentException>(() => DashboardRules.Share(4, 2));
        Assert.Throws<ArgumentException>(() => DashboardRules.Share(-1, 2));
        Assert.Null(DashboardRules.Share(0, 0));
        Assert.Equal(1m, DashboardRules.Share(2, 2));
    }

    [Fact]
    public void A_funnel_step_with_nothing_before_it_has_no_rate()
    {
        var funnel = Funnel.Of(0, 0, 0, 3, 0, 0, 0);
        Assert.Null(funnel.ConversionRate);
        Assert.Equal(0m, funnel.DecisionRate);
    }

    [Fact]
    public void A_cohort_with_more_decisions_than_applications_or_conversions_than_referrals_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Funnel.Of(1, 1, 0, 2, 0, 3, 0));
        Assert.Throws<ArgumentException>(() => Funnel.Of(1, 1, 0, 0, 1, 0, 2));
        Assert.Throws<ArgumentException>(() => Funnel.Of(1, 1, 2, 0, 0, 0, 0));
    }

    [Fact]
    public void Funnels_of_areas_add_up_to_the_total()
    {
        var a = Funnel.Of(10, 5, 1, 3, 1, 2, 1);
        var b = Funnel.Of(20, 4, 2, 2, 2, 1, 0);
        Assert.Equal(new Funnel(30, 9, 3, 8, 4), a + b);
    }
}
