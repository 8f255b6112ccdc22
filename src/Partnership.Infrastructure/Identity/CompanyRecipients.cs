using Microsoft.EntityFrameworkCore;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

/// <summary>A company's active users with a confirmed address, each with the language they read mail in.</summary>
public sealed class CompanyRecipients(AppDbContext db) : ICompanyRecipients
{
    // Read for every mail to a company (each submission): compiled once.
    private static readonly Func<AppDbContext, int, IAsyncEnumerable<Recipient>> MembersQuery = EF.CompileAsyncQuery(
        (AppDbContext context, int companyId) =>
            from m in context.CompanyMembers
            join u in context.Users on m.UserId equals u.Id
            where m.CompanyId == companyId && u.IsActive && u.EmailConfirmed && u.Email != null
            orderby m.IsOwner descending, m.Id
            select new Recipient(u.Email!, u.PreferredCulture, u.Id));

    public async Task<IReadOnlyList<Recipient>> MembersAsync(int companyId, CancellationToken ct = default) =>
        await MembersQuery(db, companyId).ToListAsync(ct);

    public async Task<IReadOnlyList<Recipient>> OwnersAsync(int companyId, CancellationToken ct = default) =>
        await (from m in db.CompanyMembers
               join u in db.Users on m.UserId equals u.Id
               where m.CompanyId == companyId && m.IsOwner && u.IsActive && u.EmailConfirmed && u.Email != null
               orderby m.Id
               select new Recipient(u.Email!, u.PreferredCulture, u.Id)).ToListAsync(ct);
}

/// <summary>One user's confirmed address and language, for mail to staff; null for an inactive account.</summary>
public sealed class UserRecipients(AppDbContext db) : IUserRecipients
{
    public async Task<Recipient?> OfAsync(string userId, CancellationToken ct = default) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive && u.EmailConfirmed && u.Email != null)
            .Select(u => new Recipient(u.Email!, u.PreferredCulture, u.Id))
            .FirstOrDefaultAsync(ct);
}
