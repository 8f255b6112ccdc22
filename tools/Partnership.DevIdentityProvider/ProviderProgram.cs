namespace Partnership.DevIdentityProvider;

/// <summary>
/// <c>dotnet run --project tools/Partnership.DevIdentityProvider</c>: the Development business ID provider on
/// http://localhost:5090, which the portal's Development settings point at.
/// </summary>
public static class ProviderProgram
{
    public static async Task Main(string[] args)
    {
        var settings = new DevProviderSettings
        {
            Urls = Environment.GetEnvironmentVariable("DEVIDP_URLS") ?? "http://localhost:5090",
            PortalAddress = Environment.GetEnvironmentVariable("DEVIDP_PORTAL") ?? "http://localhost:5080",
        };
        await using var app = await DevProvider.CreateAsync(settings, args);
        await app.RunAsync();
    }
}
