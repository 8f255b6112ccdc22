using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>
/// The once-a-minute check of a signed-in session (ADR 0053): an unchanged account keeps its session (the
/// cookie renewed, nothing written); a role change or a deactivation ends it at the first check after the change.
/// The check's clock is moved two minutes ahead so every request is one more than a minute after its cookie.
/// </summary>
public sealed class SessionCheckTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }

    private (WebApplicationFactory<Program> Portal, HttpClient Client) Checked()
    {
        var portal = _portal.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = new AheadClock(TimeSpan.FromMinutes(2)))));
        return (portal, portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
    }

    private static bool RenewsSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(Partnership.Web.Infrastructure.PortalSetup.AuthCookieName + "=", StringComparison.Ordinal));

    private static string PathOf(HttpResponseMessage redirect) => new Uri(new Uri("http://localhost"), redirect.Headers.Location!).AbsolutePath;

    [Fact]
    public async Task An_unchanged_account_keeps_its_session_and_a_role_change_or_deactivation_ends_it_at_the_next_check()
    {
        var (portal, official) = Checked();
        Assert.Equal("/me", (await official.SignInAsync(DemoUsers.Metro)).Headers.Location!.OriginalString);
        var stamp = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Metro).Select(u => u.SecurityStamp).SingleAsync());

        // Checked, found unchanged: the page opens and the session's cookie is issued anew.
        var unchanged = await official.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.True(RenewsSession(unchanged));
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(stamp, await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Metro).Select(u => u.SecurityStamp).SingleAsync()));

        // The administrator moves the official to the chamber: the open session ends at its next check.
        var id = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Metro).Select(u => u.Id).SingleAsync());
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffService>().ChangeRoleAsync(id, "ChamberStaff")).Succeeded);
        }
        var ended = await official.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/account/login", PathOf(ended));

        // Signed in again, the session carries the new role.
        Assert.Equal("/me", (await official.SignInAsync(DemoUsers.Metro)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/dashboard/chamber")).StatusCode);
        Assert.Equal("/account/access-denied", PathOf(await official.GetAsync("/dashboard")));

        // Deactivated: the session ends at the next check, and signing in is refused.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(id)).Succeeded);
        }
        Assert.Equal("/account/login", PathOf(await official.GetAsync("/dashboard/chamber")));
        Assert.NotEqual("/me", (await official.SignInAsync(DemoUsers.Metro)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Within_the_minute_the_session_is_not_checked_and_its_cookie_is_not_reissued()
    {
        var official = _portal.CreatePortalClient();
        await official.SignInAsync(DemoUsers.Metro);
        var page = await official.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(RenewsSession(page));
    }
}
