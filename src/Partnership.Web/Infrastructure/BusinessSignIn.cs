using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Partnership.Infrastructure.Identity;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// The business ID provider company users may sign in with (section <c>Oidc</c>): any OpenID Connect provider,
/// configured, not coded (docs/adr/0077-business-sign-in-over-openid-connect.md). Off unless Authority and ClientId are set.
/// </summary>
public sealed class BusinessSignInOptions
{
    public const string Section = "Oidc";

    /// <summary>The authentication scheme of the provider; also the login-provider name stored with linked accounts.</summary>
    public const string Scheme = "oidc";

    /// <summary>The issuer's address; its /.well-known/openid-configuration is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From a secret store (user secrets, environment, key vault), never from a committed file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides openid, separated by spaces.</summary>
    public string Scopes { get; set; } = "profile email";

    /// <summary>What the sign-in page calls the provider, e.g. 「GビズID」.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Only for a provider on http:// in Development; HTTPS everywhere else.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Ask the userinfo endpoint as well, for providers that put the company's claims only there.</summary>
    public bool UseUserInfo { get; set; }

    public string CallbackPath { get; set; } = "/signin-oidc";

    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    public BusinessClaimNames Claims { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>The names of the claims that carry what the portal needs; empty = the provider does not send it.</summary>
public sealed class BusinessClaimNames
{
    public string Subject { get; set; } = "sub";
    public string CorporateNumber { get; set; } = "corporate_number";
    public string CompanyName { get; set; } = "company_name";
    public string Name { get; set; } = "name";
    public string Email { get; set; } = "email";

    /// <summary>Empty: the provider's addresses are taken as verified (say so only when the provider guarantees it).</summary>
    public string EmailVerified { get; set; } = "email_verified";

    public string PostalCode { get; set; } = "postal_code";
    public string Street { get; set; } = "street_address";
}

public static class BusinessSignIn
{
    public const string IdTokenItem = "oidc_id_token";

    /// <summary>Adds the provider's OpenID Connect handler when the section is configured; otherwise nothing.</summary>
    public static IServiceCollection AddBusinessSignIn(this IServiceCollection services, IConfiguration configuration, CookieSecurePolicy secureCookies)
    {
        var settings = configuration.GetSection(BusinessSignInOptions.Section).Get<BusinessSignInOptions>() ?? new BusinessSignInOptions();
        services.AddSingleton(settings);
        if (!settings.IsConfigured)
        {
            return services;
        }
        services.AddAuthentication().AddOpenIdConnect(BusinessSignInOptions.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.CallbackPath = settings.CallbackPath;
            o.SignedOutCallbackPath = settings.SignedOutCallbackPath;
            // The result goes to Identity's short-lived external cookie; ExternalLoginController decides what it means.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.SignOutScheme = IdentityConstants.ApplicationScheme;
            // Authorization code flow with PKCE; the code travels in the query, tokens only over the back channel.
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            // No token goes into a cookie: the id_token needed for ending the provider's session is kept in the
            // database (ExternalAccountService), never in the browser.
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = settings.UseUserInfo;
            o.MapInboundClaims = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.Scope.Add(scope);
            }
            foreach (var claim in new[] { settings.Claims.CorporateNumber, settings.Claims.CompanyName, settings.Claims.Name, settings.Claims.Email, settings.Claims.EmailVerified, settings.Claims.PostalCode, settings.Claims.Street })
            {
                if (!string.IsNullOrEmpty(claim))
                {
                    o.ClaimActions.MapUniqueJsonKey(claim, claim);
                }
            }
            // Issuer, audience, lifetime and signature are checked against the provider's published metadata and keys.
            o.TokenValidationParameters.ValidateIssuer = true;
            o.TokenValidationParameters.ValidateAudience = true;
            o.TokenValidationParameters.ValidateLifetime = true;
            o.TokenValidationParameters.RequireSignedTokens = true;
            o.TokenValidationParameters.ValidateIssuerSigningKey = true;
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
            // The state parameter is the handler's own: data-protected and bound to the correlation cookie.
            o.ProtocolValidator.RequireNonce = true;
            // Lax is enough for the provider's top-level GET back to /signin-oidc; Secure as the portal's other cookies.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = secureCookies;
            o.NonceCookie.SecurePolicy = secureCookies;
            o.Events = new OpenIdConnectEvents
            {
                // Denied consent, a provider that is down, a token that fails a check: the portal's own page, nothing changed.
                OnRemoteFailure = context =>
                {
                    var reason = context.Failure switch
                    {
                        _ when context.Request.Query["error"] == "access_denied" => "denied",
                        HttpRequestException or OperationCanceledException => "unavailable",
                        InvalidOperationException { InnerException: HttpRequestException or IOException } => "unavailable",
                        _ => "invalid",
                    };
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Partnership.BusinessSignIn")
                        .LogWarning(context.Failure, "Business sign-in failed: {Reason}", reason);
                    context.Response.Redirect($"/account/external/failed?reason={reason}");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
                // The id_token rides in the encrypted external cookie for the one redirect to the callback, which moves
                // it to the database and deletes the cookie.
                OnTokenValidated = context =>
                {
                    if ((context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken) is { } idToken && context.Properties is { } properties)
                    {
                        properties.Items[IdTokenItem] = idToken;
                    }
                    return Task.CompletedTask;
                },
                // Ending the provider's session names the person's id_token, read from the server, not from a cookie.
                OnRedirectToIdentityProviderForSignOut = async context =>
                {
                    var userId = context.HttpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
                    if (userId is not null)
                    {
                        var accounts = context.HttpContext.RequestServices.GetRequiredService<ExternalAccountService>();
                        context.ProtocolMessage.IdTokenHint = await accounts.IdTokenAsync(userId, BusinessSignInOptions.Scheme);
                    }
                },
            };
        });
        return services;
    }

    /// <summary>Whether the signed-in person came in through the provider this session (so sign-out ends its session too).</summary>
    public static bool SignedInWithProvider(this System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(System.Security.Claims.ClaimTypes.AuthenticationMethod, BusinessSignInOptions.Scheme);

    /// <summary>Properties for a challenge whose answer ExternalLoginController reads.</summary>
    public static AuthenticationProperties ChallengeProperties(SignInManager<AppUser> signIn, string callback) =>
        signIn.ConfigureExternalAuthenticationProperties(BusinessSignInOptions.Scheme, callback);
}
