using Microsoft.EntityFrameworkCore;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Background;

/// <summary>
/// Takes, renews and gives back the lease of a single-instance job: one conditional update, so of two nodes
/// asking at once exactly one holds it; a lease its owner stopped renewing (a dead node) can be taken once it expired.
/// </summary>
public sealed class BackgroundLeaseStore(AppDbContext db, TimeProvider clock)
{
    /// <summary>Takes the lease, or renews it when <paramref name="owner"/> holds it; false when another node holds it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var taken = await db.BackgroundLeases
            .Where(l => l.Name == name && (l.Owner == owner || l.Owner == null || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.BackgroundLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }
        // The job's first run anywhere: the row is created; of two nodes creating it one fails on the key.
        db.BackgroundLeases.Add(new BackgroundLease { Name = name, Owner = owner, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives the lease back (a node stopping cleanly), so another node takes it at once.</summary>
    public Task<int> ReleaseAsync(string name, string owner, CancellationToken ct) =>
        db.BackgroundLeases
            .Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null), ct);
}
