using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>The company's home in Chromium: nothing typed is lost, the to-do list leads back to it, amounts typed the Japanese way.</summary>
public class CompanyHomeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Consent = "受理・認定後、企業名・法人番号・所在地（区市町村）・番号を東京都のホームページ等で公表することに同意します。";

    private static async Task AssertAccessibleNarrowAndWideAsync(IPage page, string screenshot)
    {
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(screenshot);
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(screenshot + "-390");
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task A_company_ticks_the_consent_box_closes_the_tab_comes_back_through_the_to_do_list_and_finds_it_ticked()
    {
        var company = await browser.NewPageAsync();
        await company.SignInAsync(DemoUsers.Company);
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
        await AssertAccessibleNarrowAndWideAsync(again, "60-home-to-do");
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
        await AssertAccessibleNarrowAndWideAsync(again, "61-company-records");
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
        await AssertAccessibleNarrowAndWideAsync(company, "63-my-subsidies");
    }
}
