using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Schemes;
using Partnership.Web.Areas.Schemes.Models;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Schemes.Controllers;

/// <summary>
/// A company's own scheme entries: start, autosave, submit, withdraw, answer a return, renew, choose the
/// directory, report progress, print. The company is always the signed-in user's own; an entry of another
/// company is not found.
/// </summary>
[Area("Schemes")]
[Authorize(Policy = Policies.CompanyUser)]
[Route("/company/schemes")]
public sealed class MySchemesController(
    SchemeService schemes, OwnCompany own, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private Actor Me => new(UserId, User.Identity?.Name ?? UserId);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return Redirect("/company");
        }
        ViewData["Company"] = company;
        return View(await schemes.OverviewAsync(company.Id, ct));
    }

    [HttpPost("{code}/start")]
    public async Task<IActionResult> Start(string code, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return Redirect("/company");
        }
        var outcome = await schemes.StartAsync(company.Id, code, Me, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        if (outcome.Value!.AlreadyThere)
        {
            TempData["Notice"] = t["Scheme.AlreadyLive"].Value;
        }
        return RedirectToAction(nameof(Entry), new { id = outcome.Value.EntryId });
    }

    [HttpGet("entries/{id:int}")]
    public async Task<IActionResult> Entry(int id, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>The autosave: the whole form as typed, answered with JSON (saved time and the new version).</summary>
    [HttpPost("entries/{id:int}/autosave")]
    public async Task<IActionResult> Autosave(int id, Guid version, bool listInDirectory, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var outcome = await schemes.SaveDraftAsync(id, company.Id, SchemeForms.Answers(Request.Form), listInDirectory, version, Me, ct);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            var form = await schemes.CurrentFormAsync((await schemes.FindAsync(id, company.Id, ct))!.SchemeId, ct);
            SchemeForms.AddErrors(ModelState, outcome.Errors, form.Definition, t);
            var messages = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
            return UnprocessableEntity(new { message = t["Scheme.AutosaveRefused", string.Join(" ", messages)].Value });
        }
        return outcome.Status switch
        {
            OutcomeStatus.Ok => Json(new
            {
                version = outcome.Value!.Version,
                savedAt = JapanTime.ToJapan(outcome.Value.DraftSavedAt!.Value).ToString("H:mm:ss", CultureInfo.InvariantCulture),
                message = t["Scheme.AutosavedAt", JapanTime.ToJapan(outcome.Value.DraftSavedAt!.Value).ToString("H:mm", CultureInfo.InvariantCulture)].Value,
            }),
            OutcomeStatus.NotFound => NotFound(),
            _ => Conflict(new { message = t[outcome.Errors[0].Code].Value }),
        };
    }

    /// <summary>The save button, for browsers without scripts: saves and shows the form again.</summary>
    [HttpPost("entries/{id:int}/save")]
    public async Task<IActionResult> Save(int id, Guid version, bool listInDirectory, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var outcome = await schemes.SaveDraftAsync(id, company.Id, SchemeForms.Answers(Request.Form), listInDirectory, version, Me, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            return await RefusedAsync(id, outcome.Errors, ct);
        }
        TempData["Notice"] = (outcome.Succeeded ? t["Scheme.Saved"] : t[outcome.Errors[0].Code]).Value;
        return RedirectToAction(nameof(Entry), new { id });
    }

    [HttpPost("entries/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, Guid version, bool listInDirectory, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var outcome = await schemes.SubmitAsync(id, company.Id, SchemeForms.Answers(Request.Form), listInDirectory, version, Me, ct);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Ok:
                TempData["Notice"] = t["Scheme.Submitted"].Value;
                return RedirectToAction(nameof(Entry), new { id });
            case OutcomeStatus.Conflict:
                TempData["Notice"] = t[outcome.Errors[0].Code].Value;
                return RedirectToAction(nameof(Entry), new { id });
        }
        // Refused as a whole: show what was posted with every problem listed.
        return await RefusedAsync(id, outcome.Errors, ct);
    }

    /// <summary>The entry page again with the answers as posted and every refusal next to its field.</summary>
    private async Task<IActionResult> RefusedAsync(int id, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }
        var definition = page.Form.Form.Definition;
        SchemeForms.AddErrors(ModelState, errors, definition, t);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var posted = page.Form with { Answers = definition.Clean(SchemeForms.Answers(Request.Form)) };
        // The consent box as posted, not as stored: nothing typed is lost when the page comes back.
        ViewData["ListInDirectory"] = string.Equals(Request.Form["listInDirectory"], "true", StringComparison.OrdinalIgnoreCase);
        return View(nameof(Entry), page with { Form = posted });
    }

    [HttpPost("entries/{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, Guid version, CancellationToken ct) => !ModelState.IsValid ? Task.FromResult<IActionResult>(BadRequest()) :
        CommandAsync(id, companyId => schemes.WithdrawAsync(id, companyId, version, Me, ct), "Scheme.WithdrawnNotice", ct);

    [HttpPost("entries/{id:int}/directory")]
    public Task<IActionResult> Directory(int id, Guid version, bool listInDirectory, CancellationToken ct) => !ModelState.IsValid ? Task.FromResult<IActionResult>(BadRequest()) :
        CommandAsync(id, companyId => schemes.SetDirectoryAsync(id, companyId, listInDirectory, version, Me, ct),
            listInDirectory ? "Scheme.DirectoryOnNotice" : "Scheme.DirectoryOffNotice", ct);

    [HttpPost("entries/{id:int}/renew")]
    public async Task<IActionResult> Renew(int id, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return NotFound();
        }
        var outcome = await schemes.RenewAsync(id, company.Id, Me, ct);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Ok:
                TempData["Notice"] = t["Scheme.RenewalStarted"].Value;
                return RedirectToAction(nameof(Entry), new { id = outcome.Value!.EntryId });
            default:
                TempData["Notice"] = t[outcome.Errors[0].Code].Value;
                return RedirectToAction(nameof(Entry), new { id });
        }
    }

    [HttpPost("entries/{id:int}/progress")]
    public async Task<IActionResult> Progress(int id, string? asOf, string? note, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return NotFound();
        }
        var outcome = ModelState.IsValid
            ? await schemes.ReportProgressAsync(id, company.Id, asOf, SchemeForms.Answers(Request.Form), note, Me, ct)
            : Outcome<SchemeProgressReport>.Invalid([]);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Ok:
                TempData["Notice"] = t["Scheme.ProgressSaved"].Value;
                return RedirectToAction(nameof(Entry), new { id });
            case OutcomeStatus.Conflict:
                TempData["Notice"] = t[outcome.Errors[0].Code].Value;
                return RedirectToAction(nameof(Entry), new { id });
        }
        var page = await PageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }
        SchemeForms.AddErrors(ModelState, outcome.Errors, SchemeService.ProgressDefinition(page.Entry), t);
        ViewData["ProgressAsOf"] = asOf;
        ViewData["ProgressNote"] = note;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Entry), page);
    }

    /// <summary>The printable declaration or certificate (A4), for an accepted entry.</summary>
    [HttpGet("entries/{id:int}/certificate")]
    public async Task<IActionResult> Certificate(int id, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        var entry = company is null ? null : await schemes.FindAsync(id, company.Id, ct);
        if (entry is null || entry.Status != EntryStatus.Accepted)
        {
            return NotFound();
        }
        return View(entry);
    }

    private async Task<IActionResult> CommandAsync(int id, Func<int, Task<Outcome<SchemeEntry>>> command, string notice, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return NotFound();
        }
        var outcome = await command(company.Id);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Notice"] = (outcome.Succeeded ? t[notice] : t[outcome.Errors[0].Code]).Value;
        return RedirectToAction(nameof(Entry), new { id });
    }

    private async Task<EntryPage?> PageAsync(int id, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        var entry = company is null ? null : await schemes.FindAsync(id, company.Id, ct);
        if (entry is null)
        {
            return null;
        }
        var form = await schemes.FormAsync(entry, ct);
        var renewal = await schemes.RenewalOfAsync(entry.Id, ct);
        return new EntryPage(form, renewal is null && schemes.CanRenew(entry, entry.Scheme!), renewal);
    }

    private Task<Company?> OwnCompanyAsync(CancellationToken ct) => own.OfAsync(User, ct);
}
