using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>A portal whose sessions last 20 seconds and warn 15 seconds before, to watch the warning work.</summary>
public sealed class ShortSessionPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:SessionSeconds", "20");
        builder.UseSetting("Portal:SessionWarningSeconds", "15");
    }
}

public sealed class ShortSessionBrowserFixture : BrowserFixture
{
    protected override PortalFactory CreatePortal() => new ShortSessionPortal();
}

public class SessionTimeoutTests(ShortSessionBrowserFixture browser) : IClassFixture<ShortSessionBrowserFixture>
{
    [Fact]
    public async Task A_warning_comes_before_the_session_ends_staying_signed_in_keeps_the_typing_and_waiting_signs_out()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Metro);
        await page.GotoAsync("/catalog/manage/measures/new?fiscalYear=2021&areaCode=TELEWORK&side=Metro");
        await page.GetByLabel("名称（日本語）").FillAsync("入力途中の住所");

        var dialog = page.Locator("#session-dialog");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        Assert.Equal("まもなくログイン状態が切れます", await page.Locator("#session-dialog-title").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("40-session-warning");

        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン状態を延長する" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("入力途中の住所", await page.GetByLabel("名称（日本語）").InputValueAsync());

        // The renewed session lasts: a page opened now is still signed in.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/me");
        Assert.EndsWith("/me", other.Url);
        await other.CloseAsync();

        // Left alone, the session ends and the page says so.
        await page.Locator("#session-dialog-title", new() { HasTextString = "ログイン状態が切れました" }).WaitForAsync(new() { Timeout = 40_000 });
        Assert.Equal("入力途中の住所", await page.GetByLabel("名称（日本語）").InputValueAsync());
        await page.AssertAccessibleAsync();
        var response = await page.Context.APIRequest.GetAsync("/me", new() { MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
    }
}
