using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

public class PlanServicesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_goes_from_the_catalog_to_the_telework_equipment_subsidy_applies_signs_in_and_lands_on_the_application()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/catalog");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "テレワークの推進", Exact = true }).ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/catalog/areas/telework(\?fiscalYear=\d+)?$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "テレワーク機器導入に係る経費補助" }).ClickAsync();
        await page.ArriveAtAsync("**/catalog/measures/*");
        var service = page.Locator("[data-testid=measure-services] li[data-kind=subsidy]");
        Assert.Equal("open", await service.GetAttributeAsync("data-state"));
        Assert.Contains("受付中", await service.InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("74-measure-services");

        await service.GetByRole(AriaRole.Link, new() { Name = "申請する：テレワーク機器導入経費補助" }).ClickAsync();
        await page.ArriveAtAsync("**/subsidies/programs/TELEWORK-EQUIP");
        var window = page.Locator("[data-testid=program-window][data-state=open]");
        Assert.Equal("50,000,000円", await window.Locator("[data-testid=remaining]").InnerTextAsync());
        Assert.Contains("見積書", await window.InnerTextAsync());
        Assert.Equal(1, await page.Locator("[data-testid=served-measures] a", new() { HasTextString = "テレワーク機器導入に係る経費補助" }).CountAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("75-subsidy-program");

        await window.GetByRole(AriaRole.Link, new() { Name = "申請する" }).ClickAsync();
        await page.ArriveAtAsync(new Regex("/account/login"));
        await page.GetByLabel("メールアドレス").FillAsync(DemoUsers.Company);
        await page.GetByLabel("パスワード").FillAsync(PortalFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログインする" }).ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/subsidies/windows/\d+$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "申請を始める" }).ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/company/subsidies/applications/\d+$"));
        await page.Locator("#subsidy-form").WaitForAsync();
    }

    [Fact]
    public async Task A_visitor_searches_in_hiragana_and_finds_the_telework_measures()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "サイト内検索" }).First.FillAsync("てれわーく");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).First.ClickAsync();
        await page.ArriveAtAsync(new Regex("/search\\?q="));
        var measures = page.Locator("[data-testid=search-group][data-kind=measure]");
        Assert.Contains("テレワーク機器導入に係る経費補助", await measures.InnerTextAsync());
        Assert.Contains("東京テレワーク推進センターの運営", await measures.InnerTextAsync());
        Assert.Equal(1, await page.Locator("[data-testid=search-group][data-kind=program]").CountAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("76-search");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Every_new_page_passes_the_accessibility_scan(int width)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var paths = new[]
        {
            "/help", "/help/company", "/help/chamber", "/help/metro", "/help/expert", "/faq", "/contact", "/privacy", "/terms",
            "/accessibility", "/chamber", "/schemes", "/schemes/LWB-CERT", "/subsidies", "/subsidies/programs/SATELLITE", "/desks",
            "/desks/WORKSTYLE", "/library", "/library/WOMEN-CAREER", "/search?q=%E3%81%A6%E3%82%8C%E3%82%8F%E3%83%BC%E3%81%8F", "/search?q=zzzz",
        };
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await page.AssertAccessibleAsync();
        }
        await page.GotoAsync("/catalog");
        await page.GotoAsync("/language?culture=en&returnUrl=%2Fhelp%2Fcompany");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync($"77-help-company-en-{width}");
        await page.GotoAsync("/accessibility");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/language?culture=ja&returnUrl=%2Faccessibility");
        await page.ScreenshotAsync($"78-accessibility-{width}");
    }
}
