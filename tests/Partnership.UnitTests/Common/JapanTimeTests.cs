using System.Globalization;
using Partnership.Core.Common;

namespace Partnership.UnitTests.Common;

public class JapanTimeTests
{
    private static readonly CultureInfo Ja = new("ja");
    private static readonly CultureInfo En = new("en");

    [Fact]
    public void The_last_minute_of_31_March_in_Japan_belongs_to_the_old_fiscal_year()
    {
        // 2022-03-31 23:59 JST = 2022-03-31 14:59 UTC
        var utc = new DateTime(2022, 3, 31, 14, 59, 0, DateTimeKind.Utc);
        Assert.Equal(2021, JapanTime.FiscalYearOf(utc));
    }

    [Fact]
    public void Midnight_of_1_April_in_Japan_starts_the_new_fiscal_year_although_it_is_still_31_March_in_UTC()
    {
        // 2022-04-01 00:00 JST = 2022-03-31 15:00 UTC
        var utc = new DateTime(2022, 3, 31, 15, 0, 0, DateTimeKind.Utc);
        Assert.Equal(2022, JapanTime.FiscalYearOf(utc));
    }

    [Fact]
    public void A_fiscal_year_runs_from_1_April_to_the_next_1_April_Japan_time()
    {
        Assert.Equal(new DateTime(2021, 3, 31, 15, 0, 0, DateTimeKind.Utc), JapanTime.FiscalYearStartUtc(2021));
        Assert.Equal(new DateTime(2022, 3, 31, 15, 0, 0, DateTimeKind.Utc), JapanTime.FiscalYearEndUtc(2021));
    }

    [Theory]
    [InlineData(2021, "令和3年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(1989, "平成元年度")]
    [InlineData(1988, "昭和63年度")]
    public void Fiscal_years_are_named_with_the_Japanese_era(int fiscalYear, string expected) =>
        Assert.Equal(expected, JapanTime.FiscalYearEraJa(fiscalYear));

    [Fact]
    public void Fiscal_year_labels_show_the_era_with_the_Western_year_beside_it()
    {
        Assert.Equal("令和3年度 (2021)", JapanTime.FiscalYearLabel(2021, Ja));
        Assert.Equal("FY2021 (Reiwa 3)", JapanTime.FiscalYearLabel(2021, En));
    }

    [Fact]
    public void Dates_are_shown_in_Japan_time_with_the_era_where_asked()
    {
        // 2021-03-31 16:00 UTC is already 1 April in Tokyo.
        var utc = new DateTime(2021, 3, 31, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal("令和3年4月1日", JapanTime.FormatDate(utc, Ja, withEra: true));
        Assert.Equal("2021年4月1日", JapanTime.FormatDate(utc, Ja));
        Assert.Equal("1 April 2021", JapanTime.FormatDate(utc, En));
        Assert.Equal("2021年4月1日 1:00", JapanTime.FormatDateTime(utc, Ja));
    }
}
