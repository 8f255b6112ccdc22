using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Infrastructure.Data;

/// <summary>
/// The context a scope (a request, a background round) rents from the pool, told who is acting. The container
/// disposes every instance a scope resolved, and the scope hands this context out as two services
/// (<see cref="AppDbContext"/> and <see cref="IAppDbContext"/>): were each disposal to give it back to the pool, a
/// concurrent request could rent it between the two and lose it at the second. The context ignores disposals while
/// the rental holds it; the rental, resolved before either service and so disposed after both, gives it back once.
/// (EF Core's own AddDbContextPool does the same with an internal lease type.)
/// </summary>
public sealed class ScopedContextRental : IDisposable, IAsyncDisposable
{
    public ScopedContextRental(IDbContextFactory<AppDbContext> pool, ICurrentUser actor)
    {
        Context = pool.CreateDbContext();
        Context.HoldForScope(actor);
    }

    public AppDbContext Context { get; }

    public void Dispose() => Context.ReleaseFromScope();

    public ValueTask DisposeAsync() => Context.ReleaseFromScopeAsync();
}
