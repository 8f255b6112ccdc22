using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.PlanServices;
using Partnership.Core.Schemes;
using Partnership.Web.Areas.Schemes.Models;

namespace Partnership.Web.Areas.Schemes.Controllers;

/// <summary>Each scheme's public page: what it is, who may join, the commitments, review, what a company receives, validity.</summary>
[Area("Schemes")]
[AllowAnonymous]
[Route("/schemes")]
public sealed class SchemesController(SchemeService schemes, PlanServiceReader services) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await schemes.SchemesAsync(ct));

    [HttpGet("{code}")]
    public async Task<IActionResult> Scheme(string code, CancellationToken ct)
    {
        var scheme = await schemes.SchemeAsync(code.ToUpperInvariant(), ct);
        if (scheme is null)
        {
            return NotFound();
        }
        var form = await schemes.CurrentFormAsync(scheme.Id, ct);
        var measures = await services.MeasuresOfAsync(ServiceKind.Scheme, scheme.Code, scheme.MeasureKey, ct);
        return View(new SchemePublicPage(scheme, form.Definition, measures));
    }
}
