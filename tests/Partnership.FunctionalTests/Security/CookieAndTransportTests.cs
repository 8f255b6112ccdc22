using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>The portal as it runs in Production: no demo accounts, HTTPS only, Secure cookies.</summary>
public sealed class ProductionPortal : PortalFactory
{
    public const string Email = "official@metro.example.jp";
    public const string Password = "prod-pass-7788";

    protected override string EnvironmentName => "Production";

    protected override string? PublicBaseUrl => "https://portal.example.jp";

    public async Task CreateOfficialAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(Email) is null)
        {
            var user = new AppUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "都職員" };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Code)));
            }
            await users.AddToRoleAsync(user, Roles.MetroOfficial);
        }
    }

    public HttpClient CreateHttpsClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        // HSTS is never sent to localhost, so the client uses a real-looking host name.
        BaseAddress = new Uri("https://portal.example.jp"),
        AllowAutoRedirect = false,
    });
}

public class CookieAndTransportTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task Production_creates_no_demo_accounts()
    {
        var response = await portal.CreateHttpsClient().SignInAsync(DemoUsers.Metro, PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_and_HTTPS_answers_carry_HSTS()
    {
        var http = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirect = await http.GetAsync("/catalog");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https", redirect.Headers.Location!.Scheme);

        var https = await portal.CreateHttpsClient().GetAsync("/catalog");
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Sign_in_antiforgery_and_language_cookies_are_Secure_HttpOnly_and_SameSite()
    {
        await portal.CreateOfficialAsync();
        var client = portal.CreateHttpsClient();

        var login = await client.GetAsync("/account/login");
        var antiforgery = SetCookie(login, PortalSetupNames.Antiforgery);
        Assert.Contains("secure", antiforgery);
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);

        var token = WebPageHelpers.ExtractAntiforgeryToken(await login.Content.ReadAsStringAsync());
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("Email", ProductionPortal.Email), new("Password", ProductionPortal.Password), new(WebPageHelpers.AntiforgeryFieldName, token)]),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(request);
        Assert.Equal("/me", signedIn.Headers.Location!.OriginalString);
        var auth = SetCookie(signedIn, PortalSetupNames.Auth);
        Assert.Contains("secure", auth);
        Assert.Contains("httponly", auth);
        Assert.Contains("samesite=lax", auth);

        var language = SetCookie(await client.GetAsync("/language?culture=en&returnUrl=/"), ".AspNetCore.Culture");
        Assert.Contains("secure", language);
        Assert.Contains("httponly", language);
        Assert.Contains("samesite=lax", language);
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();
}

internal static class PortalSetupNames
{
    public const string Auth = Partnership.Web.Infrastructure.PortalSetup.AuthCookieName;
    public const string Antiforgery = Partnership.Web.Infrastructure.PortalSetup.AntiforgeryCookieName;
}
