using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

public class SchemeJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Scheme = "「テレワーク東京ルール実践企業」宣言制度";

    [Fact]
    public async Task A_company_declares_the_telework_rule_is_returned_corrects_is_accepted_prints_and_is_listed()
    {
        var company = await browser.NewPageAsync();
        await company.SignInAsync(DemoUsers.Company);
        await company.Locator("nav.site-nav [data-nav=schemes]").ClickAsync();
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("40-schemes");
        await company.Locator("[data-scheme=TELEWORK-RULE]").GetByRole(AriaRole.Button, new() { Name = "申請を始める" }).ClickAsync();
        await company.Locator("#scheme-form").WaitForAsync();

        // Typed input is saved as it is typed: a reload shows it again.
        await company.GetByLabel("テレワーク推進リーダーの氏名").FillAsync("東京 花子");
        await company.Locator("#autosave-status", new() { HasTextString = "自動保存しました" }).WaitForAsync();
        await company.ReloadAsync();
        Assert.Equal("東京 花子", await company.GetByLabel("テレワーク推進リーダーの氏名").InputValueAsync());

        // Submitted incomplete: every problem is listed, each linked to its field.
        await company.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await company.Locator(".error-summary").WaitForAsync();
        var summary = await company.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("「テレワーク推進リーダーを任命する」を必ず選んでください。", summary);
        Assert.Contains("「テレワークの実施ルールの概要」を入力または選択してください。", summary);
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("41-scheme-form-errors");

        await company.GetByLabel("テレワークの実施ルール（対象者・頻度・手続）を定める").CheckAsync();
        await company.GetByLabel("テレワーク推進リーダーを任命する").CheckAsync();
        await company.GetByLabel("時差出勤・オフピーク通勤を併せて実施する").CheckAsync();
        await company.GetByLabel("テレワーク推進リーダーの所属・役職").FillAsync("総務部長");
        await company.GetByLabel("従業員1人当たりの週のテレワーク実施日数（目標）").FillAsync("３");
        await company.GetByLabel("テレワークの実施ルールの概要").FillAsync("全従業員を対象に、週3日までのテレワークを認めます。");
        await company.GetByLabel("受理・認定後、企業名・法人番号・所在地（区市町村）・番号を東京都のホームページ等で公表することに同意します。").CheckAsync();
        await company.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await company.Locator(".notice", new() { HasTextString = "申請を受け付けました" }).WaitForAsync();
        Assert.Equal("審査中", await company.Locator("[data-testid=entry-status]").InnerTextAsync());
        await company.AssertAccessibleAsync();
        var entryUrl = company.Url;

        var metro = await browser.NewPageAsync();
        await metro.SignInAsync(DemoUsers.Metro);
        await metro.Locator("nav.site-nav [data-nav=scheme-review]").ClickAsync();
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("42-review-queue");
        await metro.GetByRole(AriaRole.Link, new() { Name = "デモ商事株式会社" }).ClickAsync();
        await metro.AssertAccessibleAsync();
        await metro.GetByLabel("差し戻す（企業が修正して再申請します）").CheckAsync();
        await metro.GetByLabel("企業に伝える理由").FillAsync("テレワーク推進リーダーの所属を部署名から記入してください。");
        await metro.ScreenshotAsync("43-review-entry");
        await metro.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "差し戻しました" }).WaitForAsync();

        await company.GotoAsync(entryUrl);
        Assert.Contains("テレワーク推進リーダーの所属を部署名から記入してください。", await company.Locator("[data-testid=return-reason]").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("44-returned");
        await company.GetByLabel("テレワーク推進リーダーの所属・役職").FillAsync("総務部 総務部長");
        await company.GetByRole(AriaRole.Button, new() { Name = "修正して再申請する" }).ClickAsync();
        await company.Locator(".notice", new() { HasTextString = "申請を受け付けました" }).WaitForAsync();

        await metro.ReloadAsync();
        Assert.Contains("第2回の申請", await metro.Locator("#submission-title").InnerTextAsync());
        await metro.GetByLabel("受理する").CheckAsync();
        await metro.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "受理しました" }).WaitForAsync();
        await metro.AssertAccessibleAsync();

        await company.GotoAsync(entryUrl);
        var number = await company.Locator("[data-testid=entry-number]").InnerTextAsync();
        Assert.Matches(@"^TWR-\d{4}-\d{5}$", number);
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("45-accepted");
        await company.GetByRole(AriaRole.Link, new() { Name = "宣言書" }).ClickAsync();
        Assert.Equal($"第 {number} 号", await company.Locator("[data-testid=certificate-number]").InnerTextAsync());
        await company.AssertAccessibleAsync();
        await company.ScreenshotAsync("46-certificate");
        await company.EmulateMediaAsync(new() { Media = Media.Print });
        await company.ScreenshotAsync("47-certificate-print");
        Assert.False(await company.Locator("nav.site-nav").IsVisibleAsync());
        await company.EmulateMediaAsync(new() { Media = Media.Screen });

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/directory");
        await visitor.GetByLabel("制度").SelectOptionAsync(new SelectOptionValue { Label = Scheme });
        await visitor.Locator("#main").GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        await visitor.Locator("[data-testid=directory] td", new() { HasTextString = number }).WaitForAsync();
        Assert.Contains("デモ商事株式会社", await visitor.Locator("[data-testid=directory]").InnerTextAsync());
        await visitor.AssertAccessibleAsync();
        await visitor.ScreenshotAsync("48-directory");
    }

    [Fact]
    public async Task A_metro_official_revises_a_form_and_the_form_list_shows_the_new_version()
    {
        var metro = await browser.NewPageAsync();
        await metro.SignInAsync(DemoUsers.Metro);
        await metro.Locator("nav.site-nav [data-nav=scheme-forms]").ClickAsync();
        await metro.AssertAccessibleAsync();
        await metro.GotoAsync("/schemes/forms/SMOOTHBIZ");
        await metro.AssertAccessibleAsync();
        await metro.ScreenshotAsync("49-form-edit");
        await metro.GetByLabel("コード").FillAsync("remote_meeting");
        await metro.Locator("#Fields_0__NewOption_Ja").FillAsync("オンライン会議の活用");
        await metro.Locator("#Fields_0__NewOption_En").FillAsync("Using online meetings");
        await metro.GetByRole(AriaRole.Button, new() { Name = "第2版として公開する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "第2版を公開しました。" }).WaitForAsync();
        Assert.Equal("第2版", await metro.Locator("[data-scheme=SMOOTHBIZ]").InnerTextAsync());
    }
}
