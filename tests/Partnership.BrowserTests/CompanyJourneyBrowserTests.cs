using Microsoft.Playwright;

namespace Partnership.BrowserTests;

public partial class CompanyJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_company_registers_confirms_fills_its_profile_in_full_width_and_a_co_worker_joins()
    {
        var owner = await browser.NewPageAsync();
        await owner.GotoAsync("/account/login");
        await owner.GetByRole(AriaRole.Link, new() { Name = "はじめての方（企業の方の利用登録）" }).ClickAsync();
        await AccountSteps.RegisterAsync(owner, "新宿 一郎", "ichiro@browser.example.jp", "browser-pass-1357");
        await AccountSteps.ConfirmAndSignInAsync(owner, "ichiro@browser.example.jp", "browser-pass-1357");
        await owner.ArriveAtAsync("**/me");

        await owner.Locator("nav.site-nav [data-nav=company]").ClickAsync();
        await owner.AssertAccessibleAsync();
        await owner.ScreenshotAsync("30-company-start");
        await owner.GetByRole(AriaRole.Link, new() { Name = "会社の情報を登録する" }).ClickAsync();

        await owner.GetByLabel("会社名（屋号）").FillAsync("ブラウザ工房株式会社");
        await owner.GetByLabel("会社名のフリガナ").FillAsync("ﾌﾞﾗｳｻﾞｺｳﾎﾞｳ");
        await owner.GetByLabel("法人番号", new() { Exact = true }).FillAsync("８０００－０２０１－３０００１");
        await owner.GetByLabel("郵便番号", new() { Exact = true }).FillAsync("１６３－８００１");
        await owner.GetByLabel("区市町村（東京都）").SelectOptionAsync(new SelectOptionValue { Label = "新宿区" });
        await owner.GetByLabel("町名・番地・建物名").FillAsync("西新宿２ー８ー１");
        await owner.GetByLabel("電話番号", new() { Exact = true }).FillAsync("０３（５３２０）１２３４");
        await owner.GetByLabel("業種（日本標準産業分類の大分類）").SelectOptionAsync("G");
        await owner.GetByLabel("中小企業基本法上の業種区分").SelectOptionAsync("SoftwareAndInformationServices");
        await owner.GetByLabel("資本金（円）").FillAsync("１，０００，０００，０００");
        await owner.GetByLabel("常時雇用する従業員数").FillAsync("２８０");
        await owner.GetByLabel("担当者氏名").FillAsync("新宿 一郎");
        await owner.AssertAccessibleAsync();
        await owner.ScreenshotAsync("31-company-profile-form");
        await owner.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        await owner.Locator(".notice").WaitForAsync();
        Assert.Equal("中小企業者", await owner.Locator("[data-testid=size-band]").InnerTextAsync());
        Assert.Contains("ソフトウェア業・情報処理サービス業（政令特例）", await owner.Locator("[data-testid=size-rule]").InnerTextAsync());
        Assert.Contains("ブラウザコウボウ", await owner.Locator("dl.profile-facts").InnerTextAsync());
        await owner.AssertAccessibleAsync();
        await owner.ScreenshotAsync("32-company-overview");

        await owner.GetByRole(AriaRole.Link, new() { Name = "利用者の管理" }).ClickAsync();
        await owner.GetByLabel("メールアドレス").FillAsync("jiro@browser.example.jp");
        await owner.GetByRole(AriaRole.Button, new() { Name = "招待のメールを送る" }).ClickAsync();
        await owner.Locator(".notice").WaitForAsync();
        await owner.AssertAccessibleAsync();
        await owner.ScreenshotAsync("33-company-members");

        var coworker = await browser.NewPageAsync();
        await coworker.GotoAsync(await AccountSteps.MailLinkAsync(coworker, "jiro@browser.example.jp", "/invitations/"));
        Assert.Contains("ブラウザ工房株式会社", await coworker.Locator("p.lead").InnerTextAsync());
        await coworker.AssertAccessibleAsync();
        await coworker.GetByRole(AriaRole.Link, new() { Name = "利用登録する" }).ClickAsync();
        Assert.Equal("jiro@browser.example.jp", await coworker.GetByLabel("メールアドレス").InputValueAsync());
        await AccountSteps.RegisterAsync(coworker, "新宿 次郎", "jiro@browser.example.jp", "browser-pass-2468");
        await AccountSteps.ConfirmAndSignInAsync(coworker, "jiro@browser.example.jp", "browser-pass-2468");
        await coworker.ArriveAtAsync("**/invitations/*");
        await coworker.GetByRole(AriaRole.Button, new() { Name = "ブラウザ工房株式会社 に参加する" }).ClickAsync();
        await coworker.Locator(".notice").WaitForAsync();
        Assert.Equal("会社に参加しました。", await coworker.Locator(".notice").InnerTextAsync());
        Assert.Equal("ブラウザ工房株式会社", await coworker.Locator("h1").InnerTextAsync());
        await coworker.AssertAccessibleAsync();

        await owner.ReloadAsync();
        Assert.Contains("新宿 次郎", await owner.Locator("table").InnerTextAsync());

        // The same pages in English.
        await owner.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await owner.GotoAsync("/company");
        Assert.Equal("SME", await owner.Locator("[data-testid=size-band]").InnerTextAsync());
        Assert.Contains("Software and information processing (ordinance exception)", await owner.Locator("[data-testid=size-rule]").InnerTextAsync());
        await owner.AssertAccessibleAsync();
        await owner.ScreenshotAsync("34-company-overview-en");
        await owner.GotoAsync("/company/profile");
        await owner.AssertAccessibleAsync();
        await owner.ScreenshotAsync("35-company-profile-en");
    }
}
