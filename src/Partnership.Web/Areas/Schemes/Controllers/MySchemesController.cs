using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Schemes;
using Partnership.Web.Areas.Schemes.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

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
    SchemeService schemes, OwnCompany own, IStringLocalizer<SharedResource> t) : OwnCompanyController(own, t)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return ToCompanyStart();
        }
        ViewData["Company"] = company;
        return View(await schemes.OverviewAsync(company.Id, ct));
    }

    [HttpPost("{code}/start")]
    public async Task<IActionResult> Start(string code, CancellationToken ct)
    {
        if (await OwnCompanyIdAsync(ct) is not { } companyId)
        {
            return ToCompanyStart();
        }
        var outcome = await schemes.StartAsync(companyId, code, Me, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        if (outcome.Value!.AlreadyThere)
        {
            Notice("Scheme.AlreadyLive");
        }
        return ToEntry(outcome.Value.EntryId);
    }

    [HttpGet("entries/{id:int}")]
    public async Task<IActionResult> Entry(int id, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>The autosave: the whole form as typed, answered with JSON (saved time and the new version).</summary>
    [HttpPost("entries/{id:int}/autosave")]
    public Task<IActionResult> Autosave(int id, Guid version, bool listInDirectory, CancellationToken ct) =>
        ChangeAsync(async companyId => await AutosavedAsync(
            await schemes.SaveDraftAsync(id, companyId, SchemeForms.Answers(Request.Form), listInDirectory, version, Me, ct),
            saved => new
            {
                version = saved.Version,
                savedAt = JapanTime.ToJapan(saved.DraftSavedAt!.Value).ToString("H:mm:ss", CultureInfo.InvariantCulture),
                message = Text["Scheme.AutosavedAt", JapanTime.ToJapan(saved.DraftSavedAt!.Value).ToString("H:mm", CultureInfo.InvariantCulture)].Value,
            },
            async errors =>
            {
                var form = await schemes.CurrentFormAsync((await schemes.FindAsync(id, companyId, ct))!.SchemeId, ct);
                SchemeForms.AddErrors(ModelState, errors, form.Definition, Text);
                return ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage);
            }), ct);

    /// <summary>The save button, for browsers without scripts: saves and shows the form again.</summary>
    [HttpPost("entries/{id:int}/save")]
    public Task<IActionResult> Save(int id, Guid version, bool listInDirectory, CancellationToken ct) =>
        ChangeAsync(async companyId =>
        {
            var outcome = await schemes.SaveDraftAsync(id, companyId, SchemeForms.Answers(Request.Form), listInDirectory, version, Me, ct);
            return await AnsweredAsync(outcome, "Scheme.Saved", () => ToEntry(id), () => RefusedAsync(id, outcome.Errors, ct));
        }, ct);

    [HttpPost("entries/{id:int}/submit")]
    public Task<IActionResult> Submit(int id, Guid version, bool listInDirectory, CancellationToken ct) =>
        ChangeAsync(async companyId =>
        {
            var outcome = await schemes.SubmitAsync(id, companyId, SchemeForms.Answers(Request.Form), listInDirectory, version, Me, ct);
            // Refused as a whole: show what was posted with every problem listed.
            return await AnsweredAsync(outcome, "Scheme.Submitted", () => ToEntry(id), () => RefusedAsync(id, outcome.Errors, ct));
        }, ct);

    /// <summary>The entry page again with the answers as posted and every refusal next to its field.</summary>
    private async Task<IActionResult> RefusedAsync(int id, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }
        var definition = page.Form.Form.Definition;
        SchemeForms.AddErrors(ModelState, errors, definition, Text);
        var posted = page.Form with { Answers = definition.Clean(SchemeForms.Answers(Request.Form)) };
        // The consent box as posted, not as stored: nothing typed is lost when the page comes back.
        ViewData["ListInDirectory"] = string.Equals(Request.Form["listInDirectory"], "true", StringComparison.OrdinalIgnoreCase);
        return Refused(nameof(Entry), page with { Form = posted });
    }

    [HttpPost("entries/{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, Guid version, CancellationToken ct) =>
        ChangeAsync(async companyId =>
            await AnsweredAsync(await schemes.WithdrawAsync(id, companyId, version, Me, ct), "Scheme.WithdrawnNotice", () => ToEntry(id)), ct);

    [HttpPost("entries/{id:int}/directory")]
    public Task<IActionResult> Directory(int id, Guid version, bool listInDirectory, CancellationToken ct) =>
        ChangeAsync(async companyId =>
            await AnsweredAsync(await schemes.SetDirectoryAsync(id, companyId, listInDirectory, version, Me, ct),
                listInDirectory ? "Scheme.DirectoryOnNotice" : "Scheme.DirectoryOffNotice", () => ToEntry(id)), ct);

    [HttpPost("entries/{id:int}/renew")]
    public async Task<IActionResult> Renew(int id, CancellationToken ct)
    {
        if (await OwnCompanyIdAsync(ct) is not { } companyId)
        {
            return NotFound();
        }
        var outcome = await schemes.RenewAsync(id, companyId, Me, ct);
        // Renewed: to the new entry; refused: back to this one with the reason.
        return await AnsweredAsync(outcome, "Scheme.RenewalStarted", () => ToEntry(outcome.Succeeded ? outcome.Value!.EntryId : id));
    }

    [HttpPost("entries/{id:int}/progress")]
    public async Task<IActionResult> Progress(int id, string? asOf, string? note, CancellationToken ct)
    {
        if (await OwnCompanyIdAsync(ct) is not { } companyId)
        {
            return NotFound();
        }
        var outcome = ModelState.IsValid
            ? await schemes.ReportProgressAsync(id, companyId, asOf, SchemeForms.Answers(Request.Form), note, Me, ct)
            : Outcome<SchemeProgressReport>.Invalid([]);
        return await AnsweredAsync(outcome, "Scheme.ProgressSaved", () => ToEntry(id), async () =>
        {
            var page = await PageAsync(id, ct);
            if (page is null)
            {
                return NotFound();
            }
            SchemeForms.AddErrors(ModelState, outcome.Errors, SchemeService.ProgressDefinition(page.Entry), Text);
            ViewData["ProgressAsOf"] = asOf;
            ViewData["ProgressNote"] = note;
            return Refused(nameof(Entry), page);
        });
    }

    /// <summary>The printable declaration or certificate (A4), for an accepted entry.</summary>
    [HttpGet("entries/{id:int}/certificate")]
    public async Task<IActionResult> Certificate(int id, CancellationToken ct)
    {
        var entry = await FindOwnAsync(companyId => schemes.FindAsync(id, companyId, ct), ct);
        if (entry is null || entry.Status != EntryStatus.Accepted)
        {
            return NotFound();
        }
        return View(entry);
    }

    private RedirectToActionResult ToEntry(int id) => RedirectToAction(nameof(Entry), new { id });

    private async Task<EntryPage?> PageAsync(int id, CancellationToken ct)
    {
        var entry = await FindOwnAsync(companyId => schemes.FindAsync(id, companyId, ct), ct);
        if (entry is null)
        {
            return null;
        }
        var form = await schemes.FormAsync(entry, ct);
        var renewal = await schemes.RenewalOfAsync(entry.Id, ct);
        return new EntryPage(form, renewal is null && schemes.CanRenew(entry, entry.Scheme!), renewal);
    }
}
