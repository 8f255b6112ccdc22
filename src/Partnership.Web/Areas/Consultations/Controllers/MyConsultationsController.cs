using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Consultations;
using Partnership.Web.Areas.Consultations.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Consultations.Controllers;

/// <summary>
/// A company's consultation requests: ask (the draft saves as it is typed), follow status, schedule and the records
/// meant for the company, cancel, rate. The company comes from the membership; a request of another company is 404.
/// </summary>
[Area("Consultations")]
[Authorize(Policy = Policies.CompanyUser)]
[Route("/company/consultations")]
public sealed class MyConsultationsController(
    ConsultationService consultations, ConsultationPages pages, CompanyService companies, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        if (membership is null)
        {
            return RedirectToAction("Index", "MyCompany", new { area = "Companies" });
        }
        ViewData["HasDraft"] = await consultations.DraftAsync(membership.CompanyId, UserId, ct) is not null;
        return View(await consultations.ForCompanyAsync(membership.CompanyId, ct));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(int? deskId, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        if (membership is null)
        {
            return RedirectToAction("Index", "MyCompany", new { area = "Companies" });
        }
        var draft = await consultations.DraftAsync(membership.CompanyId, UserId, ct);
        var form = draft is null ? new ConsultationFormModel { DeskId = deskId } : ConsultationFormModel.From(draft);
        return View(new ConsultationFormViewModel(form, await consultations.DesksAsync(ct), draft?.UpdatedAt));
    }

    /// <summary>Autosave: the form posts what has been typed; JSON back, 400 with messages when something cannot be kept.</summary>
    [HttpPost("draft")]
    public async Task<IActionResult> Draft(ConsultationFormModel form, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        if (membership is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await consultations.SaveDraftAsync(membership.CompanyId, UserId, form.ToInput(), ct);
            if (outcome.Succeeded)
            {
                var saved = JapanTime.ToJapan(clock.GetUtcNow().UtcDateTime).ToString("H:mm", System.Globalization.CultureInfo.InvariantCulture);
                var stamp = (await consultations.DraftAsync(membership.CompanyId, UserId, ct))?.UpdatedAt.Ticks;
                return Json(new { saved = true, stamp = stamp?.ToString(System.Globalization.CultureInfo.InvariantCulture), message = t["Consultation.DraftSaved", saved].Value });
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, ConsultationFormModel.Fields);
        }
        // Refused: the page keeps what was typed in this browser (consultation-draft.js) and says so.
        return BadRequest(new { saved = false, message = t["Consultation.DraftNotSaved"].Value + " " + t["Consultation.DraftKeptHere"].Value });
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(ConsultationFormModel form, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        if (membership is null)
        {
            return RedirectToAction("Index", "MyCompany", new { area = "Companies" });
        }
        if (ModelState.IsValid)
        {
            var outcome = await consultations.SubmitAsync(membership.CompanyId, UserId, form.ToInput(),
                User.FindFirstValue(ClaimTypes.Email) ?? User.Identity!.Name!, Languages.IsJapanese ? Languages.Japanese : Languages.English, ct);
            if (outcome.Succeeded)
            {
                var request = await consultations.FindAsync(outcome.Value, ct);
                TempData["Notice"] = t["Consultation.Submitted", request!.ReceiptNumber!].Value;
                return Redirect($"/company/consultations/{outcome.Value}");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, ConsultationFormModel.Fields);
        }
        return View(new ConsultationFormViewModel(form, await consultations.DesksAsync(ct), null));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var model = await OwnAsync(id, ct);
        return model is null ? NotFound() : View("Request", model);
    }

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        if (membership is null)
        {
            return NotFound();
        }
        var outcome = await consultations.CancelAsync(id, membership.CompanyId, ct);
        return Done(id, outcome, "Consultation.CancelledNotice");
    }

    [HttpPost("{id:int}/rate")]
    public async Task<IActionResult> Rate(int id, int? rating, string? ratingComment, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        if (membership is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await consultations.RateAsync(id, membership.CompanyId, rating, ratingComment, ct);
            if (outcome.Status != OutcomeStatus.Invalid)
            {
                return Done(id, outcome, "Consultation.RatedNotice");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, ConsultationFormModel.Fields);
        }
        var model = await OwnAsync(id, ct);
        return model is null ? NotFound() : View("Request", model);
    }

    private IActionResult Done(int id, Outcome<int> outcome, string notice)
    {
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Notice"] = outcome.Succeeded ? t[notice].Value : t[outcome.Errors[0].Code].Value;
        return Redirect($"/company/consultations/{id}");
    }

    private async Task<RequestViewModel?> OwnAsync(int id, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        var model = await pages.RequestAsync(id, Viewer.Company, ct);
        return membership is null || model is null || model.Request.CompanyId != membership.CompanyId ? null : model;
    }
}
