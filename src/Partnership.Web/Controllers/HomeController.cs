using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Catalog;

namespace Partnership.Web.Controllers;

[AllowAnonymous]
public sealed class HomeController(CatalogService catalog) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var areas = await catalog.AreasAsync(ct);
        ViewData["FiscalYear"] = await catalog.LatestFiscalYearAsync(ct);
        return View(areas);
    }
}
