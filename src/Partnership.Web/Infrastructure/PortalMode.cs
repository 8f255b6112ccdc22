namespace Partnership.Web.Infrastructure;

/// <summary>A setting the portal cannot start with; the message says what to set (docs/operations.md).</summary>
public sealed class PortalConfigurationException(string message) : Exception(message);

/// <summary>
/// What this start may do, decided once from the environment and the settings (docs/adr/0062-production-start.md):
/// the public base URL every absolute link in mail is built from, whether the development tools (<c>/dev/mail</c>)
/// answer, and whether the demo accounts are created.
/// <list type="bullet">
/// <item>Outside Development <c>Portal:PublicBaseUrl</c> is required: the start is refused with a message without it.</item>
/// <item>A production setting (<c>Portal:PublicBaseUrl</c>, a server database) turns the development tools and the demo data
/// off even in Development, so a launch profile or a stray environment variable cannot open them on a real installation.</item>
/// <item>Demo data only when <c>Demo:Enabled</c> asks for it, in Development, without a production setting.</item>
/// </list>
/// </summary>
public sealed class PortalMode
{
    private PortalMode(string? publicBaseUrl, string? productionSetting, bool developmentTools, bool demoData)
    {
        PublicBaseUrl = publicBaseUrl;
        ProductionSetting = productionSetting;
        DevelopmentTools = developmentTools;
        DemoData = demoData;
    }

    /// <summary>The configured base of absolute links, without a trailing slash; null only in Development without one.</summary>
    public string? PublicBaseUrl { get; }

    /// <summary>The first production setting found (what turned the development tools off); null when there is none.</summary>
    public string? ProductionSetting { get; }

    /// <summary>Development tools such as <c>/dev/mail</c> answer.</summary>
    public bool DevelopmentTools { get; }

    /// <summary>The demo accounts, companies, window and events are created at start.</summary>
    public bool DemoData { get; }

    /// <summary>The host names the host filter lets through: the base URL's host and <c>localhost</c> (the container's health probe).</summary>
    public IReadOnlyList<string> AllowedHosts =>
        PublicBaseUrl is null ? ["*"] : [new Uri(PublicBaseUrl).Host, "localhost"];

    public static PortalMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Portal:PublicBaseUrl"]?.Trim();
        string? baseUrl = null;
        if (!string.IsNullOrEmpty(configured))
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw new PortalConfigurationException(
                    $"Portal:PublicBaseUrl '{configured}' is not an absolute http(s) address such as https://portal.example.jp.");
            }
            baseUrl = configured.TrimEnd('/');
        }
        else if (!environment.IsDevelopment())
        {
            throw new PortalConfigurationException(
                $"Portal:PublicBaseUrl is not set. In {environment.EnvironmentName} the portal builds every link in mail from it and "
                + "lets only its host through: set it to the address people reach the portal at, e.g. "
                + "Portal__PublicBaseUrl=https://portal.example.jp (docs/operations.md, \"Production start\").");
        }

        var provider = configuration["Database:Provider"];
        var productionSetting = baseUrl is not null ? "Portal:PublicBaseUrl"
            : !string.IsNullOrWhiteSpace(provider) && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) ? $"Database:Provider={provider}"
            : null;
        var developmentTools = environment.IsDevelopment() && productionSetting is null;
        return new PortalMode(baseUrl, productionSetting, developmentTools, developmentTools && configuration.GetValue<bool>("Demo:Enabled"));
    }
}
