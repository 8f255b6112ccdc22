using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Moq;
using Partnership.Core.Common;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;
using Partnership.Infrastructure.Seeding;

namespace Partnership.TestKit;

/// <summary>
/// A real database of its own, removed afterwards: a SQLite file in a temporary folder or, on the PostgreSQL pass
/// (<see cref="TestProvider"/>), a fresh PostgreSQL database, already migrated. Never the InMemory provider.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <param name="empty">On PostgreSQL: an empty database rather than a migrated one (SQLite files always start empty).</param>
    public TestDatabase(bool empty = false)
    {
        Directory = Path.Combine(Path.GetTempPath(), "partnership-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Settings = (TestProvider.IsPostgreSql
            ? new DatabaseSettings(DatabaseProvider.PostgreSql, PostgreSqlDatabases.Create(empty))
            : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Directory, "partnership.db")}")) with
        {
            // A test asks whether the work is right, not whether it was quick: a hundred simultaneous registrations
            // on a busy machine may wait longer than the portal's five seconds for a connection (the limits
            // themselves are tested on portals that set them).
            Limits = DatabaseLimits.Default with { PoolWaitSeconds = 120 },
        };
    }

    /// <summary>A temporary folder of the test's own (the SQLite file, documents).</summary>
    public string Directory { get; }

    public DatabaseSettings Settings { get; }

    /// <summary>A context on this database; audit fields come from the given user and clock; <paramref name="observer"/>, when given, is added after the portal's interceptors.</summary>
    public AppDbContext CreateContext(ICurrentUser? user = null, TimeProvider? clock = null, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? observer = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Settings.Configure(options);
        options.AddInterceptors(
            new SearchTextInterceptor(),
            new AuditableEntityInterceptor(user ?? new SystemUser(), clock ?? TimeProvider.System),
            new AuditLogInterceptor(user ?? new SystemUser(), clock ?? TimeProvider.System),
            new DashboardDirtyInterceptor());
        if (observer is not null)
        {
            options.AddInterceptors(observer);
        }
        return new AppDbContext(options.Options);
    }

    /// <summary>Migrates the database and seeds the catalog, as a first start would.</summary>
    public async Task MigrateAndSeedCatalogAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
        await new CatalogSeeder(db).SeedAsync();
    }

    public static ICurrentUser User(string id) => Mock.Of<ICurrentUser>(u => u.UserId == id);

    public void Dispose()
    {
        if (Settings.Provider == DatabaseProvider.PostgreSql)
        {
            PostgreSqlDatabases.Drop(Settings.ConnectionString);
        }
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background task; the temp folder is cleaned by the OS.
        }
    }
}
