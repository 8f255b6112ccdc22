using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>The two-factor page's set-up, as a person goes through it: password, new key, code.</summary>
public static partial class AuthenticatorSetup
{
    public const string SetupPath = "/account/two-factor";

    /// <summary>The set-up page after the password: the key shown (upper case, no spaces) and the set-up ticket.</summary>
    public static async Task<(string Key, string Ticket)> StartAsync(HttpClient client, string password)
    {
        var page = await (await client.PostFormAsync(SetupPath, SetupPath + "/start", [new("Password", password)])).Content.ReadAsStringAsync();
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var ticket = WebUtility.HtmlDecode(TicketPattern().Match(page).Groups[1].Value);
        Assert.True(key.Length > 0 && ticket.Length > 0, "The set-up page shows no key: " + page);
        return (key, ticket);
    }

    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string ticket, string code) =>
        client.PostFormAsync(SetupPath, SetupPath, [new("Code", code), new("Ticket", ticket)]);

    /// <summary>Sets up a new key from start to end; returns it.</summary>
    public static async Task<string> SetUpNewKeyAsync(HttpClient client, string password)
    {
        var (key, ticket) = await StartAsync(client, password);
        var confirmed = await ConfirmAsync(client, ticket, Totp.Code(key));
        Assert.Contains("data-testid=\"recovery-codes\"", await confirmed.Content.ReadAsStringAsync());
        return key;
    }

    public static bool ShowsKey(string page) => page.Contains("data-testid=\"shared-key\"", StringComparison.Ordinal) || page.Contains("data:image/png;base64,", StringComparison.Ordinal);

    [GeneratedRegex("data-testid=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("name=\"Ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketPattern();
}

/// <summary>
/// Issue 24, finding 4: an authenticator code signs in once (docs/adr/0066-authenticator-codes-accepted-once.md),
/// and the two-factor page shows a key only while setting up, after the password. Each test has its own account
/// and key, so no test's codes are another's.
/// </summary>
public class AuthenticatorCodeTests(OneTimeCodesPortal portal) : IClassFixture<OneTimeCodesPortal>
{
    private const string Password = "probe-pass-2468";
    private const string UsedMessage = "この確認コードは既に使用されています。";

    private async Task<string> StaffWithNewKeyAsync(string email)
    {
        string key;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            key = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GenerateNewAuthenticatorKey();
        }
        await portal.CreateUserAsync(email, Password, Roles.MetroOfficial, key);
        return key;
    }

    /// <summary>The password step of sign-in; returns the two-factor page's address.</summary>
    private static async Task<string> PasswordStepAsync(HttpClient client, string email)
    {
        var response = await client.PostFormAsync("/account/login", "/account/login", [new("Email", email), new("Password", Password)]);
        Assert.StartsWith("/account/login-2fa", response.Headers.Location!.OriginalString);
        return response.Headers.Location.OriginalString;
    }

    private static async Task<HttpResponseMessage> CodeStepAsync(HttpClient client, string page, string code) =>
        await client.PostFormAsync(page, "/account/login-2fa", [new("Code", code), new("ReturnUrl", "")]);

    [Fact]
    public async Task A_code_signs_in_once_a_second_sign_in_with_it_is_refused_with_a_message_and_the_next_code_works()
    {
        const string email = "one.code@probe.example.jp";
        var key = await StaffWithNewKeyAsync(email);
        var now = DateTimeOffset.UtcNow;
        var code = Totp.Code(key, now);

        var first = portal.Browser();
        var accepted = await CodeStepAsync(first, await PasswordStepAsync(first, email), code);
        Assert.Equal("/me", accepted.Headers.Location!.OriginalString);

        // Someone who saw the code (over a shoulder, in a phishing page's log) tries it with the password.
        var second = portal.Browser();
        var page = await PasswordStepAsync(second, email);
        var replayed = await CodeStepAsync(second, page, code);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains(UsedMessage, await replayed.Content.ReadAsStringAsync());
        Assert.True(SavedCookies.IsSignInRedirect(await second.GetAsync("/me")), "the replayed code signed in");
        SecurityTally.Probe();

        // The app's next code is a new one and signs in; the step stored is its step.
        var next = Totp.Code(key, now.AddSeconds(30));
        Assert.Equal("/me", (await CodeStepAsync(second, page, next)).Headers.Location!.OriginalString);
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LastAuthenticatorStep).SingleAsync());
        Assert.Equal(now.AddSeconds(30).ToUnixTimeSeconds() / 30, stored);

        // An older code than the last accepted one is refused too, though it was never used.
        var third = portal.Browser();
        var older = await CodeStepAsync(third, await PasswordStepAsync(third, email), Totp.Code(key, now.AddSeconds(-30)));
        Assert.Contains(UsedMessage, await older.Content.ReadAsStringAsync());
        SecurityTally.Probe();
    }

    [Fact]
    public async Task A_wrong_code_is_answered_as_wrong_not_as_used()
    {
        const string email = "wrong.code@probe.example.jp";
        var key = await StaffWithNewKeyAsync(email);
        var client = portal.Browser();
        var right = Totp.Code(key);
        var wrong = right == "000000" ? "000001" : "000000";
        var answer = await (await CodeStepAsync(client, await PasswordStepAsync(client, email), wrong)).Content.ReadAsStringAsync();
        Assert.Contains("確認コードが正しくありません。", answer);
        Assert.DoesNotContain(UsedMessage, answer);
        Assert.Null(await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LastAuthenticatorStep).SingleAsync()));
    }

    [Fact]
    public async Task The_two_factor_page_shows_a_key_only_after_the_password_and_only_while_setting_up()
    {
        const string email = "key.page@probe.example.jp";
        var key = await StaffWithNewKeyAsync(email);
        var client = portal.Browser();
        var page = await PasswordStepAsync(client, email);
        Assert.Equal("/me", (await CodeStepAsync(client, page, Totp.Code(key))).Headers.Location!.OriginalString);

        // A signed-in session (perhaps not its owner's) sees that two-factor sign-in is on, never the active key.
        var status = await client.GetStringAsync(AuthenticatorSetup.SetupPath);
        Assert.False(AuthenticatorSetup.ShowsKey(status));
        Assert.DoesNotContain(key, status.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal));
        SecurityTally.Probe();

        // A wrong password shows no key, says why, and changes nothing.
        var wrong = await (await client.PostFormAsync(AuthenticatorSetup.SetupPath, AuthenticatorSetup.SetupPath + "/start", [new("Password", "not-the-password")])).Content.ReadAsStringAsync();
        Assert.False(AuthenticatorSetup.ShowsKey(wrong));
        Assert.Contains("パスワードが正しくありません。", wrong);
        SecurityTally.Probe();

        // A made-up or missing set-up ticket shows no key either.
        foreach (var ticket in new[] { "", "CfDJ8-not-a-ticket" })
        {
            var forged = await (await AuthenticatorSetup.ConfirmAsync(client, ticket, "123456")).Content.ReadAsStringAsync();
            Assert.False(AuthenticatorSetup.ShowsKey(forged));
            SecurityTally.Probe();
        }

        // The password confirmed: a new key, different from the active one, which stays active until confirmed.
        var (newKey, newTicket) = await AuthenticatorSetup.StartAsync(client, Password);
        Assert.NotEqual(key, newKey);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.Equal(key, await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!));
        }
        // A wrong code keeps the set-up going (the key shown again); the right one makes the new key the account's.
        var retry = await (await AuthenticatorSetup.ConfirmAsync(client, newTicket, Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(10)))).Content.ReadAsStringAsync();
        Assert.True(AuthenticatorSetup.ShowsKey(retry));
        var now = DateTimeOffset.UtcNow;
        var setupCode = Totp.Code(newKey, now);
        Assert.Contains("data-testid=\"recovery-codes\"", await (await AuthenticatorSetup.ConfirmAsync(client, newTicket, setupCode)).Content.ReadAsStringAsync());
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.Equal(newKey, await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!));
        }

        // The code that confirmed the set-up was used: it does not sign in as well.
        var other = portal.Browser();
        var replayed = await CodeStepAsync(other, await PasswordStepAsync(other, email), setupCode);
        Assert.Contains(UsedMessage, await replayed.Content.ReadAsStringAsync());
        SecurityTally.Probe();
    }
}

/// <summary>Two nodes on one database: a code accepted by node A is refused by node B (the step is in the shared database).</summary>
public sealed class TwoNodeAuthenticatorCodeTests : IDisposable
{
    private const string Password = "probe-pass-2468";
    private readonly OneTimeCodesPortal _a = new();
    private readonly OneTimeCodesPortal _b;

    public TwoNodeAuthenticatorCodeTests()
    {
        _ = _a.Server;
        _b = new OneTimeCodesPortal { SharedWith = _a };
        _ = _b.Server;
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task A_code_accepted_on_one_node_is_refused_on_the_other()
    {
        const string email = "two.nodes@probe.example.jp";
        const string key = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U";
        await _a.CreateUserAsync(email, Password, Roles.MetroOfficial, key);
        var code = Totp.Code(key);

        var onA = _a.Browser();
        var signedIn = await onA.SignInAsync(email, Password, key);
        Assert.Equal("/me", signedIn.Headers.Location!.OriginalString);

        var onB = _b.Browser();
        var first = await onB.PostFormAsync("/account/login", "/account/login", [new("Email", email), new("Password", Password)]);
        var page = first.Headers.Location!.OriginalString;
        var replayed = await onB.PostFormAsync(page, "/account/login-2fa", [new("Code", code), new("ReturnUrl", "")]);
        Assert.Contains("この確認コードは既に使用されています。", await replayed.Content.ReadAsStringAsync());
        SecurityTally.Probe();
    }
}
