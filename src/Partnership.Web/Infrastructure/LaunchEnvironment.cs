namespace Partnership.Web.Infrastructure;

/// <summary>
/// The environment the launch profile of <c>dotnet run</c> suggests, as a default only (docs/adr/0062-production-start.md).
/// A launch profile's variables replace the shell's, so a profile that set <c>ASPNETCORE_ENVIRONMENT</c> turned
/// <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> into Development. The profile sets
/// <c>PORTAL_LAUNCH_ENVIRONMENT</c> instead, which counts only when no environment is given in any other way.
/// </summary>
public static class LaunchEnvironment
{
    public const string Variable = "PORTAL_LAUNCH_ENVIRONMENT";

    /// <summary>The profile's environment, or null when ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment says one.</summary>
    public static string? Default(string[] args)
    {
        var suggested = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(suggested)
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
            || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/environment", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return suggested;
    }
}
