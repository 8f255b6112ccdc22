using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Events;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Events.Controllers;

/// <summary>A company's own registrations: status, place on the waiting list, cancel.</summary>
[Area("Events")]
[Authorize(Policy = Policies.CompanyUser)]
[Route("/company/events")]
public sealed class MyEventsController(EventService events, CompanyService companies, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (membership is null)
        {
            return RedirectToAction("Index", "MyCompany", new { area = "Companies" });
        }
        return View(await events.CompanyRegistrationsAsync(membership.CompanyId, ct: ct));
    }

    [HttpPost("registrations/{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (membership is null)
        {
            return NotFound();
        }
        var outcome = await events.CancelAsync(id, membership.CompanyId, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Notice"] = outcome.Succeeded ? t["Event.CancelledNotice"].Value : t[outcome.Errors[0].Code].Value;
        return RedirectToAction(nameof(Index));
    }
}
