using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;

namespace Partnership.Web.Authorization;

/// <summary>A chamber record as authorization sees it: who recorded it and the branch it belongs to.</summary>
public sealed record ChamberRecord(string RecordedByUserId, string BranchCode);

public sealed class ChamberRecordRequirement : IAuthorizationRequirement;

/// <summary>
/// Resource-based: chamber staff change or delete their own outreach records, a branch manager (支部の管理者) also
/// those of their branch (<see cref="OutreachRules.MayChange"/>, docs/adr/0033-branch-managers.md). The branch and
/// the flag are read from the database at each check, so an administrator's change applies at once.
/// </summary>
public sealed class ChamberRecordHandler(ChamberStaff staff) : AuthorizationHandler<ChamberRecordRequirement, ChamberRecord>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ChamberRecordRequirement requirement, ChamberRecord record)
    {
        var editor = await staff.EditorAsync(context.User);
        if (editor is not null && OutreachRules.MayChange(record.RecordedByUserId, record.BranchCode, editor))
        {
            context.Succeed(requirement);
        }
    }
}

public static class ChamberRecordAuthorization
{
    /// <summary>Whether the user may change or delete a chamber record recorded by this person in this branch.</summary>
    public static async Task<bool> MayChangeChamberRecordAsync(this IAuthorizationService authorization, ClaimsPrincipal user, ChamberRecord record) =>
        (await authorization.AuthorizeAsync(user, record, Policies.ChangeChamberRecord)).Succeeded;

    /// <summary>
    /// The pages that change or delete one chamber record: 404 when there is no such record, 403 when the signed-in
    /// user may not change it, else what <paramref name="change"/> answers.
    /// </summary>
    public static async Task<IActionResult> WhenMayChangeChamberRecordAsync<T>(
        this Controller controller, IAuthorizationService authorization, T? record, Func<T, ChamberRecord> owner, Func<T, Task<IActionResult>> change)
        where T : class
    {
        if (record is null)
        {
            return controller.NotFound();
        }
        return await authorization.MayChangeChamberRecordAsync(controller.User, owner(record)) ? await change(record) : controller.Forbid();
    }
}
