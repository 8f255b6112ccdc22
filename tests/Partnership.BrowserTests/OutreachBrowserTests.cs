using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

[Collection(BrowserCollection.Name)]
public class OutreachBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_chamber_user_logs_a_tour_in_seconds_imports_a_file_with_an_error_sees_the_row_report_and_refers_a_member()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Chamber);
        await page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "周知啓発活動", Exact = true }).ClickAsync();
        await page.AssertAccessibleAsync();

        // Logging a tour: one form, the measures narrowed to one area.
        var watch = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Link, new() { Name = "活動を記録する" }).ClickAsync();
        await page.GetByLabel("実施日").FillAsync("2021-07-15");
        await page.GetByLabel("周知経路").SelectOptionAsync(new SelectOptionValue { Label = "見学会" });
        await page.GetByLabel("支部", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "千代田支部" });
        await page.GetByLabel("施策分野で絞り込む").SelectOptionAsync(new SelectOptionValue { Label = "テレワークの推進" });
        Assert.False(await page.Locator("[data-area=LWB]").IsVisibleAsync());
        await page.Locator("[data-area=TELEWORK] input[type=checkbox]").First.CheckAsync();
        await page.GetByLabel("到達数（配信数・部数・参加者数）").FillAsync("28");
        await page.GetByLabel("備考").FillAsync("テレワーク導入企業の見学会（ブラウザ試験）");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("70-outreach-log");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.Locator(".notice", new() { HasTextString = "活動を記録しました。" }).WaitForAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"logging took {watch.Elapsed}");
        Assert.Contains("テレワーク導入企業の見学会（ブラウザ試験）", await page.Locator("[data-testid=outreach-activities]").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("71-outreach-list");

        // An import with a wrong row: nothing imported, the report names the row.
        await page.GetByRole(AriaRole.Link, new() { Name = "表計算ファイルから取り込む" }).ClickAsync();
        var csv = "日付,経路,施策キー,支部コード,到達数,備考\n2021-06-01,メールマガジン,TELEWORK-M01,13101,1200,\n2021-06-02,東商新聞,TELEWORK-M99,13101,abc,\n";
        await page.GetByLabel("取り込むファイル（.xlsx または .csv、5MBまで）").SetInputFilesAsync(
            new FilePayload { Name = "outreach.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "確認して取り込む" }).ClickAsync();
        var report = await page.Locator("[data-testid=import-report]").InnerTextAsync();
        Assert.Contains("2 件の誤りがあります", report);
        Assert.Contains("施策キー「TELEWORK-M99」は今年度の取組にありません。", report);
        Assert.Contains("「abc」は到達数として読み取れません。", report);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("72-outreach-import-report");

        // A referral of the demo member company.
        await page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "誘導", Exact = true }).ClickAsync();
        await page.GetByLabel("会員企業", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#MeasureId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("referral-form").GetByLabel("支部", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "千代田支部" });
        await page.GetByRole(AriaRole.Button, new() { Name = "誘導を記録する" }).ClickAsync();
        await page.Locator(".notice", new() { HasTextString = "誘導を記録しました。" }).WaitForAsync();
        Assert.Contains("未成約", await page.Locator("[data-testid=referrals]").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("73-referrals");
    }

    [Fact]
    public async Task An_official_requests_publicity_of_the_telework_subsidy_the_chamber_accepts_and_records_a_mail_magazine_publication()
    {
        var metro = await browser.NewPageAsync();
        await metro.SignInAsync(DemoUsers.Metro);
        await metro.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "周知依頼", Exact = true }).ClickAsync();
        await metro.GetByLabel("関連する取組").SelectOptionAsync(new SelectOptionValue { Label = "テレワーク機器導入に係る経費補助" });
        await metro.GetByLabel("周知してほしい内容（件名）").FillAsync("テレワーク機器導入経費補助の募集開始（ブラウザ試験）");
        await metro.GetByLabel("依頼の趣旨・掲載してほしい内容").FillAsync("会員企業への周知をお願いします。");
        await metro.GetByLabel("メールマガジン").CheckAsync();
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("74-publicity-request");
        await metro.GetByRole(AriaRole.Button, new() { Name = "依頼する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "周知を依頼しました。" }).WaitForAsync();
        var address = new Uri(metro.Url).AbsolutePath;

        var chamber = await browser.NewPageAsync();
        await chamber.SignInAsync(DemoUsers.Chamber);
        await chamber.GotoAsync(address);
        await chamber.GetByRole(AriaRole.Button, new() { Name = "受諾する" }).ClickAsync();
        await chamber.Locator(".notice", new() { HasTextString = "依頼を受諾しました。" }).WaitForAsync();
        await chamber.GetByLabel("実施日").FillAsync("2021-06-10");
        await chamber.GetByLabel("周知経路").SelectOptionAsync(new SelectOptionValue { Label = "メールマガジン" });
        await chamber.GetByLabel("支部", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "千代田支部" });
        await chamber.GetByLabel("号・版（例：6月号）").FillAsync("6月号");
        await chamber.GetByLabel("掲載した題名").FillAsync("テレワーク機器の導入経費を補助します");
        await chamber.GetByLabel("到達数（配信数・部数・参加者数）").FillAsync("12000");
        await chamber.AssertAccessibleAsync();
        await chamber.GetByRole(AriaRole.Button, new() { Name = "掲載を記録する" }).ClickAsync();
        await chamber.Locator(".notice", new() { HasTextString = "掲載を記録しました。" }).WaitForAsync();

        await metro.ReloadAsync();
        var publications = await metro.Locator("[data-testid=publications]").InnerTextAsync();
        Assert.Contains("テレワーク機器の導入経費を補助します", publications);
        Assert.Contains("12,000", publications);
        Assert.Contains("受諾", await metro.Locator("[data-testid=publicity-request]").InnerTextAsync());
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("75-publicity-publications");
    }
}
