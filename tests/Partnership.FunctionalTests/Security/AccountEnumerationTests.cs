using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>Identity's password hasher, counting its work: the seam where "the same work" is observed, not timed.</summary>
public sealed class CountingPasswordHasher(PasswordHasher<AppUser> inner, CountingPasswordHasher.Counts counts) : IPasswordHasher<AppUser>
{
    public sealed class Counts
    {
        public int Hashes;
        public int Verifications;
    }

    public string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref counts.Hashes);
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref counts.Verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The portal with the counting hasher in place of Identity's (the same hasher inside, the same settings).</summary>
public sealed class CountingHasherPortal : ProbePortal
{
    public CountingPasswordHasher.Counts Counts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AppUser>>(sp =>
            new CountingPasswordHasher(new PasswordHasher<AppUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), Counts)));
    }
}

/// <summary>
/// Issue 24, finding 7: nobody can tell from outside whether an address has an account
/// (docs/adr/0067-accounts-cannot-be-told-apart.md). Sign-in with an unknown address runs the password hasher as a
/// known one does and answers the same page; registration of a known address answers exactly as a new one and
/// mails the address's owner.
/// </summary>
public partial class AccountEnumerationTests(CountingHasherPortal portal) : IClassFixture<CountingHasherPortal>
{
    /// <summary>The page without what differs by design between two requests: the antiforgery token and the address typed.</summary>
    private static string Normalised(string html, string email) =>
        TokenValue().Replace(html, "value=\"TOKEN\"").Replace(email, "EMAIL", StringComparison.Ordinal);

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex TokenValue();

    private async Task<(HttpResponseMessage Response, int Verifications)> SignInAsync(string email, string password)
    {
        var before = portal.Counts.Verifications;
        var response = await portal.CreatePortalClient().PostFormAsync("/account/login", "/account/login", [new("Email", email), new("Password", password)]);
        return (response, portal.Counts.Verifications - before);
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_address_runs_the_hasher_and_answers_the_page_a_wrong_password_gets()
    {
        var (unknown, unknownWork) = await SignInAsync("nobody.here@probe.example.jp", "some-pass-1234");
        var (known, knownWork) = await SignInAsync(DemoUsers.OtherCompany, "some-pass-1234");

        Assert.Equal(1, knownWork);
        Assert.Equal(knownWork, unknownWork);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", unknownPage);
        Assert.Equal(
            Normalised(await known.Content.ReadAsStringAsync(), DemoUsers.OtherCompany),
            Normalised(unknownPage, "nobody.here@probe.example.jp"));
        SecurityTally.Probe();
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_answers_as_an_unknown_address_does()
    {
        const string email = "unconfirmed@probe.example.jp";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "未確認", CreatedAt = DateTime.UtcNow }, "right-pass-2468")).Succeeded);
        }
        var (wrong, wrongWork) = await SignInAsync(email, "some-pass-1234");
        var (unknown, _) = await SignInAsync("nobody.else@probe.example.jp", "some-pass-1234");
        Assert.Equal(1, wrongWork);
        Assert.Equal(Normalised(await unknown.Content.ReadAsStringAsync(), "nobody.else@probe.example.jp"), Normalised(await wrong.Content.ReadAsStringAsync(), email));

        // With the right password, the owner is told why.
        var (right, _) = await SignInAsync(email, "right-pass-2468");
        Assert.Contains("メールアドレスの確認", await right.Content.ReadAsStringAsync());
        SecurityTally.Probe();
    }

    private async Task<HttpResponseMessage> RegisterAsync(string email, string password) =>
        await portal.CreatePortalClient().PostFormAsync("/account/register", "/account/register",
            [new("DisplayName", "登録 試験"), new("Email", email), new("Password", password), new("ConfirmPassword", password)]);

    [Fact]
    public async Task Registering_a_known_address_answers_as_a_new_one_changes_nothing_and_tells_the_owner_by_mail()
    {
        var usersBefore = await portal.WithDbAsync(db => db.Users.CountAsync());
        var hashesBefore = portal.Counts.Hashes;
        var fresh = await RegisterAsync("new.company@probe.example.jp", "fresh-pass-2468");
        var hashesForNew = portal.Counts.Hashes - hashesBefore;

        var verificationsBefore = portal.Counts.Verifications;
        var ownerHashBefore = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Company).Select(u => u.PasswordHash).SingleAsync());
        var known = await RegisterAsync(DemoUsers.Company, "other-pass-1357");

        // The same answer: the redirect to "we have sent you a mail".
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(fresh.StatusCode, known.StatusCode);
        Assert.Equal(fresh.Headers.Location, known.Headers.Location);
        Assert.Equal("/account/register/sent", known.Headers.Location!.OriginalString);
        // The same password work: a new account's password is hashed once; a known address's is checked once.
        Assert.Equal(1, hashesForNew);
        Assert.Equal(1, portal.Counts.Verifications - verificationsBefore);

        // Nothing changed for the owner; only the new address has a new account.
        Assert.Equal(usersBefore + 1, await portal.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(ownerHashBefore, await portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Company).Select(u => u.PasswordHash).SingleAsync()));

        // The owner learns of it by mail; the new address gets its confirmation.
        var toOwner = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == DemoUsers.Company).OrderBy(m => m.Id).Select(m => new { m.Subject, m.BodyText }).ToListAsync());
        var attempt = Assert.Single(toOwner, m => m.Subject.Contains("利用登録のお申込み", StringComparison.Ordinal));
        Assert.Contains(ProbePortal.HttpsBase + "/account/forgot-password", attempt.BodyText);
        Assert.Contains("確認", await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "new.company@probe.example.jp").Select(m => m.Subject).SingleAsync()));
        SecurityTally.Probe();
    }

    [Fact]
    public async Task A_weak_password_gets_the_same_page_for_a_known_address_as_for_a_new_one()
    {
        var forNew = await RegisterAsync("weak.new@probe.example.jp", "short");
        var forKnown = await RegisterAsync(DemoUsers.OtherCompany, "short");
        Assert.Equal(HttpStatusCode.OK, forNew.StatusCode);
        Assert.Equal(forNew.StatusCode, forKnown.StatusCode);
        Assert.Equal(
            Normalised(await forNew.Content.ReadAsStringAsync(), "weak.new@probe.example.jp"),
            Normalised(await forKnown.Content.ReadAsStringAsync(), DemoUsers.OtherCompany));
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "weak.new@probe.example.jp")));
        SecurityTally.Probe();
    }
}
