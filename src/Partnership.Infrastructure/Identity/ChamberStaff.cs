using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Members;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

/// <summary>
/// Chamber staff as the outreach pages see them: the signed-in user as an editor of chamber records (their branch
/// and whether they manage it, read at each call so an administrator's change applies at once), and a user's branch.
/// </summary>
public sealed class ChamberStaff(AppDbContext db)
{
    /// <summary>The signed-in chamber user as an editor of chamber records; null for anyone else.</summary>
    public async Task<ChamberEditor?> EditorAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.ChamberStaff))
        {
            return null;
        }
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.ChamberBranchCode, u.IsBranchManager }).SingleOrDefaultAsync(ct);
        return row is null ? null : new ChamberEditor(userId, row.ChamberBranchCode, row.IsBranchManager);
    }

    /// <summary>
    /// Which members the signed-in user sees (docs/adr/0087): a ward branch's manager their branch's, anyone else all
    /// (Metro officials read everything; companies never reach the member pages). Read at each call.
    /// </summary>
    public async Task<MemberScope> MemberScopeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var editor = await EditorAsync(user, ct);
        return editor is null ? MemberScope.All : MemberScope.Of(editor.BranchCode, editor.IsBranchManager);
    }

    /// <summary>The chamber branch of a user's account (null when they have none), for a form's default.</summary>
    public Task<string?> BranchOfAsync(string userId, CancellationToken ct = default) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.ChamberBranchCode).SingleOrDefaultAsync(ct);
}
