using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

public class RoleNavigationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(DemoUsers.Company, "企業ユーザー", new[] { "company", "records", "schemes", "my-subsidies", "my-consultations", "my-events" })]
    [InlineData(DemoUsers.Chamber, "東京商工会議所 職員", new[] { "companies", "organise-events", "outreach", "referrals", "publicity", "cosponsorship", "chamber-dashboard", "support" })]
    [InlineData(DemoUsers.Metro, "東京都 職員", new[] { "companies", "manage-catalog", "manage-library", "scheme-review", "scheme-forms", "subsidies-manage", "consultations", "dashboard", "organise-events", "outreach", "referrals", "publicity", "cosponsorship", "support", "audit" })]
    [InlineData(DemoUsers.Expert, "専門家", new[] { "expert" })]
    [InlineData(DemoUsers.Admin, "システム管理者", new[] { "admin-staff", "admin-reference", "admin-outbox", "audit" })]
    public async Task Each_demo_role_signs_in_and_sees_its_own_navigation(string email, string roleName, string[] ownNav)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email);

        Assert.Contains(roleName, await page.Locator("[data-testid=roles]").InnerTextAsync());
        var navItems = await page.Locator("nav.site-nav [data-nav]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.nav)");
        Assert.Equal(new[] { "me" }.Concat(ownNav), navItems);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("10-me-" + email.Split('@')[0]);

        foreach (var nav in ownNav)
        {
            var link = page.Locator($"nav.site-nav [data-nav={nav}]");
            var href = await link.GetAttributeAsync("href");
            await link.ClickAsync();
            await page.ArriveAtAsync("**" + href);
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync("11-" + nav);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ログイン", Exact = true }).WaitForAsync();
    }

    [Fact]
    public async Task A_metro_official_edits_a_measure_and_sees_a_refused_form_explained()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Metro);
        await page.GotoAsync("/catalog/areas/women");
        await page.GetByRole(AriaRole.Link, new() { Name = "企業における女性活躍の普及啓発" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "この取組を編集" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("名称（英語）").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Contains("名称（英語）を入力してください。", await page.Locator(".error-summary").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("12-edit-errors");

        await page.GetByLabel("名称（英語）").FillAsync("Raising awareness of women's advancement in companies");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.Locator(".notice").WaitForAsync();
        Assert.Equal("取組を保存しました。", await page.Locator(".notice").InnerTextAsync());

        await page.GotoAsync("/catalog/manage/measures/new?fiscalYear=2021&areaCode=WOMEN&side=Chamber");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("13-new-measure");
    }
}
