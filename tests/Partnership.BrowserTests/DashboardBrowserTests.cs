using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

public class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_official_opens_the_dashboard_switches_year_and_area_drills_into_a_figure_and_downloads_the_CSV()
    {
        var year = JapanTime.FiscalYearOf(DateTime.UtcNow);
        // Outreach of this year for the telework area, as the chamber would have logged it.
        await browser.Portal.WithDbAsync(async db =>
        {
            var measure = await db.Measures.Where(m => m.Key == "TELEWORK-M01").OrderByDescending(m => m.PlanId).FirstAsync();
            var activity = new OutreachActivity
            {
                Date = new DateOnly(year, 5, 20), Channel = OutreachChannel.Seminar, BranchCode = "13101", Reach = 85, LoggedByUserId = "dashboard-browser-test",
                Note = "ダッシュボード試験のセミナー",
            };
            activity.Measures.Add(new OutreachActivityMeasure { MeasureId = measure.Id });
            db.OutreachActivities.Add(activity);
            return await db.SaveChangesAsync();
        });

        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Metro);
        await page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "ダッシュボード", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "連携事業ダッシュボード", Level = 1 }).WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("90-dashboard");
        // The page is long: the top and a few sections on their own, to look at.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "90a-dashboard-top.png") });
        foreach (var section in new[] { "summary", "windows", "channels", "municipalities", "monthly" })
        {
            await page.Locator($"#t-{section}").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"90-section-{section}.png") });
        }

        // The plan's first year (offered whether or not records are dated in it), then back to this one for the
        // telework area, compared with the year before.
        await page.Locator("#year").SelectOptionAsync("2021");
        await page.GetByRole(AriaRole.Button, new() { Name = "表示する" }).ClickAsync();
        Assert.Contains("令和3年度", await page.GetByTestId("dashboard-scope").InnerTextAsync());
        await page.Locator("#year").SelectOptionAsync(year.ToString());
        await page.Locator("#area").SelectOptionAsync(new SelectOptionValue { Label = "テレワークの推進" });
        await page.GetByLabel("前年度と比較する").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "表示する" }).ClickAsync();
        var scope = await page.GetByTestId("dashboard-scope").InnerTextAsync();
        Assert.Contains(JapanTime.FiscalYearEraJa(year), scope);
        Assert.Contains("テレワーク", scope);
        await page.Locator("#t-compare").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("91-dashboard-telework-compared");

        // The seminar figure opens the list of the activities behind it.
        var channels = page.Locator("#t-channels");
        var seminar = channels.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "セミナー" }) });
        await seminar.Locator("a[data-drill]").First.ClickAsync();
        await page.GetByTestId("outreach-activities").WaitForAsync();
        Assert.Contains("ダッシュボード試験のセミナー", await page.GetByTestId("outreach-activities").InnerTextAsync());
        Assert.Equal("Seminar", await page.Locator("#channel").InputValueAsync());
        await page.GoBackAsync();

        // The channel table as CSV: UTF-8 with a byte order mark, Japanese intact.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-channels").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("周知経路,周知活動,到達数", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("セミナー,", StringComparison.Ordinal) && int.Parse(l.Split(',')[1]) >= 1);
        Assert.EndsWith(".csv", download.SuggestedFilename);

        // The printable view and the chamber's dashboard.
        await page.GetByTestId("print-view").ClickAsync();
        Assert.Equal(0, await page.Locator(".dash-filters").CountAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("92-dashboard-print");

        var chamber = await browser.NewPageAsync();
        await chamber.SignInAsync(DemoUsers.Chamber);
        await chamber.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "商工会議所ダッシュボード", Exact = true }).ClickAsync();
        await chamber.GetByRole(AriaRole.Heading, new() { Name = "商工会議所の周知・誘導ダッシュボード", Level = 1 }).WaitForAsync();
        await chamber.AssertAccessibleAsync();
        await chamber.ScreenshotAsync("93-dashboard-chamber");
    }

    /// <summary>
    /// The elements reaching past the window's right edge, outside a region that scrolls on its own and outside the
    /// headers kept only for screen readers ("" when none).
    /// </summary>
    private const string WiderThanTheWindow = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => !e.closest('.table-responsive, .record-table thead, .visually-hidden') && e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ':' + Math.round(e.getBoundingClientRect().right))
            .slice(0, 5).join(' ')
        """;

    [Fact]
    public async Task The_tables_fit_a_1280_window_and_the_municipalities_show_those_with_figures_first_then_all_on_request()
    {
        // A referral of this year to the demo member company, so the referral funnel shows as a table (scanned below).
        await browser.Portal.WithDbAsync(async db =>
        {
            var companyId = await db.Companies.Where(c => c.MembershipVerified).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var measureId = await db.Measures.Where(m => m.Key == "TELEWORK-M01").OrderByDescending(m => m.PlanId).Select(m => m.Id).FirstAsync();
            db.Referrals.Add(new Referral { CompanyId = companyId, MeasureId = measureId, BranchCode = "13104", ReferredAt = DateTime.UtcNow, ReferredByUserId = "dashboard-browser-test" });
            return await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Metro);
        var year = JapanTime.FiscalYearOf(DateTime.UtcNow);
        await page.GotoAsync($"/dashboard?year={year}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "連携事業ダッシュボード", Level = 1 }).WaitForAsync();
        var funnel = page.Locator("#t-referral-funnel");
        await funnel.Locator("table").WaitForAsync();
        Assert.Contains("誘導前から登録済み", await funnel.InnerTextAsync());

        // At 1,280 px no table scrolls sideways: the summary's 誘導 and 成約 columns are on screen.
        var overflowing = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.dash-section .table-responsive')].filter(r => r.scrollWidth > r.clientWidth + 1).map(r => r.closest('section').dataset.table)");
        Assert.Empty(overflowing);
        var converted = page.Locator("#t-summary thead th", new() { HasText = "うち成約" });
        var box = await converted.BoundingBoxAsync();
        Assert.True(box is not null && box.X + box.Width <= 1280, $"成約 column at {box?.X}+{box?.Width}");

        // The municipalities: only those with a figure, by code; all 63 rows (62 and outside Tokyo) on request.
        var rows = page.Locator("#t-municipalities tbody tr");
        var withFigures = await rows.CountAsync();
        Assert.True(withFigures < 63);
        for (var i = 0; i < withFigures; i++)
        {
            Assert.NotEqual("0 0 0", string.Join(' ', await rows.Nth(i).Locator("td").AllInnerTextsAsync()));
        }
        await page.Locator("#t-municipalities").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "94-dashboard-municipalities.png") });
        await page.GetByTestId("municipalities-all").ClickAsync();
        await page.GetByTestId("municipalities-with-figures").WaitForAsync();
        Assert.Equal(63, await rows.CountAsync());
        for (var i = withFigures; i < 63; i++)
        {
            Assert.Equal("0 0 0", string.Join(' ', await rows.Nth(i).Locator("td").AllInnerTextsAsync()));
        }
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "94a-dashboard-1280.png") });
        await funnel.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "94d-dashboard-referral-funnel-1280.png") });

        // At 390 px the wide tables scroll in their own region, with readable columns, and the page passes axe.
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "94b-dashboard-390.png") });
        await page.Locator("#t-summary").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "94c-dashboard-summary-390.png") });
        await funnel.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "94e-dashboard-referral-funnel-390.png") });
        Assert.Equal("", await page.EvaluateAsync<string>(WiderThanTheWindow));

        // A year without a plan: a message naming it, not another year's figures.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/dashboard?year=1999");
        Assert.Contains("1999年度の事業計画はありません。", await page.GetByTestId("unknown-year").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("dashboard-scope").CountAsync());
    }

    [Fact]
    public async Task The_directory_reads_at_390_px_without_names_wrapping_one_character_per_line()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/directory");
        var name = page.Locator("[data-testid=directory] tbody td.record-title").First;
        await name.WaitForAsync();
        var box = await name.BoundingBoxAsync();
        Assert.True(box!.Width > 250, $"the company name has {box.Width}px");
        Assert.Equal("", await page.EvaluateAsync<string>(WiderThanTheWindow));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("95-directory-390");
    }

    [Fact]
    public async Task The_expense_lines_keep_usable_inputs_at_390_px()
    {
        var company = await browser.NewPageAsync();
        await company.SignInAsync(DemoUsers.Company);
        await company.GotoAsync("/subsidies");
        await company.Locator("[data-testid=windows]").GetByRole(AriaRole.Link, new() { Name = "テレワーク機器導入経費補助" }).ClickAsync();
        await company.GetByRole(AriaRole.Button, new() { Name = "申請を始める" }).ClickAsync();
        await company.Locator("#subsidy-form").WaitForAsync();

        await company.SetViewportSizeAsync(390, 844);
        var description = await company.GetByLabel("1行目の品名・内容", new() { Exact = true }).BoundingBoxAsync();
        var quantity = await company.GetByLabel("1行目の数量", new() { Exact = true }).BoundingBoxAsync();
        var price = await company.GetByLabel("1行目の単価（円）", new() { Exact = true }).BoundingBoxAsync();
        Assert.True(description!.Width > 250, $"description {description.Width}px");
        Assert.True(quantity!.Width > 120 && price!.Width > 120, $"quantity {quantity.Width}px, price {price?.Width}px");
        // Quantity and unit price sit under the description, with their labels shown.
        Assert.True(quantity.Y > description.Y);
        Assert.Equal("", await company.EvaluateAsync<string>(WiderThanTheWindow));
        await company.GetByLabel("1行目の品名・内容", new() { Exact = true }).FillAsync("ノートパソコン");
        await company.GetByLabel("1行目の数量", new() { Exact = true }).FillAsync("２");
        await company.GetByLabel("1行目の単価（円）", new() { Exact = true }).FillAsync("１２８，５００");
        await company.Locator("#computed-eligible", new() { HasTextString = "257,000円" }).WaitForAsync();
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("96-expense-lines-390");
    }
}
