using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>
/// A portal on a clock the test moves: sessions last their 30 minutes and warn 2 minutes before, and the test moves
/// the portal's clock and the browser's together instead of waiting the session out.
/// </summary>
public sealed class ClockedSessionPortal : PortalFactory
{
    public const int SessionSeconds = 1800;
    public const int WarningSeconds = 120;

    /// <summary>Starts at the real time so the authenticator code of the staff sign-in still matches.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:SessionSeconds", SessionSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:SessionWarningSeconds", WarningSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The cookie handler, the session check and the keep-alive all read the clock from the services.
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class ClockedSessionBrowserFixture : BrowserFixture
{
    protected override PortalFactory CreatePortal() => new ClockedSessionPortal();
}

public class SessionTimeoutTests(ClockedSessionBrowserFixture browser) : IClassFixture<ClockedSessionBrowserFixture>
{
    private readonly ClockedSessionPortal _portal = (ClockedSessionPortal)browser.Portal;

    /// <summary>Moves the portal's clock and the page's by the same time; the page's timers that fall due run.</summary>
    private async Task MoveClocksAsync(IPage page, TimeSpan by)
    {
        _portal.Clock.Advance(by);
        await page.Clock.FastForwardAsync((long)by.TotalMilliseconds);
    }

    [Fact]
    public async Task A_warning_comes_before_the_session_ends_staying_signed_in_keeps_the_typing_and_waiting_signs_out()
    {
        var page = await browser.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeDate = _portal.Clock.GetUtcNow().UtcDateTime });
        await page.SignInAsync(DemoUsers.Metro);
        await page.GotoAsync("/catalog/manage/measures/new?fiscalYear=2021&areaCode=TELEWORK&side=Metro");
        await page.GetByLabel("名称（日本語）").FillAsync("入力途中の住所");

        var dialog = page.Locator("#session-dialog");
        Assert.False(await dialog.IsVisibleAsync());
        // Just inside the warning time: the warning is open, the session still valid.
        await MoveClocksAsync(page, TimeSpan.FromSeconds(ClockedSessionPortal.SessionSeconds - ClockedSessionPortal.WarningSeconds + 30));
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("まもなくログイン状態が切れます", await page.Locator("#session-dialog-title").InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("40-session-warning");

        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン状態を延長する" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("入力途中の住所", await page.GetByLabel("名称（日本語）").InputValueAsync());

        // The renewed session lasts past the time the first one would have ended: a page opened then is still signed in.
        await MoveClocksAsync(page, TimeSpan.FromSeconds(ClockedSessionPortal.WarningSeconds));
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/me");
        Assert.EndsWith("/me", other.Url);
        await other.CloseAsync();

        // Left alone past the renewed session's end, the session ends and the page says so.
        await MoveClocksAsync(page, TimeSpan.FromSeconds(ClockedSessionPortal.SessionSeconds + 30));
        await page.Locator("#session-dialog-title", new() { HasTextString = "ログイン状態が切れました" }).WaitForAsync();
        Assert.Equal("入力途中の住所", await page.GetByLabel("名称（日本語）").InputValueAsync());
        await page.AssertAccessibleAsync();
        var response = await page.Context.APIRequest.GetAsync("/me", new() { MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
    }
}
