using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnership.Infrastructure.Background;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Background;

/// <summary>A single-instance job's lease: one holder at a time, renewed by it, taken over after it dies.</summary>
public class BackgroundLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<bool> AcquireAsync(string owner)
    {
        await using var db = _database.CreateContext();
        return await new BackgroundLeaseStore(db, _clock).TryAcquireAsync("job", owner, Lease, CancellationToken.None);
    }

    [Fact]
    public async Task Of_nodes_asking_at_the_same_time_exactly_one_holds_the_lease()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => AcquireAsync($"node{i}"))));

        Assert.Equal(1, results.Count(r => r));
        await using var db = _database.CreateContext();
        var lease = await db.BackgroundLeases.SingleAsync();
        Assert.Equal($"node{Array.IndexOf(results, true)}", lease.Owner);
    }

    [Fact]
    public async Task The_holder_renews_while_others_wait_until_it_stops_renewing()
    {
        Assert.True(await AcquireAsync("a"));
        Assert.False(await AcquireAsync("b"));
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await AcquireAsync("a"));
        _clock.Advance(TimeSpan.FromSeconds(50));
        // Renewed 50 s ago: still a's.
        Assert.False(await AcquireAsync("b"));
        // a died: after its lease ran out b takes over, and a (restarted under the same name) is refused.
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await AcquireAsync("b"));
        Assert.False(await AcquireAsync("a"));
    }

    [Fact]
    public async Task A_released_lease_is_taken_at_once()
    {
        Assert.True(await AcquireAsync("a"));
        await using (var db = _database.CreateContext())
        {
            Assert.Equal(1, await new BackgroundLeaseStore(db, _clock).ReleaseAsync("job", "a", CancellationToken.None));
        }
        Assert.True(await AcquireAsync("b"));
    }
}
