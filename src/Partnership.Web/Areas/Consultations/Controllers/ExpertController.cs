using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Consultations;
using Partnership.Web.Areas.Consultations.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Consultations.Controllers;

/// <summary>An expert sees only the requests assigned to them and records their sessions; any other request is 404.</summary>
[Area("Consultations")]
[Authorize(Policy = Policies.Expert)]
[Route("/expert/consultations")]
public sealed class ExpertController(ConsultationService consultations, ConsultationPages pages, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await consultations.ForExpertAsync(UserId, ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var model = await MineAsync(id, ct);
        return model is null ? NotFound() : View("Request", model);
    }

    [HttpPost("{id:int}/sessions/{sessionId:int}/record")]
    public async Task<IActionResult> Record(int id, int sessionId, SessionRecordModel form, CancellationToken ct)
    {
        var model = await MineAsync(id, ct);
        if (model is null || model.Request.Sessions.All(s => s.Id != sessionId))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await consultations.RecordSessionAsync(sessionId, UserId, UserId, form.Advice, form.NextStep, form.SharedWithCompany, ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Status is OutcomeStatus.Ok or OutcomeStatus.Conflict)
            {
                TempData["Notice"] = outcome.Succeeded ? t["Consultation.RecordedNotice"].Value : t[outcome.Errors[0].Code].Value;
                return Redirect($"/expert/consultations/{id}");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, ConsultationFormModel.Fields);
        }
        return View("Request", model);
    }

    private async Task<RequestViewModel?> MineAsync(int id, CancellationToken ct)
    {
        var model = await pages.RequestAsync(id, Viewer.Expert, ct);
        return model?.Request.AssignedExpertUserId == UserId ? model : null;
    }
}
