using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Seeding;

/// <summary>
/// Runs at start-up: applies migrations (unless a DBA applies the idempotent script instead), then seeds the
/// catalog and roles, and demo accounts when asked. Seeding is idempotent and always runs.
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db, CatalogSeeder catalog, SchemeSeeder schemes, SubsidySeeder subsidies, ReferenceDataSeeder reference, IdentitySeeder identity,
    DemoCompanySeeder demoCompanies, ConsultationDeskSeeder desks, DemoEventSeeder demoEvents, PlanServicesSeeder planServices, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(string? demoPassword, bool migrate = true, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        if (migrate)
        {
            await db.Database.MigrateAsync(ct);
        }
        await catalog.SeedAsync(ct);
        await schemes.SeedAsync(ct);
        await subsidies.SeedAsync(ct);
        await reference.SeedAsync(ct);
        await desks.SeedAsync(ct);
        await planServices.SeedAsync(ct);
        await identity.SeedRolesAsync();
        if (demoPassword is not null)
        {
            await identity.SeedDemoAccountsAsync(demoPassword);
            await demoCompanies.SeedAsync(ct);
            await subsidies.SeedDemoWindowAsync(ct);
            await demoEvents.SeedAsync(ct);
        }
        logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
    }
}
