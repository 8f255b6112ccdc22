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
    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
#pragma warning restore EF1001
