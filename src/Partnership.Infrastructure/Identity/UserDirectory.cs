using Microsoft.EntityFrameworkCore;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

/// <summary>A company's member, with the address and name of the user account behind it.</summary>
public sealed record CompanyMemberRow(int Id, string UserId, string Email, string DisplayName, bool IsOwner, DateTime JoinedAt);

/// <summary>User accounts as the pages show them: display names, and a company's members with their accounts.</summary>
public sealed class UserDirectory(AppDbContext db)
{
    /// <summary>The display names of the users, by id; an unknown id is left out.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

    /// <summary>The display names and e-mail addresses of the users, by id; an unknown id is left out.</summary>
    public async Task<Dictionary<string, (string Name, string Email)>> NamesAndEmailsAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email ?? ""), ct);

    /// <summary>The owner first, then by the day they joined.</summary>
    public async Task<List<CompanyMemberRow>> MembersAsync(int companyId, CancellationToken ct = default) =>
        await db.CompanyMembers.AsNoTracking()
            .Where(m => m.CompanyId == companyId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderByDescending(x => x.m.IsOwner).ThenBy(x => x.m.JoinedAt)
            .Select(x => new CompanyMemberRow(x.m.Id, x.m.UserId, x.u.Email!, x.u.DisplayName, x.m.IsOwner, x.m.JoinedAt))
            .ToListAsync(ct);
}
