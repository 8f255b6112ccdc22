using Microsoft.Extensions.Diagnostics.HealthChecks;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Healthy when the database answers a query and this node has connections to spare; degraded when its pool is
/// in full use (new requests then wait for a connection, and past the wait answer 503). Every node reports its own.
/// </summary>
public sealed class DatabaseHealthCheck(AppDbContext db, DatabaseSettings settings, ConnectionGauge connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pooled = settings.Provider != DatabaseProvider.Sqlite;
        var pool = new Dictionary<string, object>
        {
            ["provider"] = settings.Provider.ToString(),
            ["connectionsOpen"] = connections.Open,
        };
        if (pooled)
        {
            pool["poolSize"] = settings.Limits.MaxPoolSize;
        }
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("database unreachable", data: pool);
            }
        }
        catch (Exception ex)
        {
            return DatabaseOverload.Is(ex)
                ? HealthCheckResult.Degraded("database busy: no connection within the wait", ex, pool)
                : HealthCheckResult.Unhealthy("database error", ex, pool);
        }
        var description = pooled
            ? $"database reachable; pool {connections.Open} of {settings.Limits.MaxPoolSize} in use"
            : $"database reachable; {connections.Open} connections open";
        return pooled && connections.Open >= settings.Limits.MaxPoolSize
            ? HealthCheckResult.Degraded(description, data: pool)
            : HealthCheckResult.Healthy(description, pool);
    }
}
