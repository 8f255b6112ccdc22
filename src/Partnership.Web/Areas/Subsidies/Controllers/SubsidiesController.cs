using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.PlanServices;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;
using Partnership.Web.Areas.Subsidies.Models;

namespace Partnership.Web.Areas.Subsidies.Controllers;

/// <summary>The public list of subsidy windows and each window's page; a signed-in company sees its eligibility there.</summary>
[Area("Subsidies")]
[AllowAnonymous]
[Route("/subsidies")]
public sealed class SubsidiesController(SubsidyService subsidies, SchemeService schemes, CompanyService companies, PlanServiceReader services, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        ViewData["Now"] = now;
        var programs = (await subsidies.ProgramsAsync(null, ct))
            .Select(p => new ProgramRow(p.Program, PlanServiceReader.ProgramItem(p.Program, p.Windows, now))).ToList();
        return View(new SubsidiesIndexPage(programs, await subsidies.WindowsAsync(ct)));
    }

    [HttpGet("programs/{code}")]
    public async Task<IActionResult> Program(string code, CancellationToken ct)
    {
        var found = await subsidies.ProgramsAsync(code.ToUpperInvariant(), ct);
        if (found.Count == 0)
        {
            return NotFound();
        }
        var (program, windows) = found[0];
        var now = clock.GetUtcNow().UtcDateTime;
        var prerequisites = new Dictionary<string, string>();
        foreach (var schemeCode in windows.Select(w => w.PrerequisiteSchemeCode).OfType<string>().Distinct())
        {
            if (await schemes.SchemeAsync(schemeCode, ct) is { } scheme)
            {
                prerequisites[schemeCode] = scheme.Name(System.Globalization.CultureInfo.CurrentUICulture);
            }
        }
        var measures = await services.MeasuresOfAsync(ServiceKind.Subsidy, program.Code, program.MeasureKey, ct);
        return View(new ProgramPage(program, windows, PlanServiceReader.ProgramItem(program, windows, now), now, prerequisites, measures));
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
        ViewData["Measures"] = await services.MeasuresOfAsync(ServiceKind.Subsidy, window.Program!.Code, window.Program.MeasureKey, ct);
        return View(new WindowPage(window, window.StateAt(clock.GetUtcNow().UtcDateTime), eligibility, mine,
            prerequisite?.Name(System.Globalization.CultureInfo.CurrentUICulture)));
    }
}
