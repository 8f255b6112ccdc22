using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>The dashboards over HTTP: figures as the records say, filters, drill-down, exports, who may see what.</summary>
public sealed class DashboardTests : IDisposable
{
    private readonly PortalFactory _portal = new();
    private readonly int _year = JapanTime.FiscalYearOf(DateTime.UtcNow);

    public void Dispose() => _portal.Dispose();

    private async Task LogAsync(HttpClient chamber, string measureKey, string channel, int reach, string note)
    {
        var measureId = await _portal.WithDbAsync(db => db.Measures.Where(m => m.Key == measureKey).OrderByDescending(m => m.Plan!.FiscalYear).Select(m => m.Id).FirstAsync());
        var logged = await chamber.PostFormAsync("/outreach/new", "/outreach/new",
        [
            new("Date", $"{_year}-06-01"), new("Channel", channel), new("MeasureIds", measureId.ToString()), new("BranchCode", "13101"),
            new("Reach", reach.ToString()), new("Note", note),
        ]);
        Assert.Equal("/outreach", logged.Headers.Location?.OriginalString);
    }

    /// <summary>The rows of a CSV export after its byte order mark, split into cells (the tests use no quoted commas).</summary>
    private static async Task<List<string[]>> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return [.. Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];
    }

    [Fact]
    public async Task An_official_sees_the_year_as_the_records_say_by_channel_and_area_and_the_export_matches()
    {
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        await LogAsync(chamber, "TELEWORK-M01", "MailMagazine", 1200, "ダッシュボード確認用のメールマガジン");
        await LogAsync(chamber, "TELEWORK-M01", "Tour", 30, "ダッシュボード確認用の見学会");
        var (first, last) = (new DateOnly(_year, 4, 1), new DateOnly(_year + 1, 3, 31));
        var expected = await _portal.WithDbAsync(db => db.OutreachActivities.Where(a => a.Date >= first && a.Date <= last && a.Channel == OutreachChannel.MailMagazine)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Reach = g.Sum(a => a.Reach) }).SingleAsync());

        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var page = await metro.GetStringAsync($"/dashboard?year={_year}");
        Assert.Contains("連携事業ダッシュボード", page);
        Assert.Contains("分野別の概要", page);
        Assert.Contains("周知経路別の活動", page);
        Assert.Contains("role=\"img\"", page);
        Assert.Contains($"/outreach?from={first:yyyy-MM-dd}&amp;to={last:yyyy-MM-dd}&amp;channel=MailMagazine", page);

        var rows = await CsvAsync(metro, $"/dashboard/export/channels?year={_year}&format=csv");
        Assert.Equal(["周知経路", "周知活動", "到達数"], rows[0]);
        var mail = rows.Single(r => r[0] == "メールマガジン");
        Assert.Equal(expected.Count.ToString(), mail[1]);
        Assert.Equal(expected.Reach.ToString(), mail[2]);

        // The same figure for the telework area counts it; for an area it was not about, the channel has none of these.
        var telework = await CsvAsync(metro, $"/dashboard/export/channels?year={_year}&area=TELEWORK&format=csv");
        Assert.True(int.Parse(telework.Single(r => r[0] == "見学会")[1]) >= 1);
        var teleworkPage = await metro.GetStringAsync($"/dashboard?year={_year}&area=TELEWORK");
        Assert.Contains("data-testid=\"dashboard-scope\"", teleworkPage);
        Assert.Matches("dashboard-scope\">[^<]*テレワーク", teleworkPage);

        // Clicking the figure lists the activities behind it.
        var drilled = await metro.GetStringAsync($"/outreach?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&channel=MailMagazine");
        Assert.Contains("ダッシュボード確認用のメールマガジン", drilled);
        Assert.DoesNotContain("ダッシュボード確認用の見学会", drilled);
    }

    [Fact]
    public async Task The_workbook_export_opens_with_the_table_and_the_comparison_names_both_years()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var response = await metro.GetAsync($"/dashboard/export/municipalities?year={_year}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal("区市町村", rows[0].Elements<Cell>().First().InnerText);
            // 62 municipalities, 23 wards first, then those outside Tokyo or unknown.
            Assert.Equal(1 + 62 + 1, rows.Count);
            Assert.Equal("千代田区", rows[1].Elements<Cell>().First().InnerText);
            Assert.Equal("都外・不明", rows[63].Elements<Cell>().First().InnerText);
        }

        var compared = await metro.GetStringAsync($"/dashboard?year={_year}&compare=true");
        Assert.Contains("前年度との比較", compared);
        Assert.Contains("前年度", compared);
        var csv = await CsvAsync(metro, $"/dashboard/export/compare?year={_year}&format=csv");
        Assert.Equal(["項目", "今年度", "前年度", "増減", "増減率（%）"], csv[0]);
    }

    [Fact]
    public async Task Months_still_to_come_show_no_figures_rather_than_zeros()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var today = DateOnly.FromDateTime(JapanTime.Today(TimeProvider.System));

        // The current fiscal year in Japan time: the months up to this one have figures, the rest have none yet.
        var rows = await CsvAsync(metro, $"/dashboard/export/monthly?year={_year}&format=csv");
        Assert.Equal(13, rows.Count);
        for (var i = 0; i < 12; i++)
        {
            var first = new DateOnly(_year, 4, 1).AddMonths(i);
            var cells = rows[i + 1][1..];
            if (first > today)
            {
                Assert.All(cells, cell => Assert.Equal("", cell));
            }
            else
            {
                Assert.All(cells, cell => Assert.True(long.TryParse(cell, out _), $"{first:yyyy-MM}: '{cell}'"));
            }
        }
        var page = await metro.GetStringAsync($"/dashboard?year={_year}");
        var comesLater = new DateOnly(_year, 4, 1).AddMonths(11) > today;
        Assert.Equal(comesLater, page.Contains("これから迎える月は、数値がまだないため「—」で示しています。", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_filters_fall_back_and_unknown_tables_or_formats_are_not_found()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var page = await metro.GetStringAsync($"/dashboard?year={_year}&area=NOPE");
        Assert.Contains(JapanTime.FiscalYearLabel(_year, new System.Globalization.CultureInfo("ja-JP")), page);
        Assert.Contains("全分野", page);
        Assert.Equal(HttpStatusCode.NotFound, (await metro.GetAsync($"/dashboard/export/nothing?year={_year}&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await metro.GetAsync($"/dashboard/export/summary?year={_year}&format=pdf")).StatusCode);
        await metro.GetAsync("/language?culture=en&returnUrl=/dashboard");
        var english = await metro.GetStringAsync($"/dashboard?year={_year}");
        Assert.Contains("Partnership dashboard", english);
    }

    [Fact]
    public async Task Chamber_staff_see_the_chamber_dashboard_only_and_companies_neither()
    {
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        var page = await chamber.GetStringAsync($"/dashboard/chamber?year={_year}");
        Assert.Contains("商工会議所の周知・誘導ダッシュボード", page);
        Assert.Contains("施策別の誘導", page);
        Assert.DoesNotContain("交付決定額", page);
        await chamber.AssertRefusedAsync($"/dashboard?year={_year}");
        await chamber.AssertRefusedAsync($"/dashboard/export/windows?year={_year}&format=csv");
        // A Metro table asked for through the chamber's export is not one of the chamber's tables.
        Assert.Equal(HttpStatusCode.NotFound, (await chamber.GetAsync($"/dashboard/chamber/export/windows?year={_year}&format=csv")).StatusCode);
        var branches = await CsvAsync(chamber, $"/dashboard/chamber/export/branches?year={_year}&format=csv");
        Assert.Equal("支部", branches[0][0]);

        var company = await _portal.SignedInAsync(DemoUsers.Company);
        await company.AssertRefusedAsync("/dashboard");
        await company.AssertRefusedAsync("/dashboard/chamber");
        await company.AssertRefusedAsync($"/dashboard/chamber/export/branches?year={_year}&format=csv");
    }
}

/// <summary>The background refresh takes the recomputation off the next reader.</summary>
public sealed class DashboardRefreshJobTests : IDisposable
{
    /// <summary>A portal whose own runner does not refresh during the test: the test runs the job itself.</summary>
    private sealed class QuietPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Dashboards:RefreshSeconds", "3600");
        }
    }

    private readonly PortalFactory _portal = new QuietPortal();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_job_recomputes_what_a_write_marked_and_leaves_no_mark()
    {
        _portal.CreatePortalClient();
        // The runner's first round at start runs the job once; after it the job is not due for an hour. The seeded
        // data's marks are answered by the job run here (on the PostgreSQL pass the test kit seeds after the start,
        // so some marks may come after the runner's round).
        var runner = _portal.Services.GetRequiredService<Partnership.Infrastructure.Background.BackgroundRunner>();
        await runner.RoundEndedAsync().WaitAsync(TimeSpan.FromMinutes(1));
        using (var scope = _portal.Services.CreateScope())
        {
            await new Partnership.Web.Infrastructure.DashboardRefreshJob(TimeSpan.FromSeconds(5)).RunAsync(scope.ServiceProvider, CancellationToken.None);
        }
        Assert.False(await _portal.WithDbAsync(db => db.DashboardDirtyMarks.AnyAsync()), "the job answered the seeded data's marks");
        await _portal.WithDbAsync(async db =>
        {
            var measure = await db.Measures.OrderBy(m => m.Id).FirstAsync();
            var activity = new OutreachActivity { Date = new DateOnly(2026, 5, 1), Channel = OutreachChannel.Desk, BranchCode = "13101", Reach = 7, LoggedByUserId = "job-test" };
            activity.Measures.Add(new OutreachActivityMeasure { MeasureId = measure.Id });
            db.OutreachActivities.Add(activity);
            return await db.SaveChangesAsync();
        });
        Assert.True(await _portal.WithDbAsync(db => db.DashboardDirtyMarks.AnyAsync()));
        var stampBefore = await _portal.WithDbAsync(db => db.DashboardStamps.Select(s => s.Version).SingleAsync());

        using (var scope = _portal.Services.CreateScope())
        {
            await new Partnership.Web.Infrastructure.DashboardRefreshJob(TimeSpan.FromSeconds(5)).RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        Assert.False(await _portal.WithDbAsync(db => db.DashboardDirtyMarks.AnyAsync()));
        Assert.NotEqual(stampBefore, await _portal.WithDbAsync(db => db.DashboardStamps.Select(s => s.Version).SingleAsync()));
        var desk = await _portal.WithDbAsync(db => db.DashboardFacts
            .Where(f => f.Family == Partnership.Core.Facts.Families.Outreach && f.Bucket == 202605 && f.AreaCode == "" && f.Metric == "reach" && f.DimKind == "ch" && f.DimValue == "6")
            .SumAsync(f => f.Value));
        var direct = await _portal.WithDbAsync(db => db.OutreachActivities.Where(a => a.Channel == OutreachChannel.Desk && a.Date >= new DateOnly(2026, 5, 1) && a.Date < new DateOnly(2026, 6, 1)).SumAsync(a => (long)a.Reach));
        Assert.Equal(direct, desk);
    }
}
