using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Partnership.DevIdentityProvider;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.BusinessSignIn;

/// <summary>
/// The Development provider (OpenIddict) on a free loopback port, serving the test accounts; the portal is its
/// confidential client with a secret made up for this run. One per test class.
/// </summary>
public sealed class BusinessProvider : IAsyncLifetime
{
    public const string LinkSubject = "gbiz-link";
    public const string NoNumberSubject = "gbiz-nonumber";
    public const string StaffSubject = "gbiz-staff";
    public const string UnverifiedSubject = "gbiz-unverified";
    public const string NewCompanySubject = "gbiz-0002";
    public const string RegisteredCompanySubject = "gbiz-0001";

    public string ClientSecret { get; } = "test-secret-" + Guid.NewGuid().ToString("N");

    private WebApplication? _app;

    public Uri Address => _app!.Address();

    public static readonly IReadOnlyList<DemoBusinessAccount> Accounts =
    [
        .. DemoBusinessAccount.Demo,
        new(LinkSubject, "デモ 一郎", DemoUsers.Company, true, "2010401000001", "デモ商事株式会社", null, null),
        new(NoNumberSubject, "番号 なし", "nonumber@demo-business.example.jp", true, null, "屋号のみ", null, null),
        new(StaffSubject, "都 職員", DemoUsers.Metro, true, "4011101000999", "東京都", null, null),
        new(UnverifiedSubject, "未確認 さん", "unverified@demo-business.example.jp", false, "4011101000999", "みらい製作所株式会社", null, null),
    ];

    /// <summary>The key the provider signs its tokens with (a test signs a changed token with it, as a thief could not).</summary>
    public SigningCredentials SigningCredentials =>
        _app!.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials.First();

    public async Task InitializeAsync()
    {
        _app = await DevProvider.CreateAsync(new DevProviderSettings
        {
            Urls = "http://127.0.0.1:0",
            PortalAddress = "http://localhost",
            ClientSecret = ClientSecret,
            Accounts = Accounts,
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>
/// The portal's back channel to the provider: real HTTP, with a hook that replaces the id_token in the token
/// endpoint's answer, the way a hostile or broken provider (or someone in between) would.
/// </summary>
public sealed class TokenTamperer() : DelegatingHandler(new HttpClientHandler())
{
    /// <summary>Given the genuine id_token, the one the portal receives instead; null leaves the answer alone.</summary>
    public Func<JsonWebToken, string>? Rewrite { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Rewrite is null || request.RequestUri?.AbsolutePath.EndsWith("/connect/token", StringComparison.Ordinal) != true || !response.IsSuccessStatusCode)
        {
            return response;
        }
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        body["id_token"] = Rewrite(new JsonWebToken(body["id_token"]!.GetValue<string>()));
        response.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        return response;
    }

    /// <summary>The genuine token's claims, changed by <paramref name="change"/>, signed with <paramref name="signing"/> (null: unsigned).</summary>
    public static string Forge(JsonWebToken genuine, SigningCredentials? signing, Action<Dictionary<string, object>> change)
    {
        var claims = new Dictionary<string, object>();
        foreach (var claim in genuine.Claims)
        {
            claims[claim.Type] = claim.ValueType switch
            {
                ClaimValueTypes.Integer or ClaimValueTypes.Integer32 or ClaimValueTypes.Integer64 => long.Parse(claim.Value, System.Globalization.CultureInfo.InvariantCulture),
                ClaimValueTypes.Boolean => bool.Parse(claim.Value),
                _ => claim.Value,
            };
        }
        change(claims);
        var descriptor = new SecurityTokenDescriptor { Claims = claims, SigningCredentials = signing, TokenType = "JWT" };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(descriptor);
    }
}

/// <summary>The portal with the business ID provider configured, its back channel through <see cref="TokenTamperer"/>.</summary>
public sealed class BusinessSignInPortal(BusinessProvider provider, string? authority = null) : PortalFactory
{
    public TokenTamperer Tamperer { get; } = new();

    public const string ProviderName = "テスト用ビジネスID";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Oidc:Authority", authority ?? provider.Address.ToString());
        builder.UseSetting("Oidc:ClientId", "partnership-portal");
        builder.UseSetting("Oidc:ClientSecret", provider.ClientSecret);
        builder.UseSetting("Oidc:DisplayName", ProviderName);
        builder.UseSetting("Oidc:RequireHttpsMetadata", "false");
        builder.ConfigureTestServices(services =>
            services.Configure<OpenIdConnectOptions>("oidc", o => o.BackchannelHttpHandler = Tamperer));
    }
}

/// <summary>
/// A browser between the portal (TestServer) and the provider (Kestrel): each keeps its own cookies, and each
/// redirect is followed by hand so a test sees every step.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private readonly Uri _provider;

    public Browser(PortalFactory portal, BusinessProvider provider)
    {
        _provider = provider.Address;
        Portal = portal.CreatePortalClient();
        Provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
    }

    public HttpClient Portal { get; }

    public HttpClient Provider { get; }

    /// <summary>Presses the provider's button on the sign-in page; returns the provider's authorization address.</summary>
    public async Task<Uri> StartAsync()
    {
        var response = await Portal.PostFormAsync("/account/login", "/account/external/start", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(_provider.ToString() + "connect/authorize", location.ToString(), StringComparison.Ordinal);
        return location;
    }

    /// <summary>At the provider: signs in as <paramref name="subject"/> (null: declines); returns where the provider sends the browser back to.</summary>
    public async Task<Uri> AtProviderAsync(Uri authorize, string? subject)
    {
        var response = await Provider.GetAsync(authorize);
        if (response.Headers.Location?.OriginalString.StartsWith("/login", StringComparison.Ordinal) == true)
        {
            var login = new Uri(_provider, response.Headers.Location);
            var page = await Provider.GetStringAsync(login);
            var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
            var fields = new List<KeyValuePair<string, string>>
            {
                new("__RequestVerificationToken", token),
                new("returnUrl", HttpUtility.ParseQueryString(login.Query)["returnUrl"]!),
                subject is null ? new("deny", "1") : new("account", subject),
            };
            response = await Provider.PostAsync(new Uri(_provider, "/login"), new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            response = await Provider.GetAsync(new Uri(_provider, response.Headers.Location!));
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!;
        Assert.Equal("localhost", back.Host);
        return back;
    }

    /// <summary>The whole sign-in with the provider as <paramref name="subject"/>; the portal page it ends on and its path.</summary>
    public async Task<(HttpResponseMessage Response, string Path)> SignInAsync(string subject) =>
        await FollowAsync(await Portal.GetAsync((await AtProviderAsync(await StartAsync(), subject)).PathAndQuery));

    /// <summary>Follows the portal's redirects within the portal; stops at a page or at a redirect to another site.</summary>
    public async Task<(HttpResponseMessage Response, string Path)> FollowAsync(HttpResponseMessage response)
    {
        var path = response.RequestMessage!.RequestUri!.PathAndQuery;
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var location = response.Headers.Location!;
            if (location.IsAbsoluteUri && location.Host != "localhost")
            {
                break;
            }
            path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            response = await Portal.GetAsync(path);
        }
        return (response, path);
    }

    public void Dispose()
    {
        Portal.Dispose();
        Provider.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
