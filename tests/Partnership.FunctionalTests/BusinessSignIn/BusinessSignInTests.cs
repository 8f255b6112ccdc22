using System.Net;
using System.Security.Cryptography;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.BusinessSignIn;

/// <summary>
/// Sign-in with a business ID provider, end to end: the portal's real OpenID Connect middleware against a real
/// OpenIddict server over HTTP (issue 28).
/// </summary>
public sealed class BusinessSignInTests(BusinessProvider provider) : IClassFixture<BusinessProvider>, IDisposable
{
    private readonly BusinessSignInPortal _portal = new(provider);

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_only_when_it_is_configured()
    {
        using var browser = new Browser(_portal, provider);
        var page = await browser.Portal.GetStringAsync("/account/login");
        Assert.Contains("action=\"/account/external/start\"", page, StringComparison.Ordinal);
        Assert.Contains(BusinessSignInPortal.ProviderName + "でログイン", page, StringComparison.Ordinal);

        using var plain = new PortalWithoutProvider();
        var client = plain.CreatePortalClient();
        var plainPage = await client.GetStringAsync("/account/login");
        Assert.DoesNotContain("/account/external/start", plainPage, StringComparison.Ordinal);
        using var start = await client.PostFormAsync("/account/login", "/account/external/start", []);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task Forms_may_lead_to_the_provider_and_nowhere_else()
    {
        // The sign-in and sign-out buttons post forms answered by a redirect to the provider; browsers check that
        // redirect against form-action, so the provider's origin (and only it) is named there.
        using var browser = new Browser(_portal, provider);
        using var page = await browser.Portal.GetAsync("/account/login");
        var csp = string.Join("", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"form-action 'self' {provider.Address.GetLeftPart(UriPartial.Authority)};", csp, StringComparison.Ordinal);

        using var plain = new PortalWithoutProvider();
        using var plainPage = await plain.CreatePortalClient().GetAsync("/account/login");
        Assert.Contains("form-action 'self';", string.Join("", plainPage.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_person_gets_a_company_user_and_the_company_form_filled_from_the_claims()
    {
        using var browser = new Browser(_portal, provider);
        var authorize = await browser.StartAsync();
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));

        var (response, path) = await browser.FollowAsync(await browser.Portal.GetAsync((await browser.AtProviderAsync(authorize, BusinessProvider.NewCompanySubject)).PathAndQuery));
        Assert.Equal("/account/external/company", path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"4011101000999\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"みらい製作所株式会社\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"100-0005\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/company/new\"", html, StringComparison.Ordinal);
        // No token reached the browser: no cookie holds one, and the id_token is in the database.
        Assert.DoesNotContain("eyJ", html, StringComparison.Ordinal);

        var user = await _portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "suzuki@demo-business.example.jp"));
        Assert.True(user.EmailConfirmed);
        Assert.Equal("鈴木 花子", user.DisplayName);
        Assert.Null(user.PasswordHash);
        Assert.True(await _portal.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.LoginProvider == "oidc" && l.ProviderKey == "gbiz-0002")));
        Assert.True(await _portal.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.UserId == user.Id && t.Name == "id_token")));

        // The prefilled form is the ordinary one: the same rules, then the company exists with this person as owner.
        using var created = await browser.Portal.PostFormAsync("/account/external/company", "/company/new",
            CompanyJourneyTests.ProfileForm("4011101000999").Where(f => f.Key != "Name").Append(new("Name", "みらい製作所株式会社")));
        Assert.Equal("/company", created.Headers.Location?.OriginalString);
        var company = await _portal.WithDbAsync(db => db.Companies.SingleAsync(c => c.CorporateNumber == "4011101000999"));
        Assert.Equal("みらい製作所株式会社", company.Name);

        // The next sign-in goes straight to the person's page.
        using var again = new Browser(_portal, provider);
        var (_, next) = await again.SignInAsync(BusinessProvider.NewCompanySubject);
        Assert.Equal("/me", next);
    }

    [Fact]
    public async Task A_bad_value_in_the_prefilled_form_is_refused_like_a_typed_one()
    {
        using var browser = new Browser(_portal, provider);
        await browser.SignInAsync(BusinessProvider.NewCompanySubject);
        using var refused = await browser.Portal.PostFormAsync("/account/external/company", "/company/new",
            CompanyJourneyTests.ProfileForm("4011101000998"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await _portal.WithDbAsync(db => db.Companies.AnyAsync(c => c.CorporateNumber == "4011101000998")));
    }

    [Fact]
    public async Task A_person_of_a_registered_company_is_told_to_ask_its_owner_and_joins_nothing()
    {
        using var browser = new Browser(_portal, provider);
        var (response, path) = await browser.SignInAsync(BusinessProvider.RegisteredCompanySubject);
        Assert.Equal("/account/external/next", path);
        Assert.Contains("デモ商事株式会社", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var user = await _portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "tanaka@demo-business.example.jp"));
        Assert.False(await _portal.WithDbAsync(db => db.CompanyMembers.AnyAsync(m => m.UserId == user.Id)));
    }

    [Fact]
    public async Task A_person_of_a_registered_company_joins_when_its_owner_approves_the_request()
    {
        using var person = new Browser(_portal, provider);
        await person.SignInAsync(BusinessProvider.RegisteredCompanySubject);
        using var asked = await person.Portal.PostFormAsync("/account/external/next", "/account/external/join", []);
        Assert.Equal("/account/external/next", asked.Headers.Location?.OriginalString);
        Assert.Contains("data-testid=\"join-requested\"", await person.Portal.GetStringAsync("/account/external/next"), StringComparison.Ordinal);
        // Asking again keeps the one request.
        using var again = await person.Portal.PostFormAsync("/account/external/next", "/account/external/join", []);
        var request = await _portal.WithDbAsync(db => db.CompanyJoinRequests.SingleAsync());
        var company = await _portal.WithDbAsync(db => db.Companies.SingleAsync(c => c.CorporateNumber == "2010401000001"));
        Assert.Equal(company.Id, request.CompanyId);

        // Another company's owner cannot decide it.
        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        using var foreign = await other.PostFormAsync("/company/join-requests", $"/company/join-requests/{request.Id}/approve", []);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // The owner sees it on the company page and approves it.
        var owner = await _portal.SignedInAsync(DemoUsers.Company);
        Assert.Contains("/company/join-requests", await owner.GetStringAsync("/company"), StringComparison.Ordinal);
        Assert.Contains("tanaka@demo-business.example.jp", await owner.GetStringAsync("/company/join-requests"), StringComparison.Ordinal);
        using var approved = await owner.PostFormAsync("/company/join-requests", $"/company/join-requests/{request.Id}/approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var user = await _portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "tanaka@demo-business.example.jp"));
        Assert.True(await _portal.WithDbAsync(db => db.CompanyMembers.AnyAsync(m => m.UserId == user.Id && m.CompanyId == company.Id && !m.IsOwner)));

        using var later = new Browser(_portal, provider);
        var (_, path) = await later.SignInAsync(BusinessProvider.RegisteredCompanySubject);
        Assert.Equal("/me", path);
    }

    [Fact]
    public async Task The_owner_learns_of_a_join_request_by_one_mail_and_notice_and_on_the_home_page()
    {
        var ownerId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Company).Select(u => u.Id).SingleAsync());
        var otherOwnerId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.OtherCompany).Select(u => u.Id).SingleAsync());
        var owner = await _portal.SignedInAsync(DemoUsers.Company);
        Assert.DoesNotContain("data-testid=\"todo-join-requests\"", await owner.GetStringAsync("/me"), StringComparison.Ordinal);
        var mailsBefore = await _portal.WithDbAsync(db => db.OutboxMessages.CountAsync());
        var noticesBefore = await _portal.WithDbAsync(db => db.Notices.Select(n => n.Id).ToListAsync());

        using var person = new Browser(_portal, provider);
        await person.SignInAsync(BusinessProvider.RegisteredCompanySubject);
        using var asked = await person.Portal.PostFormAsync("/account/external/next", "/account/external/join", []);
        Assert.Equal("/account/external/next", asked.Headers.Location?.OriginalString);
        // Asking again keeps the one request and sends nothing more.
        using var again = await person.Portal.PostFormAsync("/account/external/next", "/account/external/join", []);

        // Exactly one mail, to the owner, in Japanese, with the link to the requests; and the same as a notice.
        var mails = await _portal.WithDbAsync(db => db.OutboxMessages.OrderBy(m => m.Id).Skip(mailsBefore).ToListAsync());
        var mail = Assert.Single(mails);
        Assert.Equal(DemoUsers.Company, mail.To);
        Assert.Equal("【連携ポータル】デモ商事株式会社 への参加の申請が届きました", mail.Subject);
        Assert.Contains("田中 一郎 様（tanaka@demo-business.example.jp）", mail.BodyText, StringComparison.Ordinal);
        Assert.Contains("http://localhost/company/join-requests", mail.BodyText, StringComparison.Ordinal);
        var notices = await _portal.WithDbAsync(db => db.Notices.Where(n => !noticesBefore.Contains(n.Id)).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal((ownerId, "/company/join-requests"), (notice.UserId, notice.Link));
        Assert.DoesNotContain(notices, n => n.UserId == otherOwnerId);

        // The owner's home page lists it as a thing to do, linked to the requests; another company's owner sees nothing.
        var home = await owner.GetStringAsync("/me");
        Assert.Contains("<li data-testid=\"todo-join-requests\"><a href=\"/company/join-requests\">参加の申請の承認：承認を待っている申請が1件あります</a></li>", home, StringComparison.Ordinal);
        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        Assert.DoesNotContain("todo-join-requests", await other.GetStringAsync("/me"), StringComparison.Ordinal);

        // Decided, it leaves the owner's list.
        var request = await _portal.WithDbAsync(db => db.CompanyJoinRequests.SingleAsync());
        using var declined = await owner.PostFormAsync("/company/join-requests", $"/company/join-requests/{request.Id}/decline", []);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.DoesNotContain("todo-join-requests", await owner.GetStringAsync("/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_account_is_linked_only_after_signing_in_to_it_and_can_be_unlinked()
    {
        using var browser = new Browser(_portal, provider);
        var (response, path) = await browser.SignInAsync(BusinessProvider.LinkSubject);
        Assert.Equal("/account/external/callback", path);
        Assert.Contains("/account/login?returnUrl=%2Faccount%2Fexternal%2Flink", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var owner = await _portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoUsers.Company));
        Assert.False(await _portal.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.UserId == owner.Id)));
        // Not signed in: nothing happened silently.
        using var me = await browser.Portal.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);

        using var signedIn = await browser.Portal.SignInAsync(DemoUsers.Company);
        using var confirm = await browser.Portal.GetAsync("/account/external/link");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        using var linked = await browser.Portal.PostFormAsync("/account/external/link", "/account/external/link", []);
        Assert.Equal("/account/external/settings", linked.Headers.Location?.OriginalString);
        Assert.True(await _portal.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.UserId == owner.Id && l.ProviderKey == BusinessProvider.LinkSubject)));

        // From now on the provider alone signs this person in, to their own company.
        using var other = new Browser(_portal, provider);
        var (_, next) = await other.SignInAsync(BusinessProvider.LinkSubject);
        Assert.Equal("/me", next);

        // The account has a password, so the link can be removed.
        var settings = await browser.Portal.GetStringAsync("/account/external/settings");
        Assert.Contains("/account/external/settings/remove", settings, StringComparison.Ordinal);
        using var removed = await browser.Portal.PostFormAsync("/account/external/settings", "/account/external/settings/remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await _portal.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.UserId == owner.Id)));
    }

    [Fact]
    public async Task The_only_way_in_cannot_be_removed()
    {
        using var browser = new Browser(_portal, provider);
        await browser.SignInAsync(BusinessProvider.NewCompanySubject);
        var settings = await browser.Portal.GetStringAsync("/account/external/settings");
        Assert.DoesNotContain("/account/external/settings/remove", settings, StringComparison.Ordinal);
        using var refused = await browser.Portal.PostFormAsync("/account/external/settings", "/account/external/settings/remove", []);
        Assert.True(await _portal.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.ProviderKey == BusinessProvider.NewCompanySubject)));
    }

    [Fact]
    public async Task Signing_out_ends_the_providers_session_too()
    {
        using var browser = new Browser(_portal, provider);
        await browser.SignInAsync(BusinessProvider.NewCompanySubject);
        var me = await browser.Portal.GetStringAsync("/me");
        Assert.Contains("action=\"/account/external/logout\"", me, StringComparison.Ordinal);

        using var logout = await browser.Portal.PostFormAsync("/me", "/account/external/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var endSession = logout.Headers.Location!;
        Assert.StartsWith(provider.Address + "connect/endsession", endSession.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(HttpUtility.ParseQueryString(endSession.Query)["id_token_hint"]));

        using var atProvider = await browser.Provider.GetAsync(endSession);
        Assert.Equal(HttpStatusCode.Redirect, atProvider.StatusCode);
        Assert.StartsWith("http://localhost/signout-callback-oidc", atProvider.Headers.Location!.ToString(), StringComparison.Ordinal);
        var (_, path) = await browser.FollowAsync(await browser.Portal.GetAsync(atProvider.Headers.Location!.PathAndQuery));
        Assert.Equal("/", path);

        using var after = await browser.Portal.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        // The provider asks who signs in again: its session has ended.
        using var authorize = await browser.Provider.GetAsync(await browser.StartAsync());
        Assert.StartsWith("/login", authorize.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declined_consent_gives_the_failure_page_and_changes_nothing()
    {
        var users = await UserCountAsync();
        using var browser = new Browser(_portal, provider);
        var back = await browser.AtProviderAsync(await browser.StartAsync(), subject: null);
        Assert.Equal("access_denied", HttpUtility.ParseQueryString(back.Query)["error"]);
        var (response, path) = await browser.FollowAsync(await browser.Portal.GetAsync(back.PathAndQuery));
        await AssertFailedAsync(response, path, "denied", users);
    }

    [Theory]
    [InlineData(BusinessProvider.NoNumberSubject, "corporate-number")]
    [InlineData(BusinessProvider.UnverifiedSubject, "email-unverified")]
    [InlineData(BusinessProvider.StaffSubject, "staff")]
    public async Task Claims_the_portal_cannot_use_give_the_failure_page_and_change_nothing(string subject, string reason)
    {
        var users = await UserCountAsync();
        using var browser = new Browser(_portal, provider);
        var (response, path) = await browser.SignInAsync(subject);
        await AssertFailedAsync(response, path, reason, users);
        Assert.False(await _portal.WithDbAsync(db => db.UserLogins.AnyAsync()));
    }

    [Fact]
    public async Task A_provider_that_is_down_gives_the_failure_page()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var portal = new BusinessSignInPortal(provider, $"http://127.0.0.1:{port}/");
        var client = portal.CreatePortalClient();
        using var response = await client.PostFormAsync("/account/login", "/account/external/start", []);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("data-reason=\"unavailable\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_state_is_refused()
    {
        var users = await UserCountAsync();
        using var browser = new Browser(_portal, provider);
        var back = await browser.AtProviderAsync(await browser.StartAsync(), BusinessProvider.NewCompanySubject);
        var query = HttpUtility.ParseQueryString(back.Query);
        var state = query["state"]!;
        query["state"] = state[..^4] + (state[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var (response, path) = await browser.FollowAsync(await browser.Portal.GetAsync("/signin-oidc?" + query));
        await AssertFailedAsync(response, path, "invalid", users);
    }

    [Fact]
    public async Task A_replayed_answer_is_refused()
    {
        using var browser = new Browser(_portal, provider);
        var back = await browser.AtProviderAsync(await browser.StartAsync(), BusinessProvider.NewCompanySubject);
        var (_, first) = await browser.FollowAsync(await browser.Portal.GetAsync(back.PathAndQuery));
        Assert.Equal("/account/external/company", first);
        var users = await UserCountAsync();

        // The same answer again, from another browser that has no nonce or correlation cookie for it.
        using var thief = new Browser(_portal, provider);
        var (response, path) = await thief.FollowAsync(await thief.Portal.GetAsync(back.PathAndQuery));
        await AssertFailedAsync(response, path, "invalid", users);
    }

    public static TheoryData<string> HostileTokens => ["wrong-issuer", "wrong-audience", "expired", "missing-nonce", "replayed-nonce", "unsigned", "wrong-key"];

    [Theory]
    [MemberData(nameof(HostileTokens))]
    public async Task A_hostile_id_token_is_refused(string kind)
    {
        var users = await UserCountAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var otherKey = RSA.Create(2048);
        _portal.Tamperer.Rewrite = genuine => kind switch
        {
            "wrong-issuer" => TokenTamperer.Forge(genuine, provider.SigningCredentials, c => c["iss"] = "http://127.0.0.1:1/"),
            "wrong-audience" => TokenTamperer.Forge(genuine, provider.SigningCredentials, c => c["aud"] = "another-client"),
            "expired" => TokenTamperer.Forge(genuine, provider.SigningCredentials, c => { c["iat"] = now - 7200; c["nbf"] = now - 7200; c["exp"] = now - 3600; }),
            "missing-nonce" => TokenTamperer.Forge(genuine, provider.SigningCredentials, c => c.Remove("nonce")),
            "replayed-nonce" => TokenTamperer.Forge(genuine, provider.SigningCredentials, c => c["nonce"] = "a-nonce-of-an-earlier-sign-in"),
            "unsigned" => TokenTamperer.Forge(genuine, null, _ => { }),
            "wrong-key" => TokenTamperer.Forge(genuine, new SigningCredentials(new RsaSecurityKey(otherKey) { KeyId = provider.SigningCredentials.Key.KeyId }, SecurityAlgorithms.RsaSha256), _ => { }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var browser = new Browser(_portal, provider);
        var (response, path) = await browser.SignInAsync(BusinessProvider.NewCompanySubject);
        await AssertFailedAsync(response, path, "invalid", users);
    }

    [Fact]
    public async Task A_token_signed_again_with_the_providers_key_unchanged_is_accepted()
    {
        // The control for the hostile cases: forging itself does not break a token.
        _portal.Tamperer.Rewrite = genuine => TokenTamperer.Forge(genuine, provider.SigningCredentials, _ => { });
        using var browser = new Browser(_portal, provider);
        var (_, path) = await browser.SignInAsync(BusinessProvider.NewCompanySubject);
        Assert.Equal("/account/external/company", path);
    }

    private Task<int> UserCountAsync() => _portal.WithDbAsync(db => db.Users.CountAsync());

    private async Task AssertFailedAsync(HttpResponseMessage response, string path, string reason, int usersBefore)
    {
        var html = await response.Content.ReadAsStringAsync();
        // The failure page, whether the middleware redirected to it or the callback showed it.
        Assert.StartsWith("/account/external/", path, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"data-reason=\"{reason}\"", html, StringComparison.Ordinal);
        Assert.Contains("ポータルの登録内容は変更されていません。", html, StringComparison.Ordinal);
        Assert.Equal(usersBefore, await UserCountAsync());
    }

    private sealed class PortalWithoutProvider : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Oidc:Authority", "");
        }
    }
}
