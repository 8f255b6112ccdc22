using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Data;

/// <summary>The SQLite write gate (docs/adr/0052-sqlite-write-gate.md): writers queue in arrival order and always let the next in.</summary>
public class SqliteWriteGateTests
{
    [SqliteFact]
    public async Task Writers_waiting_for_the_lock_get_it_in_the_order_they_asked()
    {
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        await using var first = database.CreateContext();
        var before = await first.ProgramAreas.Where(a => a.Code == "TELEWORK").Select(a => a.Order).SingleAsync();
        var holder = await first.BeginWriteTransactionAsync();
        var order = new List<int>();
        var waiting = new List<Task>();
        var contexts = Enumerable.Range(0, 5).Select(_ => database.CreateContext()).ToList();
        async Task WriteAsync(int number)
        {
            // Runs without a thread switch up to the wait for the gate, so the writers queue in the order called.
            await using var transaction = await contexts[number].BeginWriteTransactionAsync();
            lock (order)
            {
                order.Add(number);
            }
            await contexts[number].ProgramAreas.Where(a => a.Code == "TELEWORK").ExecuteUpdateAsync(s => s.SetProperty(a => a.Order, a => a.Order + 1));
            await transaction.CommitAsync();
        }
        for (var n = 0; n < contexts.Count; n++)
        {
            waiting.Add(WriteAsync(n));
        }
        // Each call has returned at the gate: while the holder is open, none of them is in (no sleep needed to see it:
        // a writer past the gate would have recorded itself before its first await that does not complete at once).
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        Assert.Empty(order);

        await holder.CommitAsync();
        await holder.DisposeAsync();
        await Task.WhenAll(waiting);

        Assert.Equal([0, 1, 2, 3, 4], order);
        await using var check = database.CreateContext();
        Assert.Equal(before + 5, await check.ProgramAreas.Where(a => a.Code == "TELEWORK").Select(a => a.Order).SingleAsync());
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }

    [SqliteFact]
    public async Task A_transaction_ended_by_an_error_left_without_a_commit_or_left_open_lets_the_next_writer_in()
    {
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        await using (var failing = database.CreateContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await using var transaction = await failing.BeginWriteTransactionAsync();
                await failing.ProgramAreas.Where(a => a.Code == "TELEWORK").ExecuteUpdateAsync(s => s.SetProperty(a => a.NameJa, "途中"));
                throw new InvalidOperationException("the request failed half way");
            });
        }
        await using (var abandoned = database.CreateContext())
        {
            var transaction = await abandoned.BeginWriteTransactionAsync();
            await abandoned.ProgramAreas.Where(a => a.Code == "TELEWORK").ExecuteUpdateAsync(s => s.SetProperty(a => a.NameJa, "放置"));
            await transaction.DisposeAsync();
        }
        await using (var forgotten = database.CreateContext())
        {
            // A context closed with its transaction never ended: closing it ends the transaction.
            _ = await forgotten.BeginWriteTransactionAsync();
            await forgotten.ProgramAreas.Where(a => a.Code == "TELEWORK").ExecuteUpdateAsync(s => s.SetProperty(a => a.NameJa, "忘却"));
        }

        await using var next = database.CreateContext();
        // A writer the gate does not let in fails with the gate's TimeoutException; no stopwatch of our own.
        await using var transaction2 = await next.BeginWriteTransactionAsync();
        await transaction2.CommitAsync();
        Assert.DoesNotContain(await next.ProgramAreas.AsNoTracking().Select(a => a.NameJa).ToListAsync(), n => n is "途中" or "放置" or "忘却");
    }

    [SqliteFact]
    public async Task A_save_refused_for_a_concurrent_change_lets_the_next_writer_in()
    {
        // The audit log opens the save's transaction through the gate; a conflict on a version column (which
        // EF Core reports to no "failed" event) must end it at once, not when the context is closed.
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        await using var stale = database.CreateContext();
        var measure = await stale.Measures.OrderBy(m => m.Id).FirstAsync();
        await using (var other = database.CreateContext())
        {
            await other.Measures.Where(m => m.Id == measure.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Version, Guid.NewGuid()));
        }
        measure.TitleJa += "（改）";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        Assert.Throws<DbUpdateConcurrencyException>(() => stale.SaveChanges());
        Assert.Null(stale.Database.CurrentTransaction);

        await using (var next = database.CreateContext())
        {
            // Left waiting, the writer would fail with the gate's TimeoutException.
            await (await next.BeginWriteTransactionAsync()).DisposeAsync();
        }

        // The same context, read again, saves inside a transaction of its own and the change is kept.
        stale.ChangeTracker.Clear();
        var fresh = await stale.Measures.SingleAsync(m => m.Id == measure.Id);
        fresh.TitleJa = "再読込後の名称";
        await using (var transaction = await stale.BeginWriteTransactionAsync())
        {
            await stale.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await using var check = database.CreateContext();
        Assert.Equal("再読込後の名称", await check.Measures.Where(m => m.Id == measure.Id).Select(m => m.TitleJa).SingleAsync());
    }

    [SqliteFact]
    public async Task Each_database_file_has_its_own_queue()
    {
        using var one = new TestDatabase();
        using var other = new TestDatabase();
        await one.MigrateAndSeedCatalogAsync();
        await other.MigrateAndSeedCatalogAsync();
        await using var a = one.CreateContext();
        await using var b = other.CreateContext();

        await using var held = await a.BeginWriteTransactionAsync();
        // With one queue for both files, this would wait for the held transaction, which outlives the test, and
        // fail with the gate's TimeoutException.
        await (await b.BeginWriteTransactionAsync()).DisposeAsync();
    }

    [SqliteFact]
    public async Task A_connection_taken_again_from_the_pool_keeps_its_settings()
    {
        using var database = new TestDatabase();
        await database.MigrateAndSeedCatalogAsync();
        for (var round = 0; round < 3; round++)
        {
            await using var db = database.CreateContext();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(10_000L, (long?)await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA foreign_keys;";
            Assert.Equal(1L, (long?)await command.ExecuteScalarAsync());
            await db.Database.CloseConnectionAsync();
        }
    }
}
