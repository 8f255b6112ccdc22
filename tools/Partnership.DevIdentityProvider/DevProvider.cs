using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnership.DevIdentityProvider;

/// <summary>The OpenIddict store: applications, authorizations and tokens, in an in-memory SQLite database.</summary>
public sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);

/// <summary>
/// A business ID provider for Development and the portal's tests: an OpenIddict server (authorization code flow with
/// PKCE, end-session endpoint), a sign-in page that lists the demo business accounts, and nothing kept after it stops.
/// </summary>
public static class DevProvider
{
    public const string SessionScheme = "devidp";

    public static async Task<WebApplication> CreateAsync(DevProviderSettings settings, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = typeof(DevProvider).Assembly.GetName().Name });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(settings);

        // One named in-memory database, alive while this connection is open (until the provider stops).
        var database = $"Data Source=devidp-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(database);
        keepAlive.Open();
        builder.Services.AddSingleton(keepAlive);
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite(database).UseOpenIddict());

        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                // Keys live as long as the process: restarting the provider is a key rotation.
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Development only: plain http on localhost.
                    .DisableTransportSecurityRequirement();
            });

        // The provider's own session and forms; names apart from the portal's, since both run on localhost.
        builder.Services.AddAuthentication(SessionScheme).AddCookie(SessionScheme, o =>
        {
            o.Cookie.Name = ".DevIdp.Session";
            o.LoginPath = "/login";
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = ".DevIdp.Antiforgery");

        var app = builder.Build();
        await RegisterPortalAsync(app.Services, settings);
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)EndSessionAsync);
        app.MapGet("/login", LoginPage);
        app.MapPost("/login", LoginAsync);
        app.MapGet("/", () => Results.Redirect("/.well-known/openid-configuration"));
        return app;
    }

    /// <summary>The base address the provider listens on, once started (for a free port in tests).</summary>
    public static Uri Address(this WebApplication app) =>
        new(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal) + "/");

    /// <summary>
    /// Also accepts <paramref name="portal"/>'s /signin-oidc and /signout-callback-oidc, for a portal whose port is known
    /// only once it runs (the browser tests start the provider first, since the portal reads its metadata address).
    /// </summary>
    public static async Task AllowPortalAsync(this WebApplication app, Uri portal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var settings = app.Services.GetRequiredService<DevProviderSettings>();
        var client = await applications.FindByClientIdAsync(settings.ClientId)
            ?? throw new InvalidOperationException($"The client {settings.ClientId} is not registered.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, client);
        var address = portal.GetLeftPart(UriPartial.Authority);
        descriptor.RedirectUris.Add(new Uri(address + "/signin-oidc"));
        descriptor.PostLogoutRedirectUris.Add(new Uri(address + "/signout-callback-oidc"));
        await applications.UpdateAsync(client, descriptor);
    }

    private static async Task RegisterPortalAsync(IServiceProvider services, DevProviderSettings settings)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var portal = settings.PortalAddress.TrimEnd('/');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            ClientType = settings.ClientSecret is null ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Tokyo × TCCI Partnership Portal",
            RedirectUris = { new Uri(portal + "/signin-oidc") },
            PostLogoutRedirectUris = { new Uri(portal + "/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await applications.CreateAsync(descriptor);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, DevProviderSettings settings)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.GetParameter("dev_deny") is not null)
        {
            // The person declined on the sign-in page: access_denied back to the portal.
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person declined.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var session = await context.AuthenticateAsync(SessionScheme);
        var account = session.Succeeded ? settings.Accounts.FirstOrDefault(a => a.Subject == session.Principal!.FindFirst(Claims.Subject)?.Value) : null;
        if (account is null)
        {
            return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(context.Request.GetEncodedPathAndQuery()));
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, account.Subject));
        identity.AddClaim(new Claim(Claims.Name, account.Name));
        identity.AddClaim(new Claim(Claims.Email, account.Email));
        identity.AddClaim(new Claim(Claims.EmailVerified, account.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        foreach (var (type, value) in new[] { ("corporate_number", account.CorporateNumber), ("company_name", account.CompanyName), ("postal_code", account.PostalCode), ("street_address", account.Street) })
        {
            if (value is not null)
            {
                identity.AddClaim(new Claim(type, value));
            }
        }
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult LoginPage(HttpContext context, DevProviderSettings settings, IAntiforgery antiforgery, string? returnUrl)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>開発用ビジネスID ログイン</title><style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}")
            .Append("button{font-size:1rem;padding:.5rem 1rem;margin:.25rem 0;border:1px solid #0017c1;background:#fff;color:#0017c1;border-radius:.25rem;cursor:pointer}</style></head><body><main>")
            .Append("<h1>開発用ビジネスID</h1><p>開発用の認証サーバーです。ログインするアカウントを選んでください。</p>");
        foreach (var account in settings.Accounts)
        {
            html.Append("<form method=\"post\" action=\"/login\">")
                .Append(Hidden(tokens.FormFieldName, tokens.RequestToken!)).Append(Hidden("returnUrl", returnUrl ?? "")).Append(Hidden("account", account.Subject))
                .Append("<button type=\"submit\">").Append(WebUtility.HtmlEncode($"{account.Name}（{account.CompanyName ?? "法人番号なし"}）としてログイン")).Append("</button></form>");
        }
        html.Append("<form method=\"post\" action=\"/login\">").Append(Hidden(tokens.FormFieldName, tokens.RequestToken!)).Append(Hidden("returnUrl", returnUrl ?? ""))
            .Append(Hidden("deny", "1")).Append("<button type=\"submit\">情報の提供を許可しない</button></form></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> LoginAsync(HttpContext context, DevProviderSettings settings, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (!returnUrl.StartsWith("/connect/authorize?", StringComparison.Ordinal))
        {
            return Results.BadRequest();
        }
        if (form.ContainsKey("deny"))
        {
            return Results.Redirect(returnUrl + "&dev_deny=1");
        }
        var account = settings.Accounts.FirstOrDefault(a => a.Subject == form["account"]);
        if (account is null)
        {
            return Results.BadRequest();
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Claims.Subject, account.Subject)], SessionScheme));
        await context.SignInAsync(SessionScheme, principal);
        return Results.Redirect(returnUrl);
    }

    private static string Hidden(string name, string value) =>
        $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value)}\">";
}
