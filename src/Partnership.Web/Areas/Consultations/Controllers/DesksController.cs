using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Consultations;
using Partnership.Core.PlanServices;

namespace Partnership.Web.Areas.Consultations.Controllers;

/// <summary>The consultation desks' public pages: what each helps with, how to ask, expert dispatch where offered.</summary>
[Area("Consultations")]
[AllowAnonymous]
[Route("/desks")]
public sealed class DesksController(ConsultationService consultations, PlanServiceReader services) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await consultations.DesksAsync(ct));

    [HttpGet("{code}")]
    public async Task<IActionResult> Desk(string code, CancellationToken ct)
    {
        var desk = (await consultations.AllDesksAsync(ct)).SingleOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
        if (desk is null)
        {
            return NotFound();
        }
        ViewData["Measures"] = await services.MeasuresOfAsync(ServiceKind.Consultation, desk.Code, desk.Measure?.Key, ct);
        return View(desk);
    }
}
