using Microsoft.Data.Sqlite;

namespace Partnership.Infrastructure.Data;

/// <summary>
/// Tells an overloaded database from a fault: no free connection in the pool within the wait, a statement or a
/// write that waited past its bound, a server refusing connections or cancelling a statement. Such a request
/// changed nothing (its transaction rolled back) and may be tried again: the portal answers 503 with Retry-After,
/// not 500 (docs/operations.md, "Timeouts and pools").
/// </summary>
public static class DatabaseOverload
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Npgsql's exhausted pool and read time-outs, SQL Server's pool wait, the write gates' bounded waits.
                case TimeoutException:
                // SQLite's busy or locked database past the busy timeout.
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                // PostgreSQL: too many connections, statement cancelled (statement_timeout), lock not available.
                case Npgsql.PostgresException { SqlState: "53300" or "57014" or "55P03" }:
                // SQL Server: the command time-out.
                case Microsoft.Data.SqlClient.SqlException { Number: -2 }:
                    return true;
                // SQL Server's pool wait is an InvalidOperationException named by its message.
                case InvalidOperationException when e.Message.StartsWith("Timeout expired.", StringComparison.Ordinal):
                    return true;
            }
        }
        return false;
    }
}
