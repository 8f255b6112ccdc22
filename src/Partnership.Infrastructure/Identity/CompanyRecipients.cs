using Microsoft.EntityFrameworkCore;
using Partnership.Core.Schemes;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

/// <summary>A company's active users with a confirmed address, each with the language they read mail in.</summary>
public sealed class CompanyRecipients(AppDbContext db) : ICompanyRecipients
{
    public async Task<IReadOnlyList<Recipient>> MembersAsync(int companyId, CancellationToken ct = default) =>
        await (from m in db.CompanyMembers
               join u in db.Users on m.UserId equals u.Id
               where m.CompanyId == companyId && u.IsActive && u.EmailConfirmed && u.Email != null
               orderby m.IsOwner descending, m.Id
               select new Recipient(u.Email!, u.PreferredCulture)).ToListAsync(ct);
}
