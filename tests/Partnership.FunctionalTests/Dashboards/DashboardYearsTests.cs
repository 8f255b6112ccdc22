using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Dashboards;

/// <summary>The dashboards' fiscal years come from the plan, not from the records present.</summary>
public sealed class DashboardYearsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly int _current = JapanTime.FiscalYearOf(DateTime.UtcNow);

    [Fact]
    public async Task Every_plan_year_is_offered_and_shown_even_without_records()
    {
        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var planYears = await portal.WithDbAsync(db => db.PartnershipPlans.Select(p => p.FiscalYear).ToListAsync());
        Assert.Contains(2021, planYears);

        var page = await metro.GetStringAsync("/dashboard?year=2021");
        Assert.Matches("dashboard-scope\">令和3年度 \\(2021\\)", page);
        Assert.DoesNotContain("data-testid=\"unknown-year\"", page);
        foreach (var year in planYears.Append(_current))
        {
            Assert.Contains($"<option value=\"{year}\"", page);
        }
        Assert.Contains("<option value=\"2021\" selected=\"selected\"", page);

        // The year's tables are there, with figures (zeros where nothing is recorded), not another year's.
        var summary = await metro.GetStringAsync("/dashboard/export/summary?year=2021&format=csv");
        var rows = summary.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 6 + 1, rows.Length);
        Assert.All(rows[1..], r => Assert.All(r.Split(',')[1..5], cell => Assert.True(long.TryParse(cell, out _), r)));

        var chamber = await portal.SignedInAsync(DemoUsers.Chamber);
        Assert.Matches("dashboard-scope\">令和3年度 \\(2021\\)", await chamber.GetStringAsync("/dashboard/chamber?year=2021"));
    }

    [Fact]
    public async Task A_year_without_a_plan_is_named_in_a_message_and_no_other_year_is_shown_under_it()
    {
        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var response = await metro.GetAsync("/dashboard?year=1999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("1999年度の事業計画はありません。表示できる年度は、令和3年度 (2021)", page);
        Assert.DoesNotContain("data-testid=\"dashboard-scope\"", page);
        Assert.DoesNotContain("data-table=\"summary\"", page);
        // The year list is still there to choose from.
        Assert.Contains("<option value=\"2021\"", page);
        Assert.Equal(HttpStatusCode.NotFound, (await metro.GetAsync("/dashboard/export/summary?year=1999&format=csv")).StatusCode);

        var chamber = await portal.SignedInAsync(DemoUsers.Chamber);
        var chamberResponse = await chamber.GetAsync("/dashboard/chamber?year=2150");
        Assert.Equal(HttpStatusCode.NotFound, chamberResponse.StatusCode);
        Assert.Contains("2150年度の事業計画はありません。", await chamberResponse.Content.ReadAsStringAsync());

        await metro.GetAsync("/language?culture=en&returnUrl=/dashboard");
        var english = await (await metro.GetAsync("/dashboard?year=1999")).Content.ReadAsStringAsync();
        Assert.Contains("There is no partnership plan for fiscal year 1999.", english);
    }
}
