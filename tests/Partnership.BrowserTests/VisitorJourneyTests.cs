using Microsoft.Playwright;

namespace Partnership.BrowserTests;

public class VisitorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_opens_the_home_page_switches_to_English_and_walks_to_a_measure()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("東京都・東京商工会議所 連携ポータル", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("01-home-ja");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        Assert.Equal("Tokyo × Chamber Partnership Portal", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("02-home-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Telework", Exact = true }).ClickAsync();
        await page.ArriveAtAsync("**/catalog/areas/telework");
        Assert.Equal("Telework", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("03-area-telework-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Subsidies for the cost of introducing telework equipment" }).ClickAsync();
        await page.ArriveAtAsync("**/catalog/measures/*");
        Assert.Contains("telework equipment", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("テレワーク機器導入に係る経費補助", await page.Locator("p.title-ja").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("04-measure-en");

        // The choice is remembered: the next page is still in English.
        await page.GotoAsync("/catalog");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task The_Japanese_area_page_reads_like_the_seed_table()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/catalog/areas/lwb");
        Assert.Equal("ライフ・ワーク・バランスの推進", await page.Locator("h1").InnerTextAsync());
        var metro = page.Locator("section[aria-labelledby=metro-title]");
        Assert.Contains("ライフ・ワーク・バランス認定企業制度の実施", await metro.InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("05-area-lwb-ja");
    }

    [Fact]
    public async Task The_sign_in_error_state_and_the_404_page_are_accessible()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログインする" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("06-login-errors");

        var response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/account/forgot-password");
        await page.AssertAccessibleAsync();
    }

    /// <summary>The scan itself finds what it is there to find, on a page as the tests scan pages and in a frame.</summary>
    [Fact]
    public async Task The_accessibility_scan_reports_an_image_without_a_text_alternative_in_the_page_and_in_a_frame()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/faq");
        await page.AssertAccessibleAsync();

        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\" id=\"no-alt\">')");
        var inPage = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => page.AssertAccessibleAsync(record: false));
        Assert.Contains("image-alt", inPage.Message);
        Assert.Contains("#no-alt", inPage.Message);

        await page.GotoAsync("/faq");
        // A frame of the same origin, as a page could embed one (the portal's own pages refuse to be framed).
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<iframe title=\"frame\" srcdoc=\"<main><img src=/x.png id=framed-no-alt></main>\"></iframe>')");
        await page.WaitForFunctionAsync("() => document.querySelector('iframe').contentDocument?.getElementById('framed-no-alt') != null");
        var inFrame = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => page.AssertAccessibleAsync(record: false));
        Assert.Contains("image-alt", inFrame.Message);
    }
}
