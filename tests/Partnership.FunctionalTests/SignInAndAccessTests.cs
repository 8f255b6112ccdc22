using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

public class SignInAndAccessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/me")]
    [InlineData("/catalog/manage")]
    [InlineData("/admin/outbox")]
    public async Task Protected_pages_send_an_anonymous_visitor_to_sign_in(string path)
    {
        var response = await portal.CreatePortalClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_demo_user_signs_in_and_lands_on_my_page()
    {
        var client = portal.CreatePortalClient();
        var response = await client.SignInAsync(DemoUsers.Company);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me", response.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync("/me");
        Assert.Contains("企業ユーザー", html);
        Assert.DoesNotContain("/catalog/manage", html);
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for_but_never_to_another_site()
    {
        var client = portal.CreatePortalClient();
        var ok = await client.PostFormAsync("/account/login", "/account/login",
            [new("Email", DemoUsers.Company), new("Password", PortalFactory.DemoPassword), new("ReturnUrl", "/company/members")]);
        Assert.Equal("/company/members", ok.Headers.Location!.OriginalString);

        var other = portal.CreatePortalClient();
        var evil = await other.PostFormAsync("/account/login", "/account/login",
            [new("Email", DemoUsers.Company), new("Password", PortalFactory.DemoPassword), new("ReturnUrl", "https://evil.example/phish")]);
        Assert.Equal("/me", evil.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Staff_sign_in_asks_for_the_authenticator_code_and_keeps_the_return_address()
    {
        var client = portal.CreatePortalClient();
        var first = await client.PostFormAsync("/account/login", "/account/login",
            [new("Email", DemoUsers.Metro), new("Password", PortalFactory.DemoPassword), new("ReturnUrl", "/catalog/manage")]);
        Assert.Equal("/account/login-2fa?returnUrl=%2Fcatalog%2Fmanage", first.Headers.Location!.OriginalString);
        // Not signed in yet: the password alone opens nothing.
        Assert.StartsWith("/account/login", (await client.GetAsync("/catalog/manage")).Headers.Location!.PathAndQuery);

        var wrong = await client.PostFormAsync(first.Headers.Location.OriginalString, "/account/login-2fa", [new("Code", "000000"), new("ReturnUrl", "/catalog/manage")]);
        Assert.Contains("確認コードが正しくありません", await wrong.Content.ReadAsStringAsync());

        var code = Totp.Code(Partnership.Infrastructure.Seeding.IdentitySeeder.DemoAuthenticatorKey);
        var second = await client.PostFormAsync(first.Headers.Location.OriginalString, "/account/login-2fa", [new("Code", code), new("ReturnUrl", "/catalog/manage")]);
        Assert.Equal("/catalog/manage", second.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/catalog/manage")).StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.Company, "/catalog/manage")]
    [InlineData(DemoUsers.Chamber, "/catalog/manage")]
    [InlineData(DemoUsers.Company, "/admin/outbox")]
    [InlineData(DemoUsers.Metro, "/admin/outbox")]
    public async Task A_signed_in_user_without_the_role_is_refused(string email, string path)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.Metro, "/catalog/manage")]
    [InlineData(DemoUsers.Admin, "/admin/outbox")]
    public async Task A_user_with_the_role_reaches_its_pages(string email, string path)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/me")]
    [InlineData("/")]
    [InlineData("/catalog")]
    public async Task Every_response_to_a_signed_in_user_is_marked_no_store(string path)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Company);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore, $"{path} must not be stored by any cache");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_one_message_that_does_not_say_whether_the_account_exists()
    {
        var client = portal.CreatePortalClient();
        var wrong = await client.SignInAsync(DemoUsers.Chamber, "not-the-password-1");
        var unknown = await client.SignInAsync("nobody@demo.example.jp", "not-the-password-1");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", wrongHtml);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await unknown.Content.ReadAsStringAsync());
        // The password typed is not sent back.
        Assert.DoesNotContain("not-the-password-1", wrongHtml);
    }

    [Fact]
    public async Task An_empty_sign_in_form_is_explained_field_by_field()
    {
        var response = await portal.CreatePortalClient().SignInAsync("", "");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("メールアドレスを入力してください。", html);
        Assert.Contains("パスワードを入力してください。", html);
        Assert.Contains("href=\"#Email\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
    }
}
