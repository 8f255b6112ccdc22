using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Partnership.Infrastructure.Data;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Data;

/// <summary>
/// The SQLite connection without EF Core's decimal and regexp functions (docs/adr/0056-sqlite-connection-without-ef-functions.md):
/// the portal's connections carry none, and the model gives EF Core no reason to call one.
/// </summary>
public class LeanSqliteConnectionTests
{
    [SqliteFact]
    public async Task The_portal_connection_is_the_lean_one_and_carries_no_EF_functions()
    {
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        await using var db = database.CreateContext();

        Assert.IsType<StatementCachingSqliteConnection>(db.Database.GetDbConnection());
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT ef_compare(1, 2)";
        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync());
        Assert.Contains("no such function", error.Message, StringComparison.Ordinal);
        // Queries work as before on the same connection.
        Assert.True(await db.ProgramAreas.CountAsync() > 0);
    }

    [Fact]
    public void No_property_of_the_model_is_stored_as_a_decimal()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext();
        var decimals = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e.DisplayName(), Property: p)))
            .Where(x => (Nullable.GetUnderlyingType(x.Property.ClrType) ?? x.Property.ClrType) == typeof(decimal)
                || x.Property.GetValueConverter()?.ProviderClrType == typeof(decimal))
            .Select(x => $"{x.Entity}.{x.Property.Name}")
            .ToList();
        Assert.Empty(decimals);
    }
}
