using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Audit;

/// <summary>What an administrator or Metro official asks of the audit log. Dates are Japan-time days.</summary>
public sealed record AuditQuery(string? UserId, string? EntityType, string? Action, DateOnly? From, DateOnly? To, long? Before, int PageSize = 100);

/// <summary>Reads the audit log; there is nothing here, or anywhere, that writes to it except the interceptor.</summary>
public sealed class AuditLogService(IAppDbContext db)
{
    public IQueryable<AuditEntry> Query(AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserId))
        {
            entries = entries.Where(a => a.UserId == query.UserId);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }
        if (query.Action is { } action && AuditActions.All.Contains(action))
        {
            entries = entries.Where(a => a.Action == action);
        }
        if (query.From is { } from)
        {
            var start = JapanTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = JapanTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(a => a.At < end);
        }
        if (query.Before is long before)
        {
            entries = entries.Where(a => a.Id < before);
        }
        return entries.OrderByDescending(a => a.Id);
    }

    public Task<List<AuditEntry>> PageAsync(AuditQuery query, CancellationToken ct = default) =>
        Query(query).Take(Math.Clamp(query.PageSize, 1, 500)).ToListAsync(ct);

    /// <summary>The whole search for an export, newest first, up to <paramref name="limit"/> entries.</summary>
    public Task<List<AuditEntry>> ExportAsync(AuditQuery query, int limit, CancellationToken ct = default) =>
        Query(query).Take(limit).ToListAsync(ct);

    public Task<List<string>> EntityTypesAsync(CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
}
