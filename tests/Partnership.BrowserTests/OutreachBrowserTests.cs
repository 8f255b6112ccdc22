using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

public class OutreachBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_chamber_user_logs_a_tour_on_one_form_imports_a_file_with_an_error_sees_the_row_report_and_refers_a_member()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Chamber);
        await page.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "周知啓発活動", Exact = true }).ClickAsync();
        await page.AssertAccessibleAsync();

        // Logging a tour: one form, the measures narrowed to one area.
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
        await page.GetByRole(AriaRole.Textbox, new() { Name = "会員名簿から探す" }).FillAsync("デモ商事");
        await page.GetByTestId("roster-search").GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        await page.GetByTestId("roster-found").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("デモ商事株式会社") }).ClickAsync();
        await page.GetByTestId("referral-form").Locator("input[name=MeasureIds]").First.CheckAsync();
        await page.GetByLabel("誘導の方法").SelectOptionAsync(new SelectOptionValue { Index = 1 });
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

    [Fact]
    public async Task An_official_asks_the_chamber_to_co_host_a_seminar_the_chamber_approves_with_conditions_the_result_is_recorded_and_both_see_one_record()
    {
        var metro = await browser.NewPageAsync();
        await metro.SignInAsync(DemoUsers.Metro);
        await metro.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "後援・共催", Exact = true }).ClickAsync();
        await metro.GetByLabel("共催", new() { Exact = true }).CheckAsync();
        await metro.GetByLabel("関連する取組").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await metro.GetByLabel("催しの名称").FillAsync("テレワーク導入セミナー（共催・ブラウザ試験）");
        await metro.GetByLabel("開催日").FillAsync("2030-07-01");
        await metro.GetByLabel("会場").FillAsync("東京商工会議所 渋沢ホール");
        await metro.GetByLabel("催しの概要").FillAsync("中小企業向けにテレワークの導入事例を紹介します。");
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("76-cosponsorship-request");
        await metro.GetByRole(AriaRole.Button, new() { Name = "依頼する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "後援・共催を依頼しました。" }).WaitForAsync();
        var address = new Uri(metro.Url).AbsolutePath;

        var chamber = await browser.NewPageAsync();
        await chamber.SignInAsync(DemoUsers.Chamber);
        await chamber.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "後援・共催", Exact = true }).ClickAsync();
        await chamber.GetByRole(AriaRole.Link, new() { Name = "テレワーク導入セミナー（共催・ブラウザ試験）" }).ClickAsync();
        Assert.Equal(address, new Uri(chamber.Url).AbsolutePath);
        await chamber.GetByLabel("承認の条件（任意）").FillAsync("会報に東京都との共催と明記し、会員企業を20名以上集めます。");
        await chamber.AssertAccessibleAsync();
        await chamber.ScreenshotAsync("77-cosponsorship-answer");
        await chamber.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await chamber.Locator(".notice", new() { HasTextString = "依頼を承認しました。" }).WaitForAsync();
        // After the event, the chamber records the result.
        await chamber.GetByLabel("参加者数", new() { Exact = true }).FillAsync("85");
        await chamber.GetByLabel("うち会員企業からの参加者数").FillAsync("32");
        await chamber.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await chamber.Locator(".notice", new() { HasTextString = "結果を記録しました。" }).WaitForAsync();

        // Both sides see the same record and the same history.
        await metro.ReloadAsync();
        var seenByMetro = await metro.Locator("[data-testid=cosponsorship-request]").InnerTextAsync();
        var seenByChamber = await chamber.Locator("[data-testid=cosponsorship-request]").InnerTextAsync();
        Assert.Equal(seenByChamber, seenByMetro);
        Assert.Contains("承認", seenByMetro);
        Assert.Contains("会報に東京都との共催と明記し、会員企業を20名以上集めます。", seenByMetro);
        Assert.Contains("85", seenByMetro);
        Assert.Contains("32", seenByMetro);
        var history = await metro.Locator("[data-testid=cosponsorship-history]").InnerTextAsync();
        Assert.Equal(await chamber.Locator("[data-testid=cosponsorship-history]").InnerTextAsync(), history);
        Assert.Equal(3, await metro.Locator("[data-testid=cosponsorship-history] li").CountAsync());
        Assert.Contains("結果を記録しました", history);
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("78-cosponsorship-record-metro");
        await chamber.AssertAccessibleAsync();
        await chamber.ScreenshotAsync("79-cosponsorship-record-chamber");
    }

    [Fact]
    public async Task An_official_attaches_a_leaflet_to_a_publicity_request_a_refused_file_is_explained_and_the_chamber_downloads_the_leaflet()
    {
        var metro = await browser.NewPageAsync();
        await metro.SignInAsync(DemoUsers.Metro);
        await metro.GotoAsync("/outreach/publicity");
        await metro.GetByLabel("関連する取組").SelectOptionAsync(new SelectOptionValue { Label = "テレワーク機器導入に係る経費補助" });
        await metro.GetByLabel("周知してほしい内容（件名）").FillAsync("テレワーク助成金のチラシ（ブラウザ試験）");
        // An executable renamed .pdf: refused by its content, with the reason, and what was typed is kept.
        await metro.GetByLabel("添付資料（任意）").SetInputFilesAsync(
            new FilePayload { Name = "チラシ.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00] });
        await metro.GetByRole(AriaRole.Button, new() { Name = "依頼する" }).ClickAsync();
        var summary = await metro.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("「チラシ.pdf」はPDF、PNG、JPEGのいずれでもないため受け付けられません", summary);
        Assert.Equal("テレワーク助成金のチラシ（ブラウザ試験）", await metro.GetByLabel("周知してほしい内容（件名）").InputValueAsync());
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("80-publicity-attachment-refused");

        var leaflet = PdfSamples.Plain;
        await metro.GetByLabel("添付資料（任意）").SetInputFilesAsync(new FilePayload { Name = "テレワーク助成金チラシ.pdf", MimeType = "application/pdf", Buffer = leaflet });
        await metro.GetByRole(AriaRole.Button, new() { Name = "依頼する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "周知を依頼しました。" }).WaitForAsync();
        var address = new Uri(metro.Url).AbsolutePath;

        var chamber = await browser.NewPageAsync();
        await chamber.SignInAsync(DemoUsers.Chamber);
        await chamber.GotoAsync(address);
        Assert.Contains("テレワーク助成金チラシ.pdf", await chamber.Locator("[data-testid=attachments]").InnerTextAsync());
        await chamber.AssertAccessibleAsync();
        await chamber.ScreenshotAsync("81-publicity-attachment");
        var download = await chamber.RunAndWaitForDownloadAsync(() => chamber.GetByRole(AriaRole.Link, new() { Name = "テレワーク助成金チラシ.pdf" }).ClickAsync());
        Assert.Equal("テレワーク助成金チラシ.pdf", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(leaflet, await File.ReadAllBytesAsync(saved));
        File.Delete(saved);
    }

    [Fact]
    public async Task An_administrator_makes_a_chamber_user_branch_manager_whose_list_opens_on_the_branch_and_who_records_a_members_initiative_with_a_follow_up()
    {
        const string email = "branch-manager@example.jp";
        await using (var scope = browser.Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "新宿 支部長", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.ChamberStaff);
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", IdentitySeeder.DemoAuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoUsers.Admin);
        await admin.GotoAsync("/admin/staff");
        await admin.GetByLabel("新宿 支部長さんの支部").SelectOptionAsync(new SelectOptionValue { Label = "新宿支部" });
        var row = admin.Locator("tr", new() { HasTextString = email });
        await row.GetByLabel("支部の管理者").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "支部を保存" }).ClickAsync();
        await admin.Locator(".notice", new() { HasTextString = "branch-manager@example.jp の支部と支部の管理者の設定を保存しました。" }).WaitForAsync();
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("82-admin-branch-manager");

        var manager = await browser.NewPageAsync();
        await manager.SignInAsync(email);
        await manager.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "周知啓発活動", Exact = true }).ClickAsync();
        Assert.Contains("新宿支部の管理者です", await manager.GetByTestId("branch-manager-note").InnerTextAsync());
        Assert.Equal("13104", await manager.GetByLabel("支部", new() { Exact = true }).InputValueAsync());
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAsync("83-outreach-branch-manager");

        await manager.Locator("nav.site-nav").GetByRole(AriaRole.Link, new() { Name = "会員の取組支援", Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "支援を記録する" }).ClickAsync();
        // A branch manager records support for the branch's members only (docs/adr/0087): デモ商事 is a 新宿 member.
        await manager.GetByLabel("会員企業").SelectOptionAsync(new SelectOptionValue { Label = "デモ商事株式会社" });
        await manager.GetByLabel("支援の実施日").FillAsync("2021-06-15");
        await manager.GetByLabel("施策分野").SelectOptionAsync(new SelectOptionValue { Label = "女性の活躍推進" });
        await manager.GetByLabel("助言した内容").FillAsync("社内で独自に始めた女性リーダー研修の進め方を助言しました。");
        await manager.GetByLabel("フォローアップ予定日").FillAsync("2021-08-01");
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAsync("84-support-case-form");
        await manager.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await manager.Locator(".notice", new() { HasTextString = "支援を記録しました。" }).WaitForAsync();
        Assert.Contains("デモ商事株式会社への支援の記録", await manager.Locator("h1").InnerTextAsync());
        await manager.GetByRole(AriaRole.Link, new() { Name = "支援の記録の一覧へ戻る" }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("フォローアップ期日が来ている記録のみ表示") }).ClickAsync();
        var due = await manager.GetByTestId("support-cases").InnerTextAsync();
        Assert.Contains("女性リーダー研修", due);
        Assert.Contains("期日到来", due);
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAsync("85-support-due");
    }
}
