using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>The company's home in Chromium: nothing typed is lost, the to-do list leads back to it, amounts typed the Japanese way.</summary>
public class CompanyHomeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Consent = "受理・認定後、企業名・法人番号・所在地（区市町村）・番号を東京都のホームページ等で公表することに同意します。";

    [Fact]
    public async Task A_person_signs_in_for_the_first_time_registers_the_company_ticks_the_consent_box_closes_the_tab_finds_it_ticked_and_sees_the_decision_as_a_notice()
    {
        // The first sign-in: the home page says that the next step is to register the company.
        var company = await browser.NewPageAsync();
        await company.GotoAsync("/account/register");
        await AccountSteps.RegisterAsync(company, "初田 春子", "haruko@first.example.jp", "first-pass-8642");
        await AccountSteps.ConfirmAndSignInAsync(company, "haruko@first.example.jp", "first-pass-8642");
        await company.ArriveAtAsync("**/me");
        await company.CheckAtDesktopAndPhoneAsync("59-home-first-sign-in");
        await company.GetByRole(AriaRole.Link, new() { Name = "会社を登録する" }).ClickAsync();
        await company.GetByLabel("会社名（屋号）").FillAsync("はじめて商店株式会社");
        await company.GetByLabel("会社名のフリガナ").FillAsync("ハジメテショウテン");
        await company.GetByLabel("法人番号", new() { Exact = true }).FillAsync("8000020130001");
        await company.GetByLabel("郵便番号", new() { Exact = true }).FillAsync("130-0022");
        await company.GetByLabel("区市町村（東京都）").SelectOptionAsync(new SelectOptionValue { Label = "墨田区" });
        await company.GetByLabel("町名・番地・建物名").FillAsync("江東橋4-1-1");
        await company.GetByLabel("電話番号", new() { Exact = true }).FillAsync("03-5600-0001");
        await company.GetByLabel("業種（日本標準産業分類の大分類）").SelectOptionAsync("I");
        await company.GetByLabel("中小企業基本法上の業種区分").SelectOptionAsync("Retail");
        await company.GetByLabel("資本金（円）").FillAsync("５，０００，０００");
        await company.GetByLabel("常時雇用する従業員数").FillAsync("１２");
        await company.GetByLabel("担当者氏名").FillAsync("初田 春子");
        await company.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await company.Locator(".notice").WaitForAsync();

        await company.Locator("nav.site-nav [data-nav=schemes]").ClickAsync();
        await company.Locator("[data-scheme=TELEWORK-RULE]").GetByRole(AriaRole.Button, new() { Name = "申請を始める" }).ClickAsync();
        await company.Locator("#scheme-form").WaitForAsync();
        await company.GetByLabel("テレワーク推進リーダーの氏名").FillAsync("東京 花子");
        await company.GetByLabel(Consent).CheckAsync();
        await company.Locator("#autosave-status", new() { HasTextString = "自動保存しました" }).WaitForAsync();
        var entryUrl = new Uri(company.Url).AbsolutePath;
        var context = company.Context;
        await company.CloseAsync();

        // A new tab: the home page's to-do list leads back to the draft, the box still ticked.
        var again = await context.NewPageAsync();
        await again.GotoAsync("/me");
        var todo = again.Locator("[data-testid=todo]");
        await todo.WaitForAsync();
        await again.CheckAtDesktopAndPhoneAsync("60-home-to-do");
        await todo.Locator($"a[href='{entryUrl}']").ClickAsync();
        await again.ArriveAtAsync("**" + entryUrl);
        Assert.True(await again.GetByLabel(Consent).IsCheckedAsync());
        Assert.Equal("東京 花子", await again.GetByLabel("テレワーク推進リーダーの氏名").InputValueAsync());

        await again.GetByLabel("テレワークの実施ルール（対象者・頻度・手続）を定める").CheckAsync();
        await again.GetByLabel("テレワーク推進リーダーを任命する").CheckAsync();
        await again.GetByLabel("テレワーク推進リーダーの所属・役職").FillAsync("総務部長");
        await again.GetByLabel("従業員1人当たりの週のテレワーク実施日数（目標）").FillAsync("３");
        await again.GetByLabel("テレワークの実施ルールの概要").FillAsync("全従業員を対象に、週3日までのテレワークを認めます。a < b の場合も 👨‍👩‍👧 家族の事情に配慮します。");
        await again.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await again.Locator(".notice", new() { HasTextString = "申請を受け付けました" }).WaitForAsync();
        Assert.Contains("a < b の場合も 👨‍👩‍👧", await again.Locator("main").InnerTextAsync());

        // Everything of the company's, from the menu; the entry now waits for Metro.
        await again.Locator("nav.site-nav [data-nav=records]").ClickAsync();
        await again.ArriveAtAsync("**/company/records");
        var row = again.Locator("[data-testid=company-records] tbody tr", new() { Has = again.Locator($"a[href='{entryUrl}']") });
        Assert.Contains("審査中", await row.InnerTextAsync());
        await again.CheckAtDesktopAndPhoneAsync("61-company-records");

        // Metro accepts it; the company learns it from the notices in the header, and the notice leads to the record.
        var metro = await browser.NewPageAsync();
        await metro.SignInAsync(DemoUsers.Metro);
        await metro.Locator("nav.site-nav [data-nav=scheme-review]").ClickAsync();
        await metro.GetByRole(AriaRole.Link, new() { Name = "はじめて商店株式会社" }).ClickAsync();
        await metro.GetByLabel("受理する").CheckAsync();
        await metro.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await metro.Locator(".notice", new() { HasTextString = "受理しました" }).WaitForAsync();

        await again.GotoAsync("/me");
        await again.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^お知らせ（未読\d+件）$") }).ClickAsync();
        await again.ArriveAtAsync("**/notices");
        var accepted = again.Locator("[data-testid=notice]").Filter(new() { HasTextString = "受理しました" });
        Assert.Equal(1, await accepted.CountAsync());
        await accepted.GetByRole(AriaRole.Button).ClickAsync();
        await again.ArriveAtAsync("**" + entryUrl);
        Assert.Equal("受理・認定済み", await again.Locator("[data-testid=entry-status]").InnerTextAsync());
        await again.CheckAtDesktopAndPhoneAsync("64-accepted-from-notice");
    }

    [Fact]
    public async Task A_company_types_an_amount_with_full_width_digits_and_comma_and_sees_the_amount_at_the_top()
    {
        var company = await browser.NewPageAsync();
        await company.SignInAsync(DemoUsers.Company);
        await company.GotoAsync("/subsidies");
        await company.Locator("[data-testid=windows]").GetByRole(AriaRole.Link, new() { Name = "テレワーク機器導入経費補助" }).ClickAsync();
        await company.GetByRole(AriaRole.Button, new() { Name = "申請を始める" }).ClickAsync();
        await company.Locator("#subsidy-form").WaitForAsync();
        await company.GetByLabel("1行目の品名・内容", new() { Exact = true }).FillAsync("業務用タブレット");
        await company.GetByLabel("1行目の数量", new() { Exact = true }).FillAsync("１");
        await company.GetByLabel("1行目の単価（円）", new() { Exact = true }).FillAsync("１２８，５００");
        await company.Locator("#computed-eligible", new() { HasTextString = "128,500円" }).WaitForAsync();
        Assert.Equal("64,000円", await company.Locator("#computed-amount").InnerTextAsync());
        // The figures at the top follow the lines too.
        Assert.Equal("128,500円", await company.Locator("[data-testid=eligible-expenses]").InnerTextAsync());
        Assert.Equal("64,000円", await company.Locator("[data-testid=requested]").InnerTextAsync());
        await company.ScreenshotAsync("62-subsidy-full-width-amount");

        await company.Locator("nav.site-nav [data-nav=my-subsidies]").ClickAsync();
        await company.ArriveAtAsync("**/company/subsidies");
        Assert.Contains("テレワーク機器導入経費補助", await company.Locator("[data-testid=company-records]").InnerTextAsync());
        await company.CheckAtDesktopAndPhoneAsync("63-my-subsidies");
    }
}
