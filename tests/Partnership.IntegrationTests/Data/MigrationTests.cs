using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Infrastructure;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Data;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        using var database = new TestDatabase(empty: true);
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Measures.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Every_migration_runs_inside_its_transaction_and_the_check_constraints_hold()
    {
        // Issue 24, finding 8: MultiNode ran PRAGMA foreign_keys outside its transaction on SQLite, with a warning.
        using var database = new TestDatabase(empty: true);
        var options = new DbContextOptionsBuilder<Partnership.Infrastructure.Data.AppDbContext>();
        database.Settings.Configure(options);
        options.ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));
        await using var db = new Partnership.Infrastructure.Data.AppDbContext(options.Options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // The two constraints the left-out rebuild re-created are still in the tables.
        if (db.Database.IsSqlite())
        {
            var tables = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name IN ('Events', 'OutreachActivities')").ToListAsync();
            Assert.Contains(tables, t => t.Contains("CK_Events_Registered", StringComparison.Ordinal) && t.Contains("Registered <= Capacity", StringComparison.Ordinal));
            Assert.Contains(tables, t => t.Contains("CK_OutreachActivities_Reach", StringComparison.Ordinal) && t.Contains("Reach >= 0", StringComparison.Ordinal));
        }
    }

    [SqliteFact]
    public async Task The_SQLite_database_runs_in_WAL_mode_with_a_busy_timeout()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();

        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(10_000L, (long?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync());
        Assert.DoesNotContain("Cache=Shared", database.Settings.ConnectionString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Initialising_twice_adds_nothing_the_second_time()
    {
        using var database = new TestDatabase();
        await using var services = BuildServices(database);

        await InitializeAsync(services);
        var first = await CountsAsync(services);
        await InitializeAsync(services);
        var second = await CountsAsync(services);

        // The demo expert is the sixth user; six consultation desks, three demo events.
        Assert.Equal((6, 1, 59, 5, 6, 62, 20, 24, 2, 6, 3), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Without_a_demo_password_no_demo_account_is_created()
    {
        using var database = new TestDatabase();
        await using var services = BuildServices(database);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoPassword: null);
        }
        var counts = await CountsAsync(services);
        Assert.Equal(0, counts.Users);
        Assert.Equal(0, counts.Companies);
        Assert.Equal(62, counts.Municipalities);
        Assert.Equal(5, counts.Roles);
    }

    private static ServiceProvider BuildServices(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddPartnershipData(database.Settings);
        services.AddIdentityCore<AppUser>(IdentityPolicy.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<Partnership.Infrastructure.Data.AppDbContext>();
        return services.BuildServiceProvider();
    }

    private static async Task InitializeAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync("integration-pass-1");
    }

    private static async Task<(int Areas, int Plans, int Measures, int Roles, int Users, int Municipalities, int Industries, int Branches, int Companies, int Desks, int Events)> CountsAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Partnership.Infrastructure.Data.AppDbContext>();
        return (await db.ProgramAreas.CountAsync(), await db.PartnershipPlans.CountAsync(), await db.Measures.CountAsync(),
            await db.Roles.CountAsync(), await db.Users.CountAsync(), await db.Municipalities.CountAsync(), await db.Industries.CountAsync(),
            await db.ChamberBranches.CountAsync(), await db.Companies.CountAsync(),
            await db.ConsultationDesks.CountAsync(), await db.PartnershipEvents.CountAsync());
    }
}
