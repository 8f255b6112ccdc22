using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Home;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Companies.Controllers;

/// <summary>
/// Everything of the signed-in user's company in one list: scheme entries, subsidy applications, consultations and
/// event registrations, with status, date and next step, filtered by kind or to what needs doing. The company
/// comes from the membership, never from the address.
/// </summary>
[Area("Companies")]
[Authorize(Policy = Policies.CompanyUser)]
[Route("/company/records")]
public sealed class CompanyRecordsController(CompanyRecordsService records, OwnCompany own) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(RecordKind? kind, bool todo, CancellationToken ct)
    {
        if (await own.IdOfAsync(User, ct) is not { } companyId)
        {
            return Redirect("/company");
        }
        var all = await records.AllAsync(companyId, ct);
        var shown = all.Where(r => (kind is null || r.Kind == kind) && (!todo || r.IsToDo)).ToList();
        return View(new RecordsPage(shown, all.Count, kind, todo));
    }
}

public sealed record RecordsPage(IReadOnlyList<CompanyRecord> Records, int Total, RecordKind? Kind, bool ToDo);
