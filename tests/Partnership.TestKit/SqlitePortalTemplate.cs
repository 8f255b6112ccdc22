using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Seeding;
using Partnership.Web.Infrastructure;

namespace Partnership.TestKit;

/// <summary>
/// A portal database on SQLite migrated and seeded once per test process (catalog, reference data and the demo
/// accounts of Development), which each <see cref="PortalFactory"/> copies before its portal starts instead of
/// running every migration and the seeding again. The portal's start still runs its migration check and its
/// idempotent seeding on the copy, as after a restart. The PostgreSQL pass gets the same from a template database
/// (<see cref="PostgreSqlDatabases"/>).
/// </summary>
internal static class SqlitePortalTemplate
{
    private static readonly Lazy<string> File = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the template to <paramref name="target"/> unless a database is there already (a second factory on the same folder).</summary>
    public static void CopyTo(string target)
    {
        if (System.IO.File.Exists(target))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        System.IO.File.Copy(File.Value, target);
    }

    private static string Create()
    {
        // Built on a thread that does not carry the caller's context: the caller may be a portal factory in the middle
        // of starting its own host, whose start-up listener must not see this one.
        Task<string> creating;
        using (ExecutionContext.SuppressFlow())
        {
            creating = Task.Run(CreateAsync);
        }
        return creating.GetAwaiter().GetResult();
    }

    private static async Task<string> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "partnership-tests", "template-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Portal:DataDirectory"] = directory;
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["ConnectionStrings:Sqlite"] = "";
        builder.Configuration["Demo:Enabled"] = "true";
        builder.Configuration["Demo:Password"] = PortalFactory.DemoPassword;
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddPortal();
        await using (var app = builder.Build())
        {
            // What the portal's start does to a new database: migrate, then seed (with the demo accounts).
            await app.InitializeDatabaseAsync();
        }
        var source = Path.Combine(directory, "partnership.db");
        var template = directory + ".db";
        await using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            connection.Open();
            // One self-contained file, the write-ahead log folded in.
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target;";
            command.Parameters.AddWithValue("$target", template);
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still closing; the temp folder is cleaned by the OS.
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(template);
        return template;
    }
}

/// <summary>
/// What <see cref="SqlitePortalTemplate"/> is on the PostgreSQL pass: the seeding of a Development portal with its demo
/// accounts, run once per test process into the seeded template of <see cref="PostgreSqlDatabases.CreateSeeded"/>.
/// The portal itself creates no demo data on a server database (docs/adr/0062-production-start.md).
/// </summary>
internal static class PostgreSqlPortalTemplate
{
    public static void Seed(string connectionString)
    {
        // As SqlitePortalTemplate: on a thread that does not carry the caller's context (a portal factory starting).
        Task seeding;
        using (ExecutionContext.SuppressFlow())
        {
            seeding = Task.Run(() => SeedAsync(connectionString));
        }
        seeding.GetAwaiter().GetResult();
    }

    private static async Task SeedAsync(string connectionString)
    {
        var directory = Path.Combine(Path.GetTempPath(), "partnership-tests", "template-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Portal:DataDirectory"] = directory;
        builder.Configuration["Database:Provider"] = "PostgreSql";
        builder.Configuration["ConnectionStrings:PostgreSql"] = connectionString;
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddPortal();
        await using (var app = builder.Build())
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(PortalFactory.DemoPassword, migrate: false);
        }
        // No connection may stay open on a template (CREATE DATABASE … TEMPLATE refuses a database in use).
        var effective = DatabaseSettings.FromConfiguration(builder.Configuration, directory).EffectiveConnectionString;
        using (var pooled = new NpgsqlConnection(effective))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still closing; the temp folder is cleaned by the OS.
        }
    }
}
