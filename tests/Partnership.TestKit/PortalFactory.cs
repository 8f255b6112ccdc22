using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;

namespace Partnership.TestKit;

/// <summary>
/// The whole portal over HTTP, on its own SQLite file in a temporary folder (or its own PostgreSQL database on
/// the PostgreSQL pass, <see cref="TestProvider"/>), with the demo accounts of Development. <see cref="StartOnRealPort"/> serves it through Kestrel on a loopback port for the browser.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "test-pass-2021";

    /// <summary>
    /// Test portals take no inotify instance: the user's limit is 128 per machine, and a test process keeps many
    /// portals open at once. They do not watch their settings files (a setting a test needs is given to its portal;
    /// none changes a file under a running one), and their file providers poll instead of watching: the first
    /// <c>asp-append-version</c> link of a page asks the web root to watch the file, which otherwise opens one
    /// inotify instance per portal, and past the limit every page answers 500. (Set before any host is built, and
    /// inherited by the portal processes the production-start tests launch.)
    /// </summary>
    static PortalFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "partnership-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The PostgreSQL database of this portal on the PostgreSQL pass; null on SQLite.</summary>
    private string? _postgreSql;

    /// <summary>
    /// The portal whose database this one shares: set it to start a second node on the same database (several nodes
    /// behind one proxy); null for a portal with a database of its own.
    /// </summary>
    public PortalFactory? SharedWith { get; init; }

    /// <summary>
    /// On SQLite in Development: start from a copy of the migrated, seeded database of <see cref="SqlitePortalTemplate"/>
    /// (false for a test that watches a first start). Production portals migrate and seed their own, without demo accounts.
    /// </summary>
    public bool FromTemplate { get; init; } = true;

    /// <summary>The database settings the portal runs on.</summary>
    public DatabaseSettings DatabaseSettings => TestProvider.IsPostgreSql
        ? new DatabaseSettings(DatabaseProvider.PostgreSql, PostgreSqlConnectionString)
        : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine((SharedWith ?? this).DataDirectory, "partnership.db")}");

    private string PostgreSqlConnectionString => SharedWith?.PostgreSqlConnectionString
        ?? (_postgreSql ??= SeededFromTemplate ? PostgreSqlDatabases.CreateSeeded(PostgreSqlPortalTemplate.Seed) : PostgreSqlDatabases.Create());

    /// <summary>
    /// On PostgreSQL: whether the database is a copy of the seeded template (with the demo accounts) rather than seeded
    /// by the test kit after the portal's start (a test that watches a first start, <see cref="FromTemplate"/> false).
    /// </summary>
    private bool SeededFromTemplate => FromTemplate && EnvironmentName == "Development" && PublicBaseUrl is null;

    /// <summary>Where the portal's document store keeps uploaded files (outside the web root).</summary>
    public string DocumentsDirectory => Path.Combine(DataDirectory, "documents");

    protected virtual string EnvironmentName => "Development";

    protected virtual int RateLimitPermits => 100_000;

    /// <summary><c>Portal:PublicBaseUrl</c>; required outside Development, and it keeps the demo data and <c>/dev/mail</c> off.</summary>
    protected virtual string? PublicBaseUrl => null;
    /// <summary>
    /// Whether an authenticator code signs in once, as in the portal (docs/adr/0066). The tests sign the demo staff
    /// in with the one published demo key many times a minute, from many classes at once; they use Identity's own
    /// authenticator check instead, which accepts a code again within its window. The tests of the rule itself
    /// (<c>AuthenticatorCodeTests</c>) and every two-factor set-up keep the portal's.
    /// </summary>
    protected virtual bool AuthenticatorCodesOnce => false;

    /// <summary>How often the background mail sender runs; the harness turns it down so no write happens behind its back.</summary>
    protected virtual int MailPollSeconds => 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        if (TestProvider.IsPostgreSql)
        {
            // A migrated database of its own (from the template); the portal's start seeds it as in production.
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:PostgreSql", PostgreSqlConnectionString);
        }
        else
        {
            if (SharedWith is null && FromTemplate && EnvironmentName == "Development")
            {
                SqlitePortalTemplate.CopyTo(Path.Combine(DataDirectory, "partnership.db"));
            }
            builder.UseSetting("ConnectionStrings:Sqlite", SharedWith is null ? "" : DatabaseSettings.ConnectionString);
            builder.UseSetting("Database:Provider", "Sqlite");
        }
        if (PublicBaseUrl is not null)
        {
            builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        }
        if (EnvironmentName == "Production")
        {
            // Production encrypts the Data Protection keys at rest and does not start without the certificate.
            builder.UseSetting("DataProtection:Certificate:Path", TestCertificates.CreatePfx(Path.Combine(DataDirectory, "secrets")));
            builder.UseSetting("DataProtection:Certificate:Password", TestCertificates.Password);
        }
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // A test asks whether the work is right, not whether it was quick: on a busy machine a connection may take
        // longer than the portal's five seconds. Tests of the limits set their own (OverloadTests).
        builder.UseSetting("Database:PoolWaitSeconds", "120");
        // Tests sign in hundreds of times from one address; the limit itself is tested with its own setting.
        builder.UseSetting("RateLimits:Auth:PermitLimit", RateLimitPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:PollSeconds", MailPollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!AuthenticatorCodesOnce)
        {
            builder.ConfigureTestServices(services => services.Configure<IdentityOptions>(o =>
                o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(AuthenticatorTokenProvider<AppUser>))));
        }
    }

    /// <summary>
    /// On the PostgreSQL pass in Development the portal itself creates no demo data (a server database is a production
    /// setting, docs/adr/0062-production-start.md): its database is a copy of a template seeded once per test process
    /// with the demo accounts, through the same seeding the portal runs; a portal that does not start from a template
    /// gets them seeded by the test kit right after its start, before any test request.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (TestProvider.IsPostgreSql && SharedWith is null && EnvironmentName == "Development" && PublicBaseUrl is null && !FromTemplate)
        {
            using var scope = host.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<Partnership.Infrastructure.Seeding.DatabaseInitializer>()
                .InitializeAsync(DemoPassword, migrate: false).GetAwaiter().GetResult();
        }
        return host;
    }

    /// <summary>Serves the portal through Kestrel on a free loopback port and returns its base address.</summary>
    public Uri StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public HttpClient CreatePortalClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs code against the portal's own database, in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private readonly List<IDisposable> _disposeWith = [];

    /// <summary>Disposes <paramref name="resource"/> with the portal, before its database goes (a test's own connection to it).</summary>
    public void DisposeWith(IDisposable resource)
    {
        lock (_disposeWith)
        {
            _disposeWith.Add(resource);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            lock (_disposeWith)
            {
                _disposeWith.ForEach(resource => resource.Dispose());
                _disposeWith.Clear();
            }
            if (_postgreSql is not null)
            {
                PostgreSqlDatabases.Drop(_postgreSql);
            }
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Log files may still be closing; the temp folder is cleaned by the OS.
            }
        }
    }
}
