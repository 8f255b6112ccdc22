using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Partnership.Infrastructure.Data.Interceptors;

/// <summary>
/// Counts the database connections this node's contexts hold open, for the health check: on a server database it
/// is the pool's use against <see cref="DatabaseLimits.MaxPoolSize"/> (background jobs included).
/// </summary>
public sealed class ConnectionGauge : DbConnectionInterceptor
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _open);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Decrement(ref _open);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}
