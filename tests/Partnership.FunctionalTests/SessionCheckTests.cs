using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>
/// The check of a signed-in session at every request (ADR 0053's one query, ADR 0065's interval of zero): an
/// unchanged account keeps its session (nothing written, the cookie not reissued at each request); a role change
/// or a deactivation ends it at the very next request.
/// </summary>
public sealed class SessionCheckTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private static bool RenewsSession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(Partnership.Web.Infrastructure.PortalSetup.AuthCookieName + "=", StringComparison.Ordinal));

    private static string PathOf(HttpResponseMessage redirect) => new Uri(new Uri("http://localhost"), redirect.Headers.Location!).AbsolutePath;

    [Fact]
    public async Task An_unchanged_account_keeps_its_session_and_a_role_change_or_deactivation_ends_it_at_the_next_request()
    {
        var portal = _portal;
        var official = _portal.CreatePortalClient();
        Assert.Equal("/me", (await official.SignInAsync(DemoUsers.Metro)).Headers.Location!.OriginalString);
        var stamp = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Metro).Select(u => u.SecurityStamp).SingleAsync());

        // Checked, found unchanged: the page opens; the cookie is not issued anew at every request.
        var unchanged = await official.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.False(RenewsSession(unchanged));
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(stamp, await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Metro).Select(u => u.SecurityStamp).SingleAsync()));

        // The administrator moves the official to the chamber: the open session ends at its next request.
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

        // Deactivated: the session ends at the next request, and signing in is refused.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(id)).Succeeded);
        }
        Assert.Equal("/account/login", PathOf(await official.GetAsync("/dashboard/chamber")));
        Assert.NotEqual("/me", (await official.SignInAsync(DemoUsers.Metro)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_changed_stamp_ends_the_session_at_the_next_request_without_waiting_for_an_interval()
    {
        var official = _portal.CreatePortalClient();
        await official.SignInAsync(DemoUsers.Metro);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/dashboard")).StatusCode);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(DemoUsers.Metro))!);
        }
        var ended = await official.GetAsync("/dashboard");
        Assert.Equal("/account/login", PathOf(ended));
    }
}
