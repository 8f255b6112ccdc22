namespace Partnership.Web.Infrastructure;

/// <summary>
/// Security headers on every response, and <c>Cache-Control: no-store</c> on every response to a signed-in user
/// (a Japanese subsidy portal once served one user's My Page to thousands from a shared cache).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, BusinessSignInOptions businessSignIn)
{
    private readonly string _contentSecurityPolicy = ContentSecurityPolicy(businessSignIn);

    /// <summary>
    /// The policy of every page. <c>form-action</c> also names the business ID provider's origin when one is configured:
    /// browsers apply it to the redirects after a form post too, and the sign-in and sign-out buttons are forms whose
    /// answer redirects to the provider (docs/adr/0080-business-sign-in-in-the-browser.md).
    /// </summary>
    public static string ContentSecurityPolicy(BusinessSignInOptions businessSignIn)
    {
        var formAction = "'self'";
        if (businessSignIn.IsConfigured && Uri.TryCreate(businessSignIn.Authority, UriKind.Absolute, out var authority))
        {
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            $"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.User.Identity?.IsAuthenticated == true || IsAccountPage(context.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsAccountPage(PathString path) => path.StartsWithSegments("/account");
}
