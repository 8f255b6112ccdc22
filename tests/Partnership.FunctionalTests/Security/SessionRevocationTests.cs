using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;
using static Partnership.FunctionalTests.Security.SavedCookies;

namespace Partnership.FunctionalTests.Security;

/// <summary>
/// Issue 24, finding 3: a session ends on the server (docs/adr/0065-sessions-end-on-the-server.md). A cookie
/// copied before sign-out, a new password, a new authenticator key or a deactivation opens nothing afterwards
/// and is not renewed. Each probe first shows the copied cookie working, so a refusal afterwards is the revocation.
/// </summary>
public class SessionRevocationTests(ProbePortal portal) : IClassFixture<ProbePortal>
{
    private const string Password = "probe-pass-2468";

    /// <summary>Asserts the copied cookie opens <paramref name="path"/> now (a working copy, so its later refusal means something).</summary>
    private static async Task AssertOpensAsync(HttpClient bare, string cookie, string path)
    {
        var before = await ReplayAsync(bare, cookie, path);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
    }

    /// <summary>Asserts the copied cookie is refused at <paramref name="path"/>: sent to sign in, no cookie renewed.</summary>
    private static async Task AssertRevokedAsync(HttpClient bare, string cookie, string path)
    {
        var after = await ReplayAsync(bare, cookie, path);
        Assert.True(IsSignInRedirect(after), $"{path}: {(int)after.StatusCode} {after.Headers.Location}");
        Assert.False(Renews(after), $"{path}: the refused cookie was renewed");
        SecurityTally.Probe();
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_opens_nothing_afterwards_and_is_not_renewed()
    {
        var browser = portal.Browser();
        var signedIn = await browser.SignInAsync(DemoUsers.Company);
        Assert.Equal("/me", signedIn.Headers.Location!.OriginalString);
        var copied = AuthCookieOf(signedIn)!;
        var bare = portal.Bare();
        await AssertOpensAsync(bare, copied, "/me");

        Assert.Equal(HttpStatusCode.Redirect, (await SignOutAsync(browser)).StatusCode);

        await AssertRevokedAsync(bare, copied, "/me");
        await AssertRevokedAsync(bare, copied, "/company");
        // Signing in again works, with a new session.
        Assert.Equal("/me", (await portal.Browser().SignInAsync(DemoUsers.Company)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_new_password_ends_the_sessions_opened_with_the_old_one()
    {
        const string email = "password.change@probe.example.jp";
        await portal.CreateUserAsync(email, Password, Roles.Company);
        var signedIn = await portal.Browser().SignInAsync(email, Password);
        var copied = AuthCookieOf(signedIn)!;
        var bare = portal.Bare();
        await AssertOpensAsync(bare, copied, "/me");

        // The password is changed with the reset link's token, over HTTP, as the mail's link does it.
        string token;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!)));
        }
        var reset = await portal.Browser().PostFormAsync($"/account/reset-password?token={token}&email={Uri.EscapeDataString(email)}", "/account/reset-password",
            [new("Email", email), new("Token", token), new("Password", "probe-new-pass-1357"), new("ConfirmPassword", "probe-new-pass-1357")]);
        Assert.Equal("/account/reset-password/done", reset.Headers.Location!.OriginalString);

        await AssertRevokedAsync(bare, copied, "/me");
    }

    [Fact]
    public async Task Deactivating_a_staff_member_ends_their_open_session_at_once()
    {
        const string email = "deactivated.official@probe.example.jp";
        var id = await portal.CreateUserAsync(email, Password, Roles.MetroOfficial, IdentitySeeder.DemoAuthenticatorKey);
        var signedIn = await portal.Browser().SignInAsync(email, Password);
        var copied = AuthCookieOf(signedIn)!;
        var bare = portal.Bare();
        await AssertOpensAsync(bare, copied, "/dashboard");

        var admin = await portal.SignedInAsync(DemoUsers.Admin);
        var deactivated = await admin.PostFormAsync("/admin/staff", $"/admin/staff/{id}/deactivate", []);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        await AssertRevokedAsync(bare, copied, "/dashboard");
        await AssertRevokedAsync(bare, copied, "/me");
    }

    [Fact]
    public async Task A_new_authenticator_key_ends_the_other_sessions_and_keeps_the_one_that_set_it()
    {
        const string email = "new.key@probe.example.jp";
        await portal.CreateUserAsync(email, Password, Roles.MetroOfficial, IdentitySeeder.DemoAuthenticatorKey);
        var elsewhere = AuthCookieOf(await portal.Browser().SignInAsync(email, Password))!;
        var bare = portal.Bare();
        await AssertOpensAsync(bare, elsewhere, "/me");

        var here = portal.Browser();
        Assert.Equal("/me", (await here.SignInAsync(email, Password)).Headers.Location!.OriginalString);
        var key = await AuthenticatorSetup.SetUpNewKeyAsync(here, Password);
        Assert.NotEqual(IdentitySeeder.DemoAuthenticatorKey, key);

        await AssertRevokedAsync(bare, elsewhere, "/me");
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/me")).StatusCode);
    }
}

/// <summary>The same probe in Production: HTTPS, Secure cookies, an administrator with two-factor sign-in.</summary>
public class ProductionSessionRevocationTests(ProductionProbePortal portal) : IClassFixture<ProductionProbePortal>
{
    private const string Email = "admin@metro.example.jp";
    private const string Password = "prod-probe-pass-9753";
    private const string Key = "KRSXG5CTMVRXEZLUKN2XAZLSONQWY3DF";

    [Fact]
    public async Task In_production_a_cookie_copied_before_sign_out_opens_neither_me_nor_the_staff_page_afterwards()
    {
        await portal.CreateUserAsync(Email, Password, Roles.Administrator, Key);
        var browser = portal.Browser();
        var signedIn = await browser.SignInAsync(Email, Password, Key);
        Assert.Equal("/me", signedIn.Headers.Location!.OriginalString);
        var copied = AuthCookieOf(signedIn)!;
        var bare = portal.Bare();
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(bare, copied, "/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(bare, copied, "/admin/staff")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SignOutAsync(browser)).StatusCode);

        foreach (var path in new[] { "/me", "/admin/staff" })
        {
            var after = await ReplayAsync(bare, copied, path);
            Assert.True(IsSignInRedirect(after), $"{path}: {(int)after.StatusCode} {after.Headers.Location}");
            Assert.False(Renews(after));
            SecurityTally.Probe();
        }
    }
}

/// <summary>
/// Two nodes on one database, one browser: signing out on node B ends the session node A had opened, and a copy
/// of its cookie replayed at node A opens nothing (the stamp is in the shared database; docs/adr/0065).
/// </summary>
public sealed class TwoNodeSessionRevocationTests : IDisposable
{
    private readonly ProbePortal _a = new();
    private readonly ProbePortal _b;

    public TwoNodeSessionRevocationTests()
    {
        _ = _a.Server;
        _b = new ProbePortal { SharedWith = _a };
        _ = _b.Server;
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task Signing_out_on_one_node_ends_the_session_on_the_other()
    {
        var jar = new CookieContainer();
        var onA = _a.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        var onB = _b.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        var signedIn = await onA.SignInAsync(DemoUsers.Company);
        Assert.Equal("/me", signedIn.Headers.Location!.OriginalString);
        var copied = AuthCookieOf(signedIn)!;
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(_a.Bare(), copied, "/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(_b.Bare(), copied, "/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SignOutAsync(onB)).StatusCode);

        var atA = await ReplayAsync(_a.Bare(), copied, "/me");
        Assert.True(IsSignInRedirect(atA), $"{(int)atA.StatusCode} {atA.Headers.Location}");
        Assert.False(Renews(atA));
        SecurityTally.Probe();
    }
}
