using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Partnership.Infrastructure.Data;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Data;

/// <summary>
/// The SQLite connection that keeps its prepared statements (docs/adr/0057-sqlite-prepared-statement-cache.md): a
/// kept statement gets the parameters of each command that borrows it, holds no read snapshot between uses, and goes
/// when the connection closes; a pooled context's connection stays open, with its statements, from one use to the next.
/// </summary>
public class StatementCacheTests
{
    [SqliteFact]
    public async Task A_kept_statement_runs_with_the_parameters_of_each_command_that_borrows_it()
    {
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        await using var db = database.CreateContext();
        var codes = await db.ProgramAreas.OrderBy(a => a.Id).Select(a => new { a.Id, a.Code }).ToListAsync();

        var connection = Assert.IsType<StatementCachingSqliteConnection>(db.Database.GetDbConnection());
        foreach (var area in codes)
        {
            // The same query text each time, with another id: each answer is that id's own row.
            Assert.Equal(area.Code, await db.ProgramAreas.Where(a => a.Id == area.Id).Select(a => a.Code).SingleAsync());
        }
        Assert.Equal(2, connection.KeptCount);
        Assert.Equal(codes.Count, await db.ProgramAreas.CountAsync());
        Assert.Equal(3, connection.KeptCount);
    }

    [SqliteFact]
    public async Task The_same_text_runs_again_while_its_first_reader_is_still_open()
    {
        using var database = new TestDatabase();
        // Typed as DbConnection, as EF Core holds it: SqliteConnection.CreateCommand() gives a plain command.
        await using DbConnection connection = new StatementCachingSqliteConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        const string Sql = "SELECT $n * 10";
        await using var first = connection.CreateCommand();
        first.CommandText = Sql;
        first.Parameters.Add(new SqliteParameter("$n", 1));
        await using var reader = await first.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        await using var second = connection.CreateCommand();
        second.CommandText = Sql;
        second.Parameters.Add(new SqliteParameter("$n", 2));
        Assert.Equal(20L, await second.ExecuteScalarAsync());
        Assert.Equal(10L, reader.GetInt64(0));
    }

    [SqliteFact]
    public async Task A_kept_statement_holds_no_read_snapshot_so_a_checkpoint_can_empty_the_log()
    {
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        await using var reader = database.CreateContext();
        Assert.True(await reader.ProgramAreas.CountAsync() > 0);
        Assert.True(((StatementCachingSqliteConnection)reader.Database.GetDbConnection()).KeptCount > 0);

        await using var writer = new SqliteConnection(database.Settings.ConnectionString);
        await writer.OpenAsync();
        await using var write = writer.CreateCommand();
        write.CommandText = "PRAGMA journal_mode=WAL; UPDATE ProgramAreas SET NameEn = NameEn || ' ' WHERE Id = (SELECT MIN(Id) FROM ProgramAreas);";
        await write.ExecuteNonQueryAsync();
        await using var checkpoint = writer.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        // busy = 0: no connection's open statement pinned an older snapshot.
        Assert.Equal(0L, result.GetInt64(0));
        // The kept statement reads the new state.
        Assert.EndsWith(" ", await reader.ProgramAreas.OrderBy(a => a.Id).Select(a => a.NameEn).FirstAsync(), StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task A_borrowed_statement_runs_in_the_command_transaction_and_its_rollback_undoes_it()
    {
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        await using var db = database.CreateContext();
        var before = await db.ProgramAreas.OrderBy(a => a.Id).Select(a => a.NameEn).FirstAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.ProgramAreas.OrderBy(a => a.Id).Take(1).ExecuteUpdateAsync(s => s.SetProperty(a => a.NameEn, "changed"));
            Assert.Equal("changed", await db.ProgramAreas.OrderBy(a => a.Id).Select(a => a.NameEn).FirstAsync());
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await db.ProgramAreas.OrderBy(a => a.Id).Select(a => a.NameEn).FirstAsync());
    }

    [SqliteFact]
    public async Task A_command_starts_as_Microsoft_Data_Sqlite_commands_do_with_the_open_transaction_and_the_default_timeout()
    {
        using var database = new TestDatabase();
        await using DbConnection connection = new StatementCachingSqliteConnection(database.Settings.ConnectionString + ";Default Timeout=7");
        await connection.OpenAsync();
        await ScalarAsync(connection, "CREATE TABLE t (v INTEGER)");

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            Assert.Same(transaction, insert.Transaction);
            Assert.Equal(7, insert.CommandTimeout);
            insert.CommandText = "INSERT INTO t VALUES (1)";
            await insert.ExecuteNonQueryAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM t"));
    }

    [SqliteFact]
    public async Task A_connection_keeps_at_most_its_capacity_and_closing_it_lets_them_all_go()
    {
        using var database = new TestDatabase();
        await using var connection = new StatementCachingSqliteConnection(database.Settings.ConnectionString);
        DbConnection asEfHoldsIt = connection;
        await connection.OpenAsync();
        for (var i = 0; i < StatementCachingSqliteConnection.Capacity + 5; i++)
        {
            Assert.Equal((long)i, await ScalarAsync(asEfHoldsIt, $"SELECT {i}"));
        }
        Assert.Equal(StatementCachingSqliteConnection.Capacity, connection.KeptCount);

        await connection.CloseAsync();
        Assert.Equal(0, connection.KeptCount);
        await connection.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(asEfHoldsIt, "SELECT 1"));
    }

    [SqliteFact]
    public async Task A_pooled_context_keeps_its_connection_open_with_its_statements_from_one_use_to_the_next()
    {
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        database.Settings.Configure(options);
        var factory = new PooledDbContextFactory<AppDbContext>(options.Options);

        StatementCachingSqliteConnection first;
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.ProgramAreas.CountAsync() > 0);
            first = Assert.IsType<StatementCachingSqliteConnection>(db.Database.GetDbConnection());
        }

        await using (var db = factory.CreateDbContext())
        {
            Assert.Same(first, db.Database.GetDbConnection());
            Assert.Equal(System.Data.ConnectionState.Open, first.State);
            Assert.Equal(1, first.KeptCount);
            Assert.True(await db.ProgramAreas.CountAsync() > 0);
            Assert.Equal(1, first.KeptCount);
        }
    }

    /// <summary>Runs one statement through a command of the connection, as EF Core gets its commands, and gives its scalar.</summary>
    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
