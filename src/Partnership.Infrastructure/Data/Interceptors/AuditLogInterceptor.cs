using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Partnership.Core.Audit;
using Partnership.Core.Common;

namespace Partnership.Infrastructure.Data.Interceptors;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted entity, in the same transaction as
/// the change: it opens a transaction when the caller has none, saves the change, writes the entries (now with
/// the new rows' keys) by one INSERT per hundred entries (<see cref="AuditInsert"/>, not a second save through the
/// change tracker) and commits both, or neither. Audit entries themselves can never be changed or deleted.
/// Secrets (password hashes, security stamps, token values) are written as "***". One interceptor serves every
/// pooled context: what a save has captured is kept per context, and the user is the context's
/// <see cref="AppDbContext.Actor"/> when it has one, else <paramref name="currentUser"/>.
/// </summary>
public sealed class AuditLogInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "Value", "AuthenticatorKey",
    };

    /// <summary>One save in progress on one context: what it changes and the transaction opened for it.</summary>
    private sealed class SaveState
    {
        public List<Pending>? Pending;
        public IDbContextTransaction? OwnTransaction;
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, SaveState> _states = [];

    private SaveState StateOf(DbContext context) => _states.GetValue(context, _ => new SaveState());

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && StateOf(context) is { } state)
        {
            await EndOwnTransactionAsync(context);
            state.Pending = Capture(context);
            if (state.Pending.Count > 0 && context.Database.CurrentTransaction is null)
            {
                state.OwnTransaction = await SqliteWriteGate.BeginAsync(context.Database, cancellationToken);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && StateOf(context) is { } state)
        {
            EndOwnTransaction(context);
            state.Pending = Capture(context);
            if (state.Pending.Count > 0 && context.Database.CurrentTransaction is null)
            {
                state.OwnTransaction = context.Database.BeginTransaction();
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && StateOf(context) is { Pending: { Count: > 0 } pending } state)
        {
            state.Pending = null;
            var user = (context as AppDbContext)?.Actor ?? currentUser;
            // A failure here reaches SaveChangesFailed like a failed save (EF Core calls it for an exception from
            // this event too), which rolls the transaction back: no change without its audit entries.
            foreach (var (sql, arguments) in AuditInsert.For(context, pending.Select(p => ToEntry(p, user))))
            {
                await context.Database.ExecuteSqlRawAsync(sql, arguments, cancellationToken);
            }
            if (state.OwnTransaction is { } transaction)
            {
                state.OwnTransaction = null;
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && StateOf(context) is { Pending: { Count: > 0 } pending } state)
        {
            state.Pending = null;
            var user = (context as AppDbContext)?.Actor ?? currentUser;
            foreach (var (sql, arguments) in AuditInsert.For(context, pending.Select(p => ToEntry(p, user))))
            {
                context.Database.ExecuteSqlRaw(sql, arguments);
            }
            if (state.OwnTransaction is { } transaction)
            {
                state.OwnTransaction = null;
                transaction.Commit();
                transaction.Dispose();
            }
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => EndOwnTransactionAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EndOwnTransaction(eventData.Context);

    // A cancelled save ends its own transaction too (on SQLite it holds the write gate until it ends).
    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => EndOwnTransactionAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => EndOwnTransaction(eventData.Context);

    // Since EF Core 7 a conflict on a concurrency token reaches no "failed" event, only this one, just before the
    // DbUpdateConcurrencyException is thrown (nothing in the portal suppresses it): the transaction ends here.
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await EndOwnTransactionAsync(eventData.Context);
        return result;
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        EndOwnTransaction(eventData.Context);
        return result;
    }

    // Disposing a transaction that was not committed rolls it back, on every provider.
    private async Task EndOwnTransactionAsync(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
        {
            state.Pending = null;
            if (state.OwnTransaction is { } transaction)
            {
                state.OwnTransaction = null;
                await transaction.DisposeAsync();
            }
        }
    }

    private void EndOwnTransaction(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
        {
            state.Pending = null;
            if (state.OwnTransaction is { } transaction)
            {
                state.OwnTransaction = null;
                transaction.Dispose();
            }
        }
    }

    private sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes);

    private static List<Pending> Capture(DbContext context)
    {
        var pending = new List<Pending>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is Partnership.Core.Dashboards.DashboardFact or Partnership.Core.Facts.DashboardDirtyMark or Partnership.Core.Dashboards.DashboardStamp)
            {
                // Derived figures, recomputed from audited records: auditing them would only repeat those records.
                continue;
            }
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
                }
                continue;
            }
            // Machinery, not business data: key material must never be copied into the log, leases change every minute.
            if (entry.Entity is Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey or Partnership.Infrastructure.Background.BackgroundLease)
            {
                continue;
            }
            if (entry.Entity is Partnership.Core.Mail.OutboxMessage && entry.State == EntityState.Added)
            {
                // A queued mail is the consequence of an action that is itself audited (the event or record written
                // beside it); copying its body into the log would only duplicate personal data. Its sending and an
                // administrator's resend are changes, and are audited.
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Created,
                EntityState.Modified => AuditActions.Modified,
                EntityState.Deleted => AuditActions.Deleted,
                _ => null,
            };
            if (action is null)
            {
                continue;
            }
            var changes = new Dictionary<string, object?[]>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                var before = entry.State == EntityState.Added ? null : property.OriginalValue;
                var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
                if (entry.State == EntityState.Modified && !property.IsModified)
                {
                    continue;
                }
                if (entry.State == EntityState.Modified && Equals(before, after))
                {
                    continue;
                }
                changes[name] = Secret.Contains(name) ? ["***", "***"] : [before, after];
            }
            if (entry.State != EntityState.Modified || changes.Count > 0)
            {
                pending.Add(new Pending(entry, action, changes));
            }
        }
        return pending;
    }

    private AuditEntry ToEntry(Pending p, ICurrentUser user)
    {
        var key = p.Entry.Metadata.FindPrimaryKey();
        var id = key is null ? "" : string.Join(",", key.Properties.Select(k => Convert.ToString(p.Entry.Property(k.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
        var changes = p.Changes.ToDictionary(c => c.Key, c => new { before = c.Value[0], after = c.Value[1] });
        return new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.UserId,
            IpAddress = user.IpAddress,
            Action = p.Action,
            EntityType = p.Entry.Metadata.ClrType.Name.Split('`')[0],
            EntityId = id,
            Changes = JsonSerializer.Serialize(changes, JsonOptions),
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
