using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;
using Partnership.Web.Areas.Subsidies.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Subsidies.Controllers;

/// <summary>Metro officials: open windows, review each window's applications, decide through to payment, export.</summary>
[Area("Subsidies")]
[Authorize(Policy = Policies.ManageSubsidies)]
[Route("/subsidies/manage")]
public sealed class ManageController(SubsidyReviewService review, SubsidyService subsidies, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private static readonly string[] ExportHeader =
        ["Subsidy.Receipt", "Field.CompanyName", "Field.Municipality", "Scheme.Status", "Subsidy.SubmittedAt", "Subsidy.Requested", "Subsidy.Held", "Subsidy.Granted"];

    private Actor Me => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity?.Name ?? "");

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Now"] = clock.GetUtcNow().UtcDateTime;
        return View(await subsidies.WindowsAsync(ct));
    }

    [HttpGet("windows/new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var now = JapanTime.ToJapan(clock.GetUtcNow().UtcDateTime);
        var form = new WindowForm
        {
            FiscalYear = JapanTime.FiscalYearOf(clock.GetUtcNow().UtcDateTime).ToString(CultureInfo.InvariantCulture),
            Opens = now.Date.AddDays(7).AddHours(9).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            Closes = now.Date.AddDays(37).AddHours(17).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            Rate = "1/2",
            Allotment = Allotment.FirstCome,
        };
        return View(await NewPageAsync(form, ct));
    }

    [HttpPost("windows/new")]
    public async Task<IActionResult> New(WindowForm form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await review.CreateWindowAsync(form.ToInput(), ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Subsidy.WindowCreated"].Value;
                return RedirectToAction(nameof(Window), new { id = outcome.Value });
            }
            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(error.Field, t[error.Code]);
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await NewPageAsync(form, ct));
    }

    [HttpGet("windows/{id:int}")]
    public async Task<IActionResult> Window(int id, string? status, string? municipality, CancellationToken ct)
    {
        ApplicationStatus? wanted = Enum.TryParse<ApplicationStatus>(status, true, out var s) && Enum.IsDefined(s) ? s : null;
        var queue = await review.QueueAsync(id, wanted, string.IsNullOrWhiteSpace(municipality) ? null : municipality, ct);
        if (queue is null)
        {
            return NotFound();
        }
        ViewData["Now"] = clock.GetUtcNow().UtcDateTime;
        ViewData["Status"] = wanted;
        ViewData["Municipality"] = municipality;
        ViewData["Municipalities"] = await review.MunicipalitiesAsync(ct);
        return View(queue);
    }

    [HttpGet("windows/{id:int}/export.csv")]
    public IActionResult Export(int id) =>
        new CsvDownload($"subsidy-window-{id}.csv", [.. ExportHeader.Select(h => t[h].Value)], review.ExportAsync(id).Select(row => (IReadOnlyList<object?>)
        [
            row.ReceiptNumber,
            row.CompanyName,
            row.CityName,
            t[$"ApplicationStatus.{row.Status}"].Value,
            row.SubmittedAt is DateTime at ? JapanTime.ToJapan(at).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "",
            row.RequestedYen,
            row.HeldYen,
            row.GrantedYen,
        ]));

    [HttpGet("applications/{id:int}")]
    public async Task<IActionResult> Application(int id, CancellationToken ct)
    {
        var application = await review.FindAsync(id, ct);
        return application is null ? NotFound() : View(application);
    }

    [HttpGet("applications/{id:int}/documents/{documentId:int}")]
    public async Task<IActionResult> Document(int id, int documentId, CancellationToken ct)
    {
        var opened = await subsidies.OpenDocumentAsync(id, documentId, null, ct);
        return opened is { } d ? File(d.Content, d.Document.ContentType, d.Document.FileName) : NotFound();
    }

    [HttpPost("applications/{id:int}/decide")]
    public async Task<IActionResult> Decide(int id, SubsidyAction? action, string? amount, string? reason, string? reportDue, Guid version, CancellationToken ct)
    {
        var outcome = !ModelState.IsValid ? Outcome<SubsidyApplication>.Invalid([])
            : action is { } a && Enum.IsDefined(a) ? await review.DecideAsync(id, a, amount, reason, reportDue, version, Me, ct)
            : Outcome<SubsidyApplication>.Invalid("Action", "Subsidy.ChooseAction");
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t[$"Subsidy.Decided.{action}"].Value;
            return RedirectToAction(nameof(Application), new { id });
        }
        var application = await review.FindAsync(id, ct);
        if (application is null)
        {
            return NotFound();
        }
        if (outcome.Status == OutcomeStatus.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            ViewData["Conflict"] = t[outcome.Errors[0].Code].Value;
            return View(nameof(Application), application);
        }
        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(error.Field, t[error.Code]);
        }
        ViewData["Action"] = action;
        ViewData["Amount"] = amount;
        ViewData["Reason"] = reason;
        ViewData["ReportDue"] = reportDue;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Application), application);
    }

    private async Task<NewWindowPage> NewPageAsync(WindowForm form, CancellationToken ct) =>
        new(form, await review.ProgramsAsync(ct), await review.SchemesAsync(ct));
}
