using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Partnership.Infrastructure.Data;

/// <summary>
/// SQLite lets one writer at a time into a file. Without a queue, writers that find the lock taken poll for it
/// inside SQLite's busy handler (sleeping 1 to 100 ms between tries, a thread blocked all the while), so under
/// a surge the lock sits idle while its next owner sleeps. This gate makes the writers of one process wait
/// for each other in arrival order, asynchronously, and hands the lock over the moment it is free
/// (docs/adr/0052-sqlite-write-gate.md). It is an optimisation only: the budget and the receipts stay correct
/// by their conditional updates without it (another process still meets SQLite's own busy timeout). Server
/// databases have no gate.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of each connection string, so that the string is parsed once, not at every write.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByConnectionString = new(StringComparer.Ordinal);

    /// <summary>The gated transaction each context has open, so that a context closing with one still open ends it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, GatedTransaction> Open = [];

    /// <summary>Begins a transaction; on SQLite, after the writers of this process ahead of it have finished.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(DatabaseFacade database, CancellationToken ct)
    {
        // The connection's type rather than IsSqlite(), which looks the provider's name up from its assembly each time.
        if (database.GetDbConnection() is not SqliteConnection sqlite || database.CurrentTransaction is not null)
        {
            return await database.BeginTransactionAsync(ct);
        }
        var gate = ByConnectionString.GetOrAdd(sqlite.ConnectionString, connectionString => Gates.GetOrAdd(FileOf(connectionString), _ => new SemaphoreSlim(1, 1)));
        if (!await gate.WaitAsync(TimeSpan.FromMilliseconds(DatabaseSettings.SqliteBusyTimeoutMs), ct))
        {
            // As long as SQLite's own busy timeout: a writer stuck this long is an error either way.
            throw new TimeoutException("The database stayed busy with other writes.");
        }
        try
        {
            var context = ((IDatabaseFacadeDependenciesAccessor)database).Context;
            var transaction = new GatedTransaction(await database.BeginTransactionAsync(ct), gate, context);
            Open.AddOrUpdate(context, transaction);
            return transaction;
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>
    /// Ends (rolls back) the gated transaction a context still has open when it is disposed or goes back to the
    /// pool: whatever path skipped the end (an exception no interceptor hears of), the next writer gets in.
    /// </summary>
    public static void EndLeftOver(DbContext context)
    {
        if (Open.TryGetValue(context, out var transaction))
        {
            transaction.Dispose();
        }
    }

    /// <summary>One gate per database file (tests run many files in one process).</summary>
    private static string FileOf(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>The transaction, releasing the gate once it is committed, rolled back or disposed (whichever comes first).</summary>
    private sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate, DbContext context) : IDbContextTransaction, IInfrastructure<DbTransaction>
    {
        private int _released;

        public Guid TransactionId => inner.TransactionId;

        public DbTransaction Instance => inner.GetDbTransaction();

        public bool SupportsSavepoints => inner.SupportsSavepoints;

        public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

        public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

        public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

        public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

        public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

        public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

        public void Commit() => ThenRelease(inner.Commit);

        public Task CommitAsync(CancellationToken cancellationToken = default) => ThenReleaseAsync(() => inner.CommitAsync(cancellationToken));

        public void Rollback() => ThenRelease(inner.Rollback);

        public Task RollbackAsync(CancellationToken cancellationToken = default) => ThenReleaseAsync(() => inner.RollbackAsync(cancellationToken));

        public void Dispose() => ThenRelease(inner.Dispose);

        public ValueTask DisposeAsync() => new(ThenReleaseAsync(() => inner.DisposeAsync().AsTask()));

        private void ThenRelease(Action end)
        {
            try
            {
                end();
            }
            finally
            {
                Release();
            }
        }

        private async Task ThenReleaseAsync(Func<Task> end)
        {
            try
            {
                await end();
            }
            finally
            {
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Open.Remove(context);
                gate.Release();
            }
        }
    }
}
