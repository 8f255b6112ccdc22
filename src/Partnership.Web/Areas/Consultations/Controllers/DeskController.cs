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

/// <summary>Metro officials at the desks: triage (accept, redirect, decline with a reason), assign, schedule, record, close.</summary>
[Area("Consultations")]
[Authorize(Policy = Policies.ManageConsultations)]
[Route("/consultations")]
public sealed class DeskController(ConsultationService consultations, ConsultationPages pages, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(ConsultationStatus? status, CancellationToken ct)
    {
        if (status is { } s && !Enum.IsDefined(s))
        {
            status = null;
        }
        ViewData["Status"] = status;
        ViewData["Experts"] = (await pages.ExpertsAsync()).ToDictionary(e => e.Id, e => e.Name);
        return View(await consultations.ForOfficialsAsync(status, ct));
    }

    private static readonly IReadOnlyDictionary<string, (string, int)> DeskFields = new Dictionary<string, (string, int)>
    {
        ["Code"] = ("Field.DeskCode", 32),
        ["NameJa"] = ("Field.NameJa", ConsultationService.DeskNameMaxLength),
        ["NameEn"] = ("Field.NameEn", ConsultationService.DeskNameMaxLength),
        ["MeasureId"] = ("Field.Measure", 0),
    };

    /// <summary>The desks, their measures and topics, and the experts who can be assigned (experts are invited by administrators).</summary>
    [HttpGet("desks")]
    public async Task<IActionResult> Desks(CancellationToken ct) => View(await DesksPageAsync(ct));

    [HttpPost("desks")]
    public async Task<IActionResult> AddDesk(string? code, string? nameJa, string? nameEn, int? measureId, bool offersExpertDispatch, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await consultations.AddDeskAsync(code, nameJa, nameEn, measureId, offersExpertDispatch, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Consultation.DeskAdded"].Value;
                return Redirect("/consultations/desks");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, DeskFields);
        }
        return View(nameof(Desks), await DesksPageAsync(ct));
    }

    [HttpPost("desks/{id:int}/topics")]
    public async Task<IActionResult> AddTopic(int id, string? nameJa, string? nameEn, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await consultations.AddTopicAsync(id, nameJa, nameEn, ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Consultation.TopicAdded"].Value;
                return Redirect("/consultations/desks");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, DeskFields);
        }
        return View(nameof(Desks), await DesksPageAsync(ct));
    }

    [HttpPost("desks/{id:int}/active")]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(nameof(Desks), await DesksPageAsync(ct));
        }
        var outcome = await consultations.SetDeskActiveAsync(id, active, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Notice"] = t[active ? "Consultation.DeskOpened" : "Consultation.DeskClosed"].Value;
        return Redirect("/consultations/desks");
    }

    private async Task<DesksViewModel> DesksPageAsync(CancellationToken ct) =>
        new(await consultations.AllDesksAsync(ct), await pages.ExpertsAsync(), await pages.MeasuresAsync(ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var model = await pages.RequestAsync(id, Viewer.Official, ct);
        return model is null ? NotFound() : View("Request", model);
    }

    [HttpPost("{id:int}/accept")]
    public async Task<IActionResult> Accept(int id, CancellationToken ct) =>
        await DoneAsync(id, await consultations.AcceptAsync(id, ct), "Consultation.AcceptedNotice", ct);

    [HttpPost("{id:int}/redirect")]
    public async Task<IActionResult> RedirectToDesk(int id, int? deskId, CancellationToken ct) =>
        await DoneAsync(id, ModelState.IsValid ? await consultations.RedirectAsync(id, deskId, ct) : Outcome<int>.Invalid("DeskId", "Validation.RequiredChoice"), "Consultation.RedirectedNotice", ct);

    [HttpPost("{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, string? reason, CancellationToken ct) =>
        await DoneAsync(id, ModelState.IsValid ? await consultations.DeclineAsync(id, reason, ct) : null, "Consultation.DeclinedNotice", ct);

    /// <summary>Assigns an expert (by id; must hold the Expert role) or the official themselves as desk officer ("officer").</summary>
    [HttpPost("{id:int}/assign")]
    public async Task<IActionResult> Assign(int id, string? assigneeId, CancellationToken ct)
    {
        Outcome<int>? outcome = null;
        if (ModelState.IsValid)
        {
            if (assigneeId == "officer")
            {
                outcome = await consultations.AssignAsync(id, null, UserId, ct);
            }
            else if (assigneeId is not null && await pages.IsActiveExpertAsync(assigneeId))
            {
                outcome = await consultations.AssignAsync(id, assigneeId, null, ct);
            }
            else
            {
                outcome = Outcome<int>.Invalid("AssigneeId", "Validation.RequiredChoice");
            }
        }
        return await DoneAsync(id, outcome, "Consultation.AssignedNotice", ct);
    }

    [HttpPost("{id:int}/sessions")]
    public async Task<IActionResult> Schedule(int id, DateTime? scheduledAt, ConsultationMode? mode, CancellationToken ct) =>
        await DoneAsync(id, ModelState.IsValid ? await consultations.ScheduleAsync(id, scheduledAt, mode, ct) : null, "Consultation.ScheduledNotice", ct);

    [HttpPost("{id:int}/sessions/{sessionId:int}/record")]
    public async Task<IActionResult> Record(int id, int sessionId, SessionRecordModel form, CancellationToken ct)
    {
        var request = await consultations.FindAsync(id, ct);
        if (request is null || request.Sessions.All(s => s.Id != sessionId))
        {
            return NotFound();
        }
        var outcome = ModelState.IsValid
            ? await consultations.RecordSessionAsync(sessionId, UserId, null, form.Advice, form.NextStep, form.SharedWithCompany, ct)
            : null;
        return await DoneAsync(id, outcome, "Consultation.RecordedNotice", ct);
    }

    [HttpPost("{id:int}/close")]
    public async Task<IActionResult> Close(int id, ConsultationOutcome? outcome, string? outcomeNote, CancellationToken ct) =>
        await DoneAsync(id, ModelState.IsValid ? await consultations.CloseAsync(id, outcome, outcomeNote, ct) : null, "Consultation.ClosedNotice", ct);

    /// <summary>After an action: back to the request with a notice, or the request again with the refusal shown beside its field.</summary>
    private async Task<IActionResult> DoneAsync(int id, Outcome<int>? outcome, string notice, CancellationToken ct)
    {
        if (outcome?.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome?.Status is OutcomeStatus.Ok or OutcomeStatus.Conflict)
        {
            TempData["Notice"] = outcome.Succeeded ? t[notice].Value : t[outcome.Errors[0].Code].Value;
            return Redirect($"/consultations/{id}");
        }
        if (outcome is not null)
        {
            ServiceErrors.Add(ModelState, t, outcome.Errors, ConsultationFormModel.Fields);
        }
        var model = await pages.RequestAsync(id, Viewer.Official, ct);
        return model is null ? NotFound() : View("Request", model);
    }
}
