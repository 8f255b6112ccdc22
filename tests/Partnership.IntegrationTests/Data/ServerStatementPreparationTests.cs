using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Partnership.Infrastructure.Data;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Data;

/// <summary>
/// On PostgreSQL each connection keeps the statements it runs most prepared on the server (Npgsql's automatic
/// preparation), so that they are parsed and planned once per connection, not at every execution
/// (docs/adr/0096-statements-prepared-on-postgresql.md).
/// </summary>
public sealed class ServerStatementPreparationTests : IDisposable
{
    // Made by the PostgreSQL tests only: the configuration test needs no database.
    private TestDatabase? _database;

    private TestDatabase Database => _database ??= new();

    [Fact]
    public void The_number_of_prepared_statements_is_read_from_configuration_and_reaches_the_connection_string()
    {
        Assert.Equal(DatabaseSettings.DefaultMaxAutoPrepare, MaxAutoPrepare(null));
        Assert.Equal(0, MaxAutoPrepare("0"));
        Assert.Equal(20, MaxAutoPrepare("20"));
    }

    [PostgreSqlFact]
    public async Task A_statement_run_again_on_one_connection_is_prepared_on_the_server()
    {
        Assert.Contains(await PreparedAfterRepeatedQueryAsync(Database.Settings), s => s.Contains("\"ProgramAreas\"", StringComparison.Ordinal));
    }

    [PostgreSqlFact]
    public async Task With_the_setting_at_zero_nothing_is_prepared()
    {
        Assert.Empty(await PreparedAfterRepeatedQueryAsync(Database.Settings with { MaxAutoPrepare = 0 }));
    }

    public void Dispose() => _database?.Dispose();

    private static int MaxAutoPrepare(string? configured)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = "Host=db.example;Database=partnership;Username=portal",
        };
        if (configured is not null)
        {
            values["Database:MaxAutoPrepare"] = configured;
        }
        var settings = DatabaseSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath());
        return new NpgsqlConnectionStringBuilder(settings.EffectiveConnectionString).MaxAutoPrepare;
    }

    /// <summary>Runs one query six times on one connection (once more than Npgsql's usages before it prepares) and lists what the server holds prepared.</summary>
    private static async Task<List<string>> PreparedAfterRepeatedQueryAsync(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        await using var db = new AppDbContext(options.Options);
        await db.Database.OpenConnectionAsync();
        for (var above = 0; above < 6; above++)
        {
            await db.ProgramAreas.CountAsync(a => a.Id > above);
        }
        return await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
    }
}
