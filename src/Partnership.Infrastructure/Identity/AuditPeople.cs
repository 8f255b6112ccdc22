using Microsoft.EntityFrameworkCore;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

/// <summary>The people of the audit log: a search term to a user id, and user ids to the addresses the log shows.</summary>
public sealed class AuditPeople(AppDbContext db)
{
    /// <summary>The id of the user with this address or id; an unknown person matches nobody (not everybody).</summary>
    public async Task<string?> UserIdAsync(string? person, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(person))
        {
            return null;
        }
        var normalized = person.Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized || u.Id == person).Select(u => u.Id).FirstOrDefaultAsync(ct) ?? "(none)";
    }

    /// <summary>Each known user's e-mail address (their id when they have none), by user id.</summary>
    public async Task<Dictionary<string, string>> AddressesAsync(IEnumerable<string?> ids, CancellationToken ct = default)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
    }
}
