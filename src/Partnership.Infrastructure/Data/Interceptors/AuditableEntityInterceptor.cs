using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Partnership.Core.Common;

namespace Partnership.Infrastructure.Data.Interceptors;

/// <summary>
/// Sets the audit fields (created/updated, by whom) and renews concurrency tokens, in one place.
/// Time comes from <see cref="TimeProvider"/> so tests can move the clock. The user is the context's
/// <see cref="AppDbContext.Actor"/> when it has one (one interceptor serves every pooled context), else
/// <paramref name="currentUser"/>.
/// </summary>
public sealed class AuditableEntityInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = ((context as AppDbContext)?.Actor ?? currentUser).UserId;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            if (entry.Entity is IAuditable auditable)
            {
                if (entry.State == EntityState.Added)
                {
                    auditable.CreatedAt = now;
                    auditable.CreatedBy = userId;
                }
                auditable.UpdatedAt = now;
                auditable.UpdatedBy = userId;
            }
            if (entry.Entity is IVersioned versioned)
            {
                versioned.Version = Guid.NewGuid();
            }
        }
    }
}
