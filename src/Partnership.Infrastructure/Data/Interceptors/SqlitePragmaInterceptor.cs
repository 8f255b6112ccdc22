using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Partnership.Infrastructure.Data.Interceptors;

/// <summary>
/// SQLite connection settings for concurrent requests: WAL so readers never block the writer, and SQLite's own
/// busy timeout so a writer waits for the lock instead of failing (or retrying in 150 ms sleeps, which is what
/// Microsoft.Data.Sqlite does without it). Foreign keys on.
/// </summary>
public sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Pragmas =>
        $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
