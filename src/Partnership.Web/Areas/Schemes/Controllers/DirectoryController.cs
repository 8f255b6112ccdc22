using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Schemes;
using Partnership.Web.Areas.Schemes.Models;

namespace Partnership.Web.Areas.Schemes.Controllers;

/// <summary>The public directory of declared, certified and registered companies that chose to be listed.</summary>
[Area("Schemes")]
[AllowAnonymous]
[Route("/directory")]
public sealed class DirectoryController(DirectoryService directory, SchemePages pages) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? scheme, [FromQuery] string? area, string? municipality, string? industry, string? q, int page = 1, CancellationToken ct = default)
    {
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (text is { Length: > DirectoryService.MaxTextLength })
        {
            text = text[..DirectoryService.MaxTextLength];
        }
        var filter = new DirectoryFilter(Blank(scheme), Blank(area), Blank(municipality), Blank(industry), text, Math.Clamp(page, 1, 100_000));
        return View(new DirectoryPageView(await directory.SearchAsync(filter, ct), filter,
            await pages.SchemesAsync(ct), await pages.MunicipalitiesAsync(ct), await pages.IndustriesAsync(ct), await pages.AreasAsync(ct)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
