using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;
using Partnership.Web.Infrastructure;

namespace Partnership.FunctionalTests.Security;

/// <summary>
/// A portal for the session and account probes (docs/security.md, "Sessions, codes and accounts"). It adds its
/// probes to the harness's summary line: whichever harness portal closes last writes the tally.
/// </summary>
public class ProbePortal : PortalFactory
{
    public const string HttpsBase = "https://portal.example.jp";

    private readonly string _environment;
    private readonly bool _codesOnce;

    public ProbePortal() : this("Development", codesOnce: false)
    {
    }

    protected ProbePortal(string environment, bool codesOnce)
    {
        _environment = environment;
        _codesOnce = codesOnce;
    }

    protected override string EnvironmentName => _environment;

    protected override bool AuthenticatorCodesOnce => _codesOnce;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Production's links come from the configured address; the probes' HTTPS client uses the same host.
        builder.UseSetting("Portal:PublicBaseUrl", HttpsBase);
    }

    /// <summary>A client for this portal that keeps cookies and sees each answer: HTTPS with a real-looking host in Production.</summary>
    public HttpClient Browser() => _environment == "Production"
        ? CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(HttpsBase), AllowAutoRedirect = false, HandleCookies = true })
        : CreatePortalClient();

    /// <summary>A client without a cookie jar, for replaying a saved cookie by hand.</summary>
    public HttpClient Bare() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(_environment == "Production" ? HttpsBase : "http://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    /// <summary>A confirmed account in <paramref name="role"/>, with two-factor sign-in on <paramref name="authenticatorKey"/> when given.</summary>
    public async Task<string> CreateUserAsync(string email, string password, string role, string? authenticatorKey = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Code)));
        }
        await users.AddToRoleAsync(user, role);
        if (authenticatorKey is not null)
        {
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return user.Id;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            SecurityTally.Write();
        }
        base.Dispose(disposing);
    }
}

/// <summary>The portal as Production runs it, for the probes.</summary>
public sealed class ProductionProbePortal() : ProbePortal("Production", codesOnce: false);

/// <summary>The portal with its authenticator rule as it runs: each code accepted once.</summary>
public class OneTimeCodesPortal() : ProbePortal("Development", codesOnce: true);

/// <summary>Saving and replaying a session's cookie, as someone who copied it would.</summary>
public static class SavedCookies
{
    /// <summary>The sign-in cookie (all its chunks) a response set, as a Cookie header's value; null when it set none.</summary>
    public static string? AuthCookieOf(HttpResponseMessage response)
    {
        var pairs = SetCookies(response)
            .Where(p => p.Name.StartsWith(PortalSetup.AuthCookieName, StringComparison.Ordinal) && p.Value.Length > 0)
            .Select(p => $"{p.Name}={p.Value}")
            .ToList();
        return pairs.Count == 0 ? null : string.Join("; ", pairs);
    }

    /// <summary>Whether the response issues a sign-in cookie with a value (a renewal), rather than only deleting it.</summary>
    public static bool Renews(HttpResponseMessage response) => AuthCookieOf(response) is not null;

    public static async Task<HttpResponseMessage> ReplayAsync(HttpClient bare, string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request);
    }

    /// <summary>Signs out the way the page's button does: the form's antiforgery token, then the POST.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var token = WebPageHelpers.ExtractAntiforgeryToken(await client.GetStringAsync("/me"));
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent([new(WebPageHelpers.AntiforgeryFieldName, token)]));
    }

    public static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;

    private static IEnumerable<(string Name, string Value)> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Select(p => (p.Split('=', 2)[0], p.Contains('=') ? p.Split('=', 2)[1] : ""))
            : [];
}
