using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Partnership.Core.Companies;
using Partnership.Core.Facts;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Subsidies;

// ---------------------------------------------------------------------------------------------------------------
// TUNED CODE. This folder is the one place where the subsidy submission is shaped for speed under the opening
// surge: statements in SQL per provider, compiled queries, one connection per submission, the SQLite write gate,
// no savepoint inside the submission's own transaction, the dashboard mark written beside the rows. The rules
// (what may be submitted, which status follows, what is reserved) live in Core/Subsidies and are not decided here.
// Decision records that govern this folder: docs/adr/0052 (SQLite write gate), 0053 (pooled context and lean
// submission), 0054 (statements in SQL), 0055 (audit entries by one insert), 0056 (SQLite connection), 0057
// (prepared statement cache), 0058 (notice in the address), 0060 (window gate on server databases), 0095 (the
// receipt in one statement). Change it only with a figure in docs/benchmarks.md.
// ---------------------------------------------------------------------------------------------------------------

/// <summary>The submission's database steps (<see cref="ISubmissionStore"/>) on the portal's one context.</summary>
public sealed class SubmissionStore(AppDbContext db, TimeProvider clock, DatabaseLimits? limits = null) : ISubmissionStore
{
    private readonly TimeSpan _writeWait = TimeSpan.FromSeconds((limits ?? DatabaseLimits.Default).WriteWaitSeconds);

    public async Task<ISubmissionSession> OpenAsync(CancellationToken ct)
    {
        // One connection for the submission's reads and writes, rather than one opened and closed for each.
        await db.Database.OpenConnectionAsync(ct);
        return new Session(db, clock, _writeWait);
    }

    /// <summary>
    /// On a server database the writes to one window from this node queue here, in arrival order and without a
    /// connection busy in the database, so that at most one transaction per node waits for the window's row lock.
    /// Without it every submission of the surge waited inside the database for the row, and the one holding it
    /// was slow to be scheduled again (a lock convoy; docs/adr/0060-window-gate-on-server-databases.md). The row's
    /// conditional update still decides; the gate only orders. SQLite has its own gate for every write (ADR 0052).
    /// </summary>
    private static readonly ConcurrentDictionary<(string Database, int WindowId), SemaphoreSlim> WindowGates = new();

    /// <summary>
    /// The connections of the writers that had to queue at a window gate come from a pool of their own (the portal's
    /// connection string with <c>(window writer)</c> added to its application name, which is also what
    /// pg_stat_activity shows), at most this many per node: one per window open for submissions at once is all
    /// the gates let through. The writer whose turn has come never waits behind the pages for a connection
    /// (docs/adr/0060-window-gate-on-server-databases.md).
    /// </summary>
    public const int WriterPoolSize = 10;

    private const string WriterSuffix = " (window writer)";

    private static readonly ConcurrentDictionary<string, string> WriterConnectionStrings = new(StringComparer.Ordinal);

    /// <summary>The portal's connection string of each writers' one.</summary>
    private static readonly ConcurrentDictionary<string, string> PortalConnectionStrings = new(StringComparer.Ordinal);

    /// <summary>The writers' connection string for the portal's own: the same database, credentials and waits, another pool.</summary>
    public static string WriterConnectionString(DbConnection connection, string connectionString) =>
        PortalConnectionStrings.ContainsKey(connectionString) ? connectionString : WriterConnectionStrings.GetOrAdd(connectionString, cs =>
        {
            var writer = WriterOf(connection, cs);
            PortalConnectionStrings[writer] = cs;
            return writer;
        });

    private static string WriterOf(DbConnection connection, string cs) => connection switch
        {
            Npgsql.NpgsqlConnection => new Npgsql.NpgsqlConnectionStringBuilder(cs)
            {
                ApplicationName = new Npgsql.NpgsqlConnectionStringBuilder(cs).ApplicationName + WriterSuffix, MaxPoolSize = WriterPoolSize,
            }.ConnectionString,
            Microsoft.Data.SqlClient.SqlConnection => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(cs)
            {
                ApplicationName = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(cs).ApplicationName + WriterSuffix, MaxPoolSize = WriterPoolSize,
            }.ConnectionString,
            _ => cs,
        };

    /// <summary>
    /// Enters the window's gate. Returns the gate (null on SQLite) and, when the submission had to queue, the
    /// portal's connection string to put back once the submission is over (its write ran on a writer's connection).
    /// </summary>
    private static async Task<(SemaphoreSlim? Gate, string? Restore)> EnterWindowAsync(AppDbContext db, int windowId, TimeSpan wait, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection)
        {
            return (null, null);
        }
        // One gate per database and window, whichever of the two pools the context's connection came from.
        var current = db.Database.GetConnectionString() ?? connection.ConnectionString;
        var gate = WindowGates.GetOrAdd((PortalConnectionStrings.GetValueOrDefault(current, current), windowId), _ => new SemaphoreSlim(1, 1));
        if (gate.Wait(0))
        {
            return (gate, null);
        }
        // A submission that has to wait gives its connection back to the pool meanwhile, so that the queue of one
        // window does not take the connections every other page needs. When its turn comes it opens one from the
        // writers' pool: were it to open one from the portal's pool, it would wait, holding the gate, behind every
        // page that asked for a connection before it, and the whole queue of the window with it, for up to the pool's
        // wait (5 s) and then fail.
        await db.Database.CloseConnectionAsync();
        var entered = false;
        string? restore = null;
        try
        {
            entered = await gate.WaitAsync(wait, ct);
            if (!entered)
            {
                throw new TimeoutException("The window stayed busy with other submissions.");
            }
            if (!PortalConnectionStrings.ContainsKey(current))
            {
                db.Database.SetConnectionString(WriterConnectionString(connection, current));
                restore = current;
            }
            await db.Database.OpenConnectionAsync(ct);
            return (gate, restore);
        }
        catch when (entered)
        {
            gate.Release();
            if (restore is not null)
            {
                await db.Database.CloseConnectionAsync();
                db.Database.SetConnectionString(restore);
            }
            throw;
        }
    }

    // The submission's reads, compiled once (no expression tree to translate or match on each request) and narrow:
    // the application with its window and program first; the company and the documents only when the budget can
    // still cover it (docs/adr/0053-pooled-context-and-lean-submission.md).
    private static readonly Func<DbContext, int, int, CancellationToken, Task<SubsidyApplication?>> ApplicationQuery = EF.CompileAsyncQuery(
        (DbContext context, int id, int companyId, CancellationToken ct) => context.Set<SubsidyApplication>().AsNoTracking()
            .Include(a => a.Window).ThenInclude(w => w!.Program)
            .SingleOrDefault(a => a.Id == id && a.CompanyId == companyId));

    private static readonly Func<DbContext, int, string, CancellationToken, Task<SubsidyApplication?>> ApplicationByMemberQuery = EF.CompileAsyncQuery(
        (DbContext context, int id, string userId, CancellationToken ct) => context.Set<SubsidyApplication>().AsNoTracking()
            .Include(a => a.Window).ThenInclude(w => w!.Program)
            .SingleOrDefault(a => a.Id == id && context.Set<CompanyMember>().Any(m => m.UserId == userId && m.CompanyId == a.CompanyId)));

    private static readonly Func<DbContext, int, CancellationToken, Task<Company?>> CompanyQuery = EF.CompileAsyncQuery(
        (DbContext context, int companyId, CancellationToken ct) => context.Set<Company>().AsNoTracking().SingleOrDefault(c => c.Id == companyId));

    private static readonly Func<DbContext, int, IAsyncEnumerable<SubsidyDocument>> DocumentsQuery = EF.CompileAsyncQuery(
        (DbContext context, int id) => context.Set<SubsidyDocument>().AsNoTracking().Where(d => d.ApplicationId == id));

    private sealed class Session(AppDbContext db, TimeProvider clock, TimeSpan writeWait) : ISubmissionSession
    {
        public Task<SubsidyApplication?> ReadAsync(int id, int companyId, CancellationToken ct) => ApplicationQuery(db, id, companyId, ct);

        public Task<SubsidyApplication?> ReadAsMemberAsync(int id, string userId, CancellationToken ct) => ApplicationByMemberQuery(db, id, userId, ct);

        public async Task CompleteAsync(SubsidyApplication application, CancellationToken ct)
        {
            application.Company ??= await CompanyQuery(db, application.CompanyId, ct);
            application.Documents = await DocumentsQuery(db, application.Id).ToListAsync(ct);
        }

        /// <summary>The portal's connection string, when this submission's write went over a writer's connection.</summary>
        private string? _restore;

        /// <summary>The receipt's transaction on SQLite, committed with the follow-up.</summary>
        private IDbContextTransaction? _receipt;

        /// <summary>
        /// SQLite commits the receipt and its follow-up together, so its receipt is never left without a follow-up and is
        /// not marked as waiting for one: neither the mark nor the update that clears it is written.
        /// </summary>
        private bool KeepsReceiptOpen => db.Database.GetDbConnection() is SqliteConnection;

        public async Task<ReceiptTaken> TakeReceiptAsync(ReceiptRequest request, CancellationToken ct)
        {
            var sql = SubmissionSql.For(db);
            if (sql.ReserveAndClaim is not null)
            {
                return await TakeInOneStatementAsync(sql, request, ct);
            }
            var (gate, restore) = await EnterWindowAsync(db, request.Reservation.WindowId, writeWait, ct);
            _restore ??= restore;
            try
            {
                var transaction = await db.BeginWriteTransactionAsync(ct);
                try
                {
                    var taken = await TakeStepwiseAsync(sql, request, ct);
                    if (!taken.Claimed || taken.Outcome == ReservationOutcome.Refused)
                    {
                        await transaction.RollbackAsync(ct);
                        await transaction.DisposeAsync();
                    }
                    else if (KeepsReceiptOpen)
                    {
                        // SQLite: one writer at a time in any case (its write gate, ADR 0052); the receipt and its follow-up
                        // are committed together.
                        _receipt = transaction;
                    }
                    else
                    {
                        await transaction.CommitAsync(ct);
                        await transaction.DisposeAsync();
                    }
                    return taken;
                }
                catch
                {
                    await transaction.DisposeAsync();
                    throw;
                }
            }
            finally
            {
                if (_receipt is null)
                {
                    await LeaveWindowAsync(gate);
                }
                else
                {
                    gate?.Release();
                }
            }
        }

        /// <summary>
        /// PostgreSQL: each try is one statement, committed on its own, so the window's row is held for that statement only.
        /// A reservation the budget cannot cover is followed, when the window keeps a waiting list, by a number on it.
        /// </summary>
        private async Task<ReceiptTaken> TakeInOneStatementAsync(SubmissionSql sql, ReceiptRequest request, CancellationToken ct)
        {
            var (gate, restore) = await EnterWindowAsync(db, request.Reservation.WindowId, writeWait, ct);
            _restore ??= restore;
            try
            {
                var at = Now();
                if (request.Reservation.ReserveYen is { } amount)
                {
                    var reserved = await ReceiptAsync(sql.ReserveAndClaim!, request, request.Received, amount, at, ct);
                    if (reserved.Seq != 0)
                    {
                        return reserved.Seq < 0 ? default : new ReceiptTaken(true, ReservationOutcome.Reserved, reserved.Seq, amount, reserved.At!.Value);
                    }
                    if (!request.Reservation.QueueWhenShort || request.Queued is not { } queued)
                    {
                        return new ReceiptTaken(true, ReservationOutcome.Refused, 0, 0, at);
                    }
                    var waiting = await ReceiptAsync(sql.NumberAndClaim!, request, queued, 0, at, ct);
                    return waiting.Seq < 0 ? default : new ReceiptTaken(true, ReservationOutcome.Queued, Taken(waiting.Seq, request), 0, waiting.At!.Value);
                }
                var numbered = await ReceiptAsync(sql.NumberAndClaim!, request, request.Received, 0, at, ct);
                return numbered.Seq < 0 ? default : new ReceiptTaken(true, ReservationOutcome.Numbered, Taken(numbered.Seq, request), 0, numbered.At!.Value);
            }
            finally
            {
                await LeaveWindowAsync(gate);
            }
        }

        /// <summary>
        /// The next writer of the window goes in. A submission that wrote over a writer's connection gives it back now:
        /// what follows the receipt is saved on a connection of the portal's pool, outside the gate, so that the
        /// writers' pool serves the gate's holders only (docs/adr/0060).
        /// </summary>
        private async Task LeaveWindowAsync(SemaphoreSlim? gate)
        {
            gate?.Release();
            if (_restore is { } portal)
            {
                _restore = null;
                await db.Database.CloseConnectionAsync();
                db.Database.SetConnectionString(portal);
            }
        }

        private static int Taken(int seq, ReceiptRequest request) =>
            seq > 0 ? seq : throw new InvalidOperationException($"Window {request.Reservation.WindowId} does not exist.");

        /// <summary>
        /// The receipt's time, read once the window is entered: on one node, receipts are numbered in the order of their
        /// times.
        /// </summary>
        private DateTime Now() => clock.GetUtcNow().UtcDateTime;

        private async Task<ReceiptRow> ReceiptAsync(string statement, ReceiptRequest request, ApplicationStatus to, long held, DateTime at, CancellationToken ct) =>
            (await db.Database.SqlQueryRaw<ReceiptRow>(statement,
                [request.ApplicationId, (int)request.From, held, request.Reservation.WindowId, (int)to, request.ReceiptPrefix, at, Guid.NewGuid()])
                .ToListAsync(ct)).Single();

        /// <summary>The one-statement receipt's answer: the number (0 budget short, -1 not claimable) and the receipt's time.</summary>
        private sealed record ReceiptRow(int Seq, DateTime? At);

        /// <summary>
        /// SQLite and SQL Server: reserve-or-queue on the window, then the claim, in the caller's transaction. The
        /// receipt's time is read once the window's row is held, so that times follow numbers.
        /// </summary>
        private async Task<ReceiptTaken> TakeStepwiseAsync(SubmissionSql sql, ReceiptRequest request, CancellationToken ct)
        {
            var reservation = request.Reservation;
            (ReservationOutcome Outcome, int Seq, long Held, ApplicationStatus To)? got = null;
            if (reservation.ReserveYen is { } amount)
            {
                if (await SeqAsync(sql.Reserve, [amount, reservation.WindowId], ct) is { } reserved)
                {
                    got = (ReservationOutcome.Reserved, reserved, amount, request.Received);
                }
                else if (!reservation.QueueWhenShort || request.Queued is null)
                {
                    return new ReceiptTaken(true, ReservationOutcome.Refused, 0, 0, Now());
                }
            }
            if (got is null)
            {
                var seq = await SeqAsync(sql.NextSeq, [reservation.WindowId], ct) ?? throw new InvalidOperationException($"Window {reservation.WindowId} does not exist.");
                got = reservation.ReserveYen is null ? (ReservationOutcome.Numbered, seq, 0, request.Received) : (ReservationOutcome.Queued, seq, 0, request.Queued!.Value);
            }
            var (outcome, number, held, to) = got.Value;
            var at = Now();
            var claimed = await db.Database.ExecuteSqlRawAsync(sql.Claim,
                [(int)to, number, SubsidyRules.ReceiptNumber(request.ReceiptPrefix, number), at, held, Guid.NewGuid(), request.ApplicationId, (int)request.From, !KeepsReceiptOpen], ct) == 1;
            return claimed ? new ReceiptTaken(true, outcome, number, held, at) : default;
        }

        /// <summary>Runs an update of the window that returns the receipt number it took; null when it updated nothing.</summary>
        private async Task<int?> SeqAsync(string statement, object[] parameters, CancellationToken ct)
        {
            var taken = await db.Database.SqlQueryRaw<int>(statement, parameters).ToListAsync(ct);
            return taken.Count == 1 ? taken[0] : null;
        }

        public async Task<bool> SaveFollowUpAsync(int applicationId, int windowId, CancellationToken ct)
        {
            var withReceipt = _receipt is not null;
            var transaction = _receipt ?? await db.BeginWriteTransactionAsync(ct);
            _receipt = null;
            await using (transaction)
            {
                // Whoever clears the mark saves the follow-up: the request that took the receipt, or the sweep. In the
                // receipt's own transaction (SQLite) there is no mark: the follow-up is this request's.
                if (!withReceipt && await db.Database.ExecuteSqlRawAsync(SubmissionSql.For(db).ClearFollowUp, [applicationId, false], ct) != 1)
                {
                    await transaction.RollbackAsync(ct);
                    foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList())
                    {
                        entry.State = EntityState.Detached;
                    }
                    return false;
                }
                // The window's dashboard figures change; the application was written by a conditional update, which the
                // dashboard interceptor does not see, so the mark is added here and the interceptor looks nothing up
                // (docs/adr/0050-dashboard-facts.md).
                db.DashboardDirtyMarks.Add(new DashboardDirtyMark { Family = Families.Subsidies, Bucket = windowId });
                // No savepoint around this save: the transaction is the follow-up's own and a failed save rolls all of it
                // back, so EF Core's savepoint would only add two statements.
                var savepoints = db.Database.AutoSavepointsEnabled;
                db.Database.AutoSavepointsEnabled = false;
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                finally
                {
                    db.Database.AutoSavepointsEnabled = savepoints;
                }
                await transaction.CommitAsync(ct);
                return true;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_receipt is { } open)
            {
                // A receipt whose follow-up was never saved (an exception between the two): rolled back with it.
                _receipt = null;
                await open.DisposeAsync();
            }
            await db.Database.CloseConnectionAsync();
            if (_restore is { } portal)
            {
                // The context goes back to the request (and then to the context pool) with the portal's connection string.
                db.Database.SetConnectionString(portal);
            }
        }
    }
}
