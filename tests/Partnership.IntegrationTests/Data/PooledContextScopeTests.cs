using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Partnership.Core.Common;
using Partnership.Infrastructure;
using Partnership.Infrastructure.Data;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Data;

/// <summary>
/// A request's scope rents one context from the pool and gives it back once, however many services it was resolved
/// as. The scope hands the same context out as <see cref="AppDbContext"/> and as <see cref="IAppDbContext"/>; the
/// container disposes every instance it resolved, so a context that went back to the pool at its first disposal could
/// be rented by another request before the second disposal, which then took it from under that request
/// ("Cannot access a disposed context instance" at the other request's first query).
/// </summary>
public sealed class PooledContextScopeTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task A_context_another_scope_rents_while_the_first_scope_ends_stays_open_for_it()
    {
        await _database.MigrateAndSeedCatalogAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddPartnershipData(_database.Settings);
        // Disposed between the scope's two resolutions of the context (the container disposes in reverse order):
        // it starts another scope there, as a concurrent request would, and keeps its context.
        services.AddScoped<Interloper>();
        await using var provider = services.BuildServiceProvider();

        Interloper interloper;
        await using (var first = provider.CreateAsyncScope())
        {
            var context = first.ServiceProvider.GetRequiredService<AppDbContext>();
            interloper = first.ServiceProvider.GetRequiredService<Interloper>();
            Assert.Same(context, first.ServiceProvider.GetRequiredService<IAppDbContext>());
            Assert.True(await context.ProgramAreas.AnyAsync());
        }

        Assert.NotNull(interloper.Rented);
        // The other scope's context answers its query after the first scope has ended.
        Assert.Equal(6, await interloper.Rented!.ProgramAreas.CountAsync());
        await interloper.Scope!.Value.DisposeAsync();
    }

    public void Dispose() => _database.Dispose();

    private sealed class Interloper(IServiceScopeFactory scopes) : IAsyncDisposable
    {
        public AsyncServiceScope? Scope { get; private set; }
        public AppDbContext? Rented { get; private set; }

        public ValueTask DisposeAsync()
        {
            Scope = scopes.CreateAsyncScope();
            Rented = Scope.Value.ServiceProvider.GetRequiredService<AppDbContext>();
            return ValueTask.CompletedTask;
        }
    }
}
