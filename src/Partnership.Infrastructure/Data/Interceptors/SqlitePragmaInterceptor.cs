using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Partnership.Infrastructure.Data.Interceptors;

/// <summary>
/// SQLite connection settings for concurrent requests: WAL so readers never block the writer, and SQLite's own
/// busy timeout so a writer waits for the lock instead of failing (or retrying in 150 ms sleeps, which is what
/// Microsoft.Data.Sqlite does without it). Foreign keys on. The settings belong to the native connection, which
/// the pool keeps open between uses, so they are applied once per native connection rather than on every
/// open (the pooled context's connection now stays open anyway: docs/adr/0057-sqlite-prepared-statement-cache.md).
/// </summary>
public sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsApplied(connection))
        {
            using var command = Command(connection);
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            MarkApplied(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsApplied(connection))
        {
            await using var command = Command(connection);
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkApplied(connection);
        }
    }

    // Microsoft.Data.Sqlite's own command, which the statement cache does not keep: the settings run once per connection.
    private static DbCommand Command(DbConnection connection) => connection is SqliteConnection sqlite ? sqlite.CreateCommand() : connection.CreateCommand();

    private string Pragmas =>
        $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    private static bool IsApplied(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _);

    private static void MarkApplied(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Applied.AddOrUpdate(handle, handle);
        }
    }
}
