using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;
using Partnership.Web.Areas.Subsidies.Models;

namespace Partnership.Web.Areas.Subsidies.Controllers;

/// <summary>The public list of subsidy windows and each window's page; a signed-in company sees its eligibility there.</summary>
[Area("Subsidies")]
[AllowAnonymous]
[Route("/subsidies")]
public sealed class SubsidiesController(SubsidyService subsidies, SchemeService schemes, CompanyService companies, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Now"] = clock.GetUtcNow().UtcDateTime;
        return View(await subsidies.WindowsAsync(ct));
    }

    [HttpGet("windows/{id:int}")]
    public async Task<IActionResult> Window(int id, CancellationToken ct)
    {
        var window = await subsidies.WindowAsync(id, ct);
        if (window is null)
        {
            return NotFound();
        }
        EligibilityResult? eligibility = null;
        SubsidyApplication? mine = null;
        if (User.IsInRole(Roles.Company) && await companies.MembershipAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is { Company: { } company })
        {
            eligibility = await subsidies.EligibilityAsync(id, company, ct);
            mine = await subsidies.MineAsync(id, company.Id, ct);
        }
        var prerequisite = window.PrerequisiteSchemeCode is { } code ? await schemes.SchemeAsync(code, ct) : null;
        return View(new WindowPage(window, window.StateAt(clock.GetUtcNow().UtcDateTime), eligibility, mine,
            prerequisite?.Name(System.Globalization.CultureInfo.CurrentUICulture)));
    }
}
