using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Home;
using Partnership.Web.Authorization;

namespace Partnership.Web.Controllers;

/// <summary>
/// The signed-in person's start page: for a company user the to-do list of their company (or, before the company
/// is registered, the way to register it), with the join requests waiting for the owner first, and what their
/// roles let them do here.
/// </summary>
public sealed class MeController(
    OwnCompany own, CompanyRecordsService records, CompanyService companies, IAuthorizationService authorization, StaffHomeService staffHome) : Controller
{
    [HttpGet("/me")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Company))
        {
            return View(new MePage(false, []) { Queues = await QueuesAsync(ct) });
        }
        if (await own.OfAsync(User, ct) is not { } company)
        {
            return View(new MePage(true, [], NeedsCompany: true));
        }
        var joinRequests = (await authorization.AuthorizeAsync(User, company, Policies.CompanyOwner)).Succeeded
            ? (await companies.OpenJoinRequestsAsync(company.Id, ct)).Count
            : 0;
        return View(new MePage(true, await records.ToDoAsync(company.Id, ct), JoinRequests: joinRequests));
    }

    /// <summary>The staff queues of each staff role the user holds, in the order Metro, chamber, expert.</summary>
    private async Task<IReadOnlyList<StaffQueueGroup>> QueuesAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var groups = new List<StaffQueueGroup>();
        if (User.IsInRole(Roles.MetroOfficial))
        {
            groups.Add(new(Roles.MetroOfficial, await staffHome.MetroAsync(userId, ct)));
        }
        if (User.IsInRole(Roles.ChamberStaff))
        {
            groups.Add(new(Roles.ChamberStaff, await staffHome.ChamberAsync(ct)));
        }
        if (User.IsInRole(Roles.Expert))
        {
            groups.Add(new(Roles.Expert, await staffHome.ExpertAsync(userId, ct)));
        }
        return groups;
    }
}

/// <summary>One staff role's queues on /me.</summary>
public sealed record StaffQueueGroup(string Role, IReadOnlyList<QueueCount> Queues);

/// <summary>
/// What /me shows: for a company user the company's to-do list (for its owner, with the number of join requests
/// waiting), or that the company is still to be registered.
/// </summary>
public sealed record MePage(bool IsCompanyUser, IReadOnlyList<CompanyRecord> ToDo, bool NeedsCompany = false, int JoinRequests = 0)
{
    /// <summary>For staff: each staff role's queues with counts (empty for a company user).</summary>
    public IReadOnlyList<StaffQueueGroup> Queues { get; init; } = [];
}
