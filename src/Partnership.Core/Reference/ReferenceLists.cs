using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Partnership.Core.Catalog;
using Partnership.Core.Common;

namespace Partnership.Core.Reference;

/// <summary>
/// The reference lists every area shows and checks against, in their official order: municipalities, TCCI
/// branches, industries, Metro bureaus and program areas. Kept in memory for a short while and dropped on the node
/// where an administrator edits them (docs/adr/0061-reference-lists-cached-in-memory.md). The items are shared
/// between requests: read them, never change them.
/// </summary>
public interface IReferenceLists
{
    Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken ct = default);

    Task<IReadOnlyList<ChamberBranch>> BranchesAsync(CancellationToken ct = default);

    Task<IReadOnlyList<Industry>> IndustriesAsync(CancellationToken ct = default);

    Task<IReadOnlyList<MetroBureau>> BureausAsync(CancellationToken ct = default);

    Task<IReadOnlyList<ProgramArea>> ProgramAreasAsync(CancellationToken ct = default);

    /// <summary>Drops this node's copies, so the next read comes from the database (after an administrator's edit).</summary>
    void Invalidate();
}

public sealed class ReferenceLists(IAppDbContext db, IMemoryCache cache) : IReferenceLists
{
    /// <summary>How long another node may show a name an administrator has just changed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private const string Prefix = "reference-lists:";

    private static readonly string[] Keys = [nameof(Municipality), nameof(ChamberBranch), nameof(Industry), nameof(MetroBureau), nameof(ProgramArea)];

    public Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken ct = default) =>
        CachedAsync(nameof(Municipality), () => db.Municipalities.AsNoTracking().OrderBy(m => m.Order).ToListAsync(ct));

    public Task<IReadOnlyList<ChamberBranch>> BranchesAsync(CancellationToken ct = default) =>
        CachedAsync(nameof(ChamberBranch), () => db.ChamberBranches.AsNoTracking().OrderBy(b => b.Order).ToListAsync(ct));

    public Task<IReadOnlyList<Industry>> IndustriesAsync(CancellationToken ct = default) =>
        CachedAsync(nameof(Industry), () => db.Industries.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct));

    public Task<IReadOnlyList<MetroBureau>> BureausAsync(CancellationToken ct = default) =>
        CachedAsync(nameof(MetroBureau), () => db.MetroBureaus.AsNoTracking().OrderBy(b => b.Order).ToListAsync(ct));

    public Task<IReadOnlyList<ProgramArea>> ProgramAreasAsync(CancellationToken ct = default) =>
        CachedAsync(nameof(ProgramArea), () => db.ProgramAreas.AsNoTracking().OrderBy(a => a.Order).ToListAsync(ct));

    public void Invalidate()
    {
        foreach (var key in Keys)
        {
            cache.Remove(Prefix + key);
        }
    }

    private async Task<IReadOnlyList<T>> CachedAsync<T>(string name, Func<Task<List<T>>> load)
    {
        if (cache.TryGetValue(Prefix + name, out IReadOnlyList<T>? known) && known is not null)
        {
            return known;
        }
        IReadOnlyList<T> list = (await load()).AsReadOnly();
        cache.Set(Prefix + name, list, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return list;
    }
}
