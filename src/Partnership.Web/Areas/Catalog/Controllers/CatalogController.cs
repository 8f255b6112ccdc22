using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.PlanServices;
using Partnership.Core.Reference;
using Partnership.Web.Areas.Catalog.Models;

namespace Partnership.Web.Areas.Catalog.Controllers;

/// <summary>The public catalog: the program areas, each area's Metro and Chamber measures, and each measure.</summary>
[Area("Catalog")]
[AllowAnonymous]
[Route("/catalog")]
public sealed class CatalogController(CatalogService catalog, PlanServiceReader services, IReferenceLists lists) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? fiscalYear, CancellationToken ct)
    {
        var years = await catalog.FiscalYearsAsync(ct);
        var year = fiscalYear ?? years.LastOrDefault();
        if (fiscalYear is not null && !years.Contains(fiscalYear.Value))
        {
            return NotFound();
        }
        return View(new CatalogIndexViewModel(years.Count == 0 ? null : year, years, await lists.ProgramAreasAsync(ct)));
    }

    [HttpGet("areas/{code}")]
    public async Task<IActionResult> Area(string code, int? fiscalYear, CancellationToken ct)
    {
        var years = await catalog.FiscalYearsAsync(ct);
        var year = fiscalYear ?? (years.Count == 0 ? 0 : years[^1]);
        if (!years.Contains(year))
        {
            return NotFound();
        }
        var columns = await catalog.AreaAsync(code.ToUpperInvariant(), year, ct);
        return columns is null ? NotFound() : View(new AreaViewModel(columns, years));
    }

    [HttpGet("measures/{id:int}")]
    public async Task<IActionResult> Measure(int id, CancellationToken ct)
    {
        var measure = await catalog.MeasureAsync(id, ct);
        if (measure is null)
        {
            return NotFound();
        }
        var offer = await services.ForMeasureAsync(measure.Measure, ct);
        var staff = User.IsInRole(Roles.ChamberStaff) || User.IsInRole(Roles.MetroOfficial);
        return View(new MeasurePageViewModel(measure, offer, staff));
    }
}
