namespace Partnership.Web.Infrastructure;

/// <summary>
/// Absolute links for mail, always from <c>Portal:PublicBaseUrl</c>, so a forged Host header cannot put another
/// site's address into a password-reset mail (the start is refused outside Development without it, see
/// <see cref="PortalMode"/>). Only in Development without a base URL does a link take the request's own address
/// (the local portal on whatever port it runs), and outside a request the Development address.
/// </summary>
public sealed class PortalLinks(PortalMode mode, IHttpContextAccessor? http = null)
{
    public const string DevelopmentBaseUrl = "http://localhost:5080";

    public string Absolute(HttpContext context, string pathAndQuery) =>
        (mode.PublicBaseUrl ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}") + pathAndQuery;

    /// <summary>The same, wherever it is called from: in a request or in background work.</summary>
    public string Absolute(string pathAndQuery)
    {
        if (mode.PublicBaseUrl is not null)
        {
            return mode.PublicBaseUrl + pathAndQuery;
        }
        return http?.HttpContext is { } context ? Absolute(context, pathAndQuery) : DevelopmentBaseUrl + pathAndQuery;
    }
}
