using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Partnership.TestKit;
using Partnership.Web.Infrastructure;

namespace Partnership.FunctionalTests.Security;

/// <summary>Development with a production setting: Demo:Enabled is asked for, but the base URL keeps demo data and /dev/mail off.</summary>
public sealed class DevelopmentWithBaseUrlPortal : PortalFactory
{
    protected override string? PublicBaseUrl => "https://portal.example.jp";

    public DevelopmentWithBaseUrlPortal() => FromTemplate = false;
}

/// <summary>Issue 24, finding 2: a production setting keeps the demo data and /dev/mail off even in Development.</summary>
public class DevelopmentWithProductionSettingTests(DevelopmentWithBaseUrlPortal portal) : IClassFixture<DevelopmentWithBaseUrlPortal>
{
    [Fact]
    public async Task Development_beside_a_public_base_url_creates_no_demo_accounts_and_closes_dev_mail()
    {
        SecurityTally.CountConfigurationProbe();
        var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/mail")).StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/catalog")).StatusCode);
    }
}

/// <summary>
/// Issue 24, findings 1 and 2: every link in mail from Portal:PublicBaseUrl, the host filter set from it, no start outside
/// Development without it, and no demo data or development tools by mistake, whatever the launch path.
/// </summary>
public class ProductionStartTests(ProductionPortal production) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task A_forged_Host_header_is_refused_and_the_mailed_reset_link_comes_from_the_public_base_url_only()
    {
        await production.CreateOfficialAsync();
        SecurityTally.CountConfigurationProbe();

        // Another host: the host filter answers 400 before anything runs; no mail is queued.
        var forged = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://evil.example"), AllowAutoRedirect = false });
        var refused = await forged.PostAsync("/account/forgot-password", new FormUrlEncodedContent([new("Email", ProductionPortal.Email)]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Invalid Hostname", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await production.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == ProductionPortal.Email)));

        // A host the filter lets through (localhost, for the health probe) still does not make the link: the base URL does.
        var local = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var sent = await local.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", ProductionPortal.Email)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await production.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == ProductionPortal.Email));
        Assert.Matches(@"https://portal\.example\.jp/account/reset-password\?token=", mail.BodyText);
        Assert.DoesNotContain("localhost", mail.BodyText);
    }

    [Fact]
    public async Task Production_does_not_start_without_a_public_base_url_and_says_what_to_set()
    {
        SecurityTally.CountConfigurationProbe();
        var data = Path.Combine(Path.GetTempPath(), "partnership-tests", Guid.NewGuid().ToString("N"));
        var (exit, error) = await RunAsync(["exec", PortalAssembly], new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Portal__DataDirectory"] = data });

        Assert.Equal(1, exit);
        Assert.Contains("Portal:PublicBaseUrl is not set", error);
        Assert.Contains("Portal__PublicBaseUrl=https://", error);
        Assert.False(Directory.Exists(data), "nothing is created before the refusal");
    }

    [Fact]
    public async Task The_launch_profile_does_not_override_ASPNETCORE_ENVIRONMENT_Production()
    {
        // What `ASPNETCORE_ENVIRONMENT=Production dotnet run --project src/Partnership.Web` does: with a profile that set the
        // environment the portal would start in Development with demo accounts; it must start in Production, which refuses
        // here for want of a base URL.
        SecurityTally.CountConfigurationProbe();
        var data = Path.Combine(Path.GetTempPath(), "partnership-tests", Guid.NewGuid().ToString("N"));
        var project = Path.Combine(RepositoryPaths.Root, "src", "Partnership.Web");
        var (exit, error) = await RunAsync(["run", "--no-build", "--configuration", BuildConfiguration, "--project", project],
            new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Portal__DataDirectory"] = data });

        Assert.Equal(1, exit);
        Assert.Contains("In Production the portal", error);
    }

    [Fact]
    public async Task Production_encrypts_the_data_protection_keys_at_rest_with_the_certificate()
    {
        SecurityTally.CountConfigurationProbe();
        // A page with a form makes the key ring exist; the sign-in proves the encrypted keys are read back.
        await production.CreateOfficialAsync();
        var client = production.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        var keys = await production.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        var signedIn = await client.PostFormAsync("/account/login", "/account/login", [new("Email", ProductionPortal.Email), new("Password", ProductionPortal.Password)]);
        Assert.Equal("/me", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Production_does_not_start_without_the_key_certificate_and_says_what_to_set()
    {
        SecurityTally.CountConfigurationProbe();
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Portal:PublicBaseUrl"] = "https://portal.example.jp";
        builder.Configuration["Portal:DataDirectory"] = Path.Combine(Path.GetTempPath(), "partnership-tests", Guid.NewGuid().ToString("N"));
        var refused = Assert.Throws<PortalConfigurationException>(() => builder.AddPortal());
        Assert.Contains("DataProtection:Certificate:Path is not set", refused.Message);
        Assert.Contains("DataProtection__Certificate__Password", refused.Message);
    }

    [Fact]
    public async Task Invite_admin_in_Development_prints_the_whole_link()
    {
        var dir = Path.Combine(Path.GetTempPath(), "partnership-tests", Guid.NewGuid().ToString("N"));
        string[] args = [AdminBootstrap.Command, "--email", "dev.admin@metro.example.jp"];
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new Microsoft.AspNetCore.Builder.WebApplicationOptions { Args = args, EnvironmentName = "Development" });
        builder.Configuration["Portal:DataDirectory"] = dir;
        builder.Configuration["Portal:PublicBaseUrl"] = "";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddPortal();
        await using (var app = builder.Build())
        {
            var output = new StringWriter();
            Assert.Equal(0, await AdminBootstrap.RunAsync(app, args, output));
            Assert.Matches(@"^http://localhost:5080/staff-invitations/[A-Za-z0-9_-]{43}\r?\n$", output.ToString());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData("Development", "", "Sqlite", "true", true)]
    [InlineData("Development", "", "Sqlite", "false", false)]
    [InlineData("Development", "", "", null, false)]
    [InlineData("Development", "https://portal.example.jp", "Sqlite", "true", false)]
    [InlineData("Development", "", "PostgreSql", "true", false)]
    [InlineData("Development", "", "SqlServer", "true", false)]
    [InlineData("Production", "https://portal.example.jp", "Sqlite", "true", false)]
    [InlineData("Staging", "https://portal.example.jp/", "Sqlite", "true", false)]
    public void Demo_data_and_dev_mail_only_when_asked_for_in_Development_without_a_production_setting(
        string environment, string baseUrl, string provider, string? demo, bool expected)
    {
        var mode = PortalMode.From(Settings(("Portal:PublicBaseUrl", baseUrl), ("Database:Provider", provider), ("Demo:Enabled", demo)), new Environment(environment));
        Assert.Equal(expected, mode.DemoData);
        Assert.Equal(environment == "Development" && baseUrl.Length == 0 && provider is "" or "Sqlite", mode.DevelopmentTools);
    }

    [Theory]
    [InlineData("Production", "")]
    [InlineData("Staging", " ")]
    [InlineData("Production", "portal.example.jp")]
    [InlineData("Development", "javascript:alert(1)")]
    [InlineData("Production", "https://portal.example.jp/?next=x")]
    public void A_missing_or_unusable_base_url_refuses_the_start_with_a_message(string environment, string baseUrl)
    {
        var refused = Assert.Throws<PortalConfigurationException>(() => PortalMode.From(Settings(("Portal:PublicBaseUrl", baseUrl)), new Environment(environment)));
        Assert.Contains("Portal:PublicBaseUrl", refused.Message);
    }

    [Fact]
    public void The_host_filter_lets_through_the_public_host_and_the_local_health_probe()
    {
        var mode = PortalMode.From(Settings(("Portal:PublicBaseUrl", "https://portal.example.jp/partnership/")), new Environment("Production"));
        Assert.Equal("https://portal.example.jp/partnership", mode.PublicBaseUrl);
        Assert.Equal(["portal.example.jp", "localhost"], mode.AllowedHosts);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class Environment(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Partnership.Web";
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    /// <summary>Debug or Release: the configuration this test assembly was built in (bin/&lt;configuration&gt;/net10.0).</summary>
    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string PortalAssembly => Path.Combine(RepositoryPaths.Root, "src", "Partnership.Web", "bin", BuildConfiguration, "net10.0", "Partnership.Web.dll");

    /// <summary>Runs the dotnet host with the environment given (the portal's own variables cleared) and returns its exit code and error output.</summary>
    private static async Task<(int Exit, string Error)> RunAsync(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Portal__", StringComparison.Ordinal) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        // A portal that started after all (the failure this guards against) would run until stopped: stop it then.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, "still running after two minutes: " + await output + await error);
        }
        return (process.ExitCode, await error + await output);
    }
}
