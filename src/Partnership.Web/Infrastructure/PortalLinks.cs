namespace Partnership.Web.Infrastructure;

/// <summary>
/// Absolute links for mail. Uses <c>Portal:PublicBaseUrl</c> when set, so a forged Host header cannot put
/// another site's address into a password-reset mail; falls back to the request's own host in Development.
/// </summary>
public sealed class PortalLinks(IConfiguration configuration)
{
    public string Absolute(HttpContext context, string pathAndQuery)
    {
        var configured = configuration["Portal:PublicBaseUrl"];
        var baseUrl = string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : configured.TrimEnd('/');
        return baseUrl + pathAndQuery;
    }
}
