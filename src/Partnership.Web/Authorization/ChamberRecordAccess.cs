using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Data;

namespace Partnership.Web.Authorization;

/// <summary>A chamber record as authorization sees it: who recorded it and the branch it belongs to.</summary>
public sealed record ChamberRecord(string RecordedByUserId, string BranchCode);

public sealed class ChamberRecordRequirement : IAuthorizationRequirement;

/// <summary>
/// Resource-based: chamber staff change or delete their own outreach records, a branch manager (支部の管理者) also
/// those of their branch (<see cref="OutreachRules.MayChange"/>, docs/adr/0033-branch-managers.md). The branch and
/// the flag are read from the database at each check, so an administrator's change applies at once.
/// </summary>
public sealed class ChamberRecordHandler(AppDbContext db) : AuthorizationHandler<ChamberRecordRequirement, ChamberRecord>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ChamberRecordRequirement requirement, ChamberRecord record)
    {
        var editor = await ChamberEditors.OfAsync(db, context.User);
        if (editor is not null && OutreachRules.MayChange(record.RecordedByUserId, record.BranchCode, editor))
        {
            context.Succeed(requirement);
        }
    }
}

public static class ChamberEditors
{
    /// <summary>The signed-in chamber user as an editor of chamber records; null for anyone else.</summary>
    public static async Task<ChamberEditor?> OfAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.ChamberStaff))
        {
            return null;
        }
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.ChamberBranchCode, u.IsBranchManager }).SingleOrDefaultAsync(ct);
        return row is null ? null : new ChamberEditor(userId, row.ChamberBranchCode, row.IsBranchManager);
    }
}
