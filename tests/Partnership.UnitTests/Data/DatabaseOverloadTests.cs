using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Partnership.Infrastructure.Data;

namespace Partnership.UnitTests.Data;

/// <summary>Which failures are the database being too busy (503, try again) and which are faults (500).</summary>
public class DatabaseOverloadTests
{
    public static TheoryData<Exception> Busy => new()
    {
        // Npgsql's exhausted pool: an NpgsqlException around a TimeoutException.
        new Npgsql.NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 4) or 'Timeout' (currently 1 seconds)", new TimeoutException()),
        // The write gates' bounded waits, and EF Core's wrapping of a save that met one.
        new TimeoutException("The database stayed busy with other writes."),
        new DbUpdateException("An error occurred while saving the entity changes.", new TimeoutException()),
        // SQLite busy and locked.
        new SqliteException("database is locked", 5),
        new SqliteException("database table is locked", 6),
        // SQL Server's pool wait.
        new InvalidOperationException("Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool."),
    };

    public static TheoryData<Exception> Faults => new()
    {
        new InvalidOperationException("Sequence contains no elements"),
        new SqliteException("UNIQUE constraint failed: SubsidyApplications.LiveKey", 19),
        new DbUpdateException("An error occurred while saving the entity changes.", new ArgumentException("bad")),
        new ArgumentOutOfRangeException("index"),
    };

    [Theory]
    [MemberData(nameof(Busy))]
    public void A_database_too_busy_to_answer_in_time_is_an_overload(Exception exception) => Assert.True(DatabaseOverload.Is(exception));

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_fault_is_not_an_overload(Exception exception) => Assert.False(DatabaseOverload.Is(exception));
}
