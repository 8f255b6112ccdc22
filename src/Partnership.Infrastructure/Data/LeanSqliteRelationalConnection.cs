using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Partnership.Infrastructure.Data;

/// <summary>
/// EF Core's SQLite connection without the functions EF Core registers for decimal arithmetic and
/// <c>Regex.IsMatch</c> (<c>ef_add</c>, <c>ef_compare</c>, … <c>regexp</c>, the <c>EF_DECIMAL</c> collation):
/// Microsoft.Data.Sqlite registers every function a connection object carries again on each open, twelve
/// native calls for every query EF Core runs outside a transaction, and the portal's model has no decimal
/// column and no regular expression in a query, so it never calls them
/// (docs/adr/0056-sqlite-connection-without-ef-functions.md; <c>LeanSqliteConnectionTests</c> keeps the model so).
/// </summary>
#pragma warning disable EF1001 // An internal EF Core type: its one override is checked by the tests of every query.
public sealed class LeanSqliteRelationalConnection(
    RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder, IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection() => new StatementCachingSqliteConnection(GetValidatedConnectionString());

    // The connection stays open between queries and between the pooled context's requests, so that the statements
    // it has prepared are there for the next query with the same text (docs/adr/0057-sqlite-prepared-statement-cache.md).
    // It is closed when the context is disposed (a context from outside the pool, or one the pool lets go). An open
    // SQLite connection outside a transaction with its statements reset holds no lock and no read snapshot; the
    // context's transaction is still ended when it goes back to the pool (EF Core's ResetState, SqliteWriteGate).
    protected override void CloseDbConnection()
    {
        if (DbConnection is not StatementCachingSqliteConnection)
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync() =>
        DbConnection is StatementCachingSqliteConnection ? Task.CompletedTask : base.CloseDbConnectionAsync();
}
#pragma warning restore EF1001
