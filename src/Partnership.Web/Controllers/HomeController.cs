using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Catalog;
using Partnership.Core.Reference;

namespace Partnership.Web.Controllers;

[AllowAnonymous]
public sealed class HomeController(CatalogService catalog, IReferenceLists lists) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var areas = await lists.ProgramAreasAsync(ct);
        ViewData["FiscalYear"] = await catalog.LatestFiscalYearAsync(ct);
        return View(areas);
    }
}
