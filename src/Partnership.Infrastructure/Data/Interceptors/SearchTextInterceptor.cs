using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Partnership.Core.Common;

namespace Partnership.Infrastructure.Data.Interceptors;

/// <summary>
/// Sets the normalised search column of every searchable record a save adds or changes, in the same save
/// (docs/adr/0076-search.md). The provider's full-text index over that column follows by itself.
/// </summary>
public sealed class SearchTextInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    private static void Apply(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries<ISearchable>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var text = SearchNormalizer.Of(entry.Entity);
                if (entry.Entity.SearchText != text)
                {
                    entry.Entity.SearchText = text;
                }
            }
        }
    }
}
