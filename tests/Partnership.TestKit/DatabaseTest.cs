using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Partnership.TestKit;

/// <summary>
/// A test class with its own real SQLite database, migrated and with the catalog seeded, and a clock it can
/// move (1 April 2026, 09:00 Japan time, unless the class says otherwise).
/// </summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    public virtual Task InitializeAsync() => Database.MigrateAndSeedCatalogAsync();

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}
