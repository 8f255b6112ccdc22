using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Common;
using Partnership.Core.Home;
using Partnership.Web.Authorization;

namespace Partnership.Web.Controllers;

/// <summary>
/// The signed-in person's start page: for a company user the to-do list of their company (or, before the company
/// is registered, the way to register it), and what their roles let them do here.
/// </summary>
public sealed class MeController(OwnCompany own, CompanyRecordsService records) : Controller
{
    [HttpGet("/me")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Company))
        {
            return View(new MePage(false, []));
        }
        if (await own.IdOfAsync(User, ct) is not { } companyId)
        {
            return View(new MePage(true, [], NeedsCompany: true));
        }
        return View(new MePage(true, await records.ToDoAsync(companyId, ct)));
    }
}

/// <summary>What /me shows: for a company user the company's to-do list, or that the company is still to be registered.</summary>
public sealed record MePage(bool IsCompanyUser, IReadOnlyList<CompanyRecord> ToDo, bool NeedsCompany = false);
