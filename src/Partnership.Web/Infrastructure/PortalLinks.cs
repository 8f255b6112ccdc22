namespace Partnership.Web.Infrastructure;

/// <summary>
/// Absolute links for mail. Uses <c>Portal:PublicBaseUrl</c> when set, so a forged Host header cannot put
/// another site's address into a password-reset mail; falls back to the request's own host in Development,
/// and outside a request (background work) to the Development address.
/// </summary>
public sealed class PortalLinks(IConfiguration configuration, IHttpContextAccessor? http = null)
{
    public const string DevelopmentBaseUrl = "http://localhost:5080";

    public string Absolute(HttpContext context, string pathAndQuery)
    {
        var configured = configuration["Portal:PublicBaseUrl"];
        var baseUrl = string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : configured.TrimEnd('/');
        return baseUrl + pathAndQuery;
    }

    /// <summary>The same, wherever it is called from: in a request or in background work.</summary>
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["Portal:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + pathAndQuery;
        }
        return http?.HttpContext is { } context ? Absolute(context, pathAndQuery) : DevelopmentBaseUrl + pathAndQuery;
    }
}
