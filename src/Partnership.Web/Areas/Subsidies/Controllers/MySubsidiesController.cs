using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Documents;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;
using Partnership.Web.Areas.Subsidies.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Subsidies.Controllers;

/// <summary>
/// A company's subsidy applications: eligibility, expenses saved as typed with the amount computed by the
/// server, documents, the submission with its receipt, withdrawal and the result report. Always the
/// signed-in user's own company; another company's application is not found.
/// </summary>
[Area("Subsidies")]
[Authorize(Policy = Policies.CompanyUser)]
[Route("/company/subsidies")]
public sealed class MySubsidiesController(
    SubsidyService subsidies, SchemeService schemes, Partnership.Core.Home.CompanyRecordsService records, OwnCompany own, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : OwnCompanyController(own, t)
{
    private const int FormRows = 8;

    /// <summary>
    /// To the application's page (the route of <see cref="Application"/>), with the receipt and the notice in the
    /// address when given. Written out rather than generated from the route values: the submission is the surge's
    /// request, and link generation was 2 % of its cost.
    /// </summary>
    private RedirectResult ToApplication(int id, string? receipt = null, string? notice = null)
    {
        var query = QueryString.Empty;
        if (receipt is not null)
        {
            query = query.Add("receipt", receipt);
        }
        if (notice is not null)
        {
            query = query.Add("notice", notice);
        }
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/company/subsidies/applications/{id}{query}"));
    }

    /// <summary>The company's own subsidy applications, newest first, with status, date and next step.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (await OwnCompanyIdAsync(ct) is not { } companyId)
        {
            return ToCompanyStart();
        }
        var mine = (await records.AllAsync(companyId, ct)).Where(r => r.Kind == Partnership.Core.Home.RecordKind.Subsidy).ToList();
        return View(mine);
    }

    [HttpPost("windows/{windowId:int}/apply")]
    public async Task<IActionResult> Apply(int windowId, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        if (company is null)
        {
            return ToCompanyStart();
        }
        var outcome = await subsidies.StartAsync(windowId, company, Me, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (!outcome.Succeeded)
        {
            Notice(outcome.Errors[0].Code);
            return Redirect($"/subsidies/windows/{windowId}");
        }
        return ToApplication(outcome.Value);
    }

    [HttpGet("applications/{id:int}")]
    public async Task<IActionResult> Application(int id, string? notice, CancellationToken ct)
    {
        var page = await PageAsync(id, null, ct);
        if (page is null)
        {
            return NotFound();
        }
        // Only the known notices, and "received" only for an application that has a receipt: the receipt number in
        // the notice comes from the application, not from the address.
        if (notice is not null && (ReceivedNotices.Contains(notice) ? page.Application.ReceiptNumber is not null : RefusalNotices.Contains(notice)))
        {
            ViewData["Notice"] = Text[notice, page.Application.ReceiptNumber ?? ""].Value;
        }
        return View(page);
    }

    /// <summary>The autosave: the expense lines as typed, answered with the amount the server computes.</summary>
    [HttpPost("applications/{id:int}/autosave")]
    public Task<IActionResult> Autosave(int id, ExpensesForm form, CancellationToken ct) =>
        ChangeAsync(async companyId => await AutosavedAsync(
            await subsidies.SaveDraftAsync(id, companyId, form.Items.Select(i => i.ToInput()).ToList(), form.Version, ct),
            saved => new
            {
                version = saved.Version,
                eligible = Money.Yen(saved.EligibleExpensesYen),
                amount = Money.Yen(saved.RequestedYen),
                message = Text["Scheme.AutosavedAt", JapanTime.ToJapan(saved.DraftSavedAt ?? clock.GetUtcNow().UtcDateTime).ToString("H:mm", CultureInfo.InvariantCulture)].Value,
            },
            errors => Task.FromResult(errors.Select(e => Text[e.Code, [.. e.Args ?? []]].Value))), ct);

    [HttpPost("applications/{id:int}/save")]
    public Task<IActionResult> Save(int id, ExpensesForm form, CancellationToken ct) =>
        ChangeAsync(async companyId =>
        {
            var outcome = await subsidies.SaveDraftAsync(id, companyId, form.Items.Select(i => i.ToInput()).ToList(), form.Version, ct);
            return await AnsweredAsync(outcome, "Subsidy.Saved", () => ToApplication(id), () => RefusedAsync(id, outcome.Errors, form.Items, ct));
        }, ct);

    /// <summary>
    /// 入力内容を確認する: saves the lines as typed (refused lines come back on the form with their reasons), then
    /// shows the check-your-answers page from which the application is sent.
    /// </summary>
    [HttpPost("applications/{id:int}/review")]
    public Task<IActionResult> Review(int id, ExpensesForm form, CancellationToken ct) =>
        ChangeAsync(async companyId =>
        {
            var outcome = await subsidies.SaveDraftAsync(id, companyId, form.Items.Select(i => i.ToInput()).ToList(), form.Version, ct);
            switch (outcome.Status)
            {
                case OutcomeStatus.NotFound:
                    return NotFound();
                case OutcomeStatus.Invalid:
                    return await RefusedAsync(id, outcome.Errors, form.Items, ct);
                case OutcomeStatus.Conflict:
                    Notice(outcome.Errors[0].Code);
                    return ToApplication(id);
            }
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/company/subsidies/applications/{id}/review"));
        }, ct);

    /// <summary>The check-your-answers page: expenses, amounts, documents and the eligibility the company declares, with the button that sends.</summary>
    [HttpGet("applications/{id:int}/review")]
    public async Task<IActionResult> Review(int id, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(ct);
        var application = company is null ? null : await subsidies.FindAsync(id, company.Id, ct);
        if (application is null)
        {
            return NotFound();
        }
        if (!SubsidyRules.Can(application.Status, SubsidyAction.Submit) && application.Status != ApplicationStatus.Returned)
        {
            return ToApplication(id);
        }
        var eligibility = await subsidies.EligibilityAsync(application.WindowId, company!, ct);
        var prerequisite = application.Window!.PrerequisiteSchemeCode is { } code ? await schemes.SchemeAsync(code, ct) : null;
        return View(new ReviewPage(application, eligibility?.Checks ?? [], prerequisite?.Name(CultureInfo.CurrentUICulture)));
    }

    /// <summary>Saves the lines posted with it, then submits. A second submission returns the first receipt.</summary>
    [HttpPost("applications/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, ExpensesForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await OwnCompanyIdAsync(ct) is null ? NotFound() : BadRequest();
        }
        // The membership is checked by the query that reads the application (ADR 0056): another company's
        // application, or any application for a user without a company, is not found.
        // From the check-your-answers page no lines are posted: what was checked is sent, unless it changed since.
        var outcome = await subsidies.SubmitAsMemberAsync(id, UserId, form.Items.Select(i => i.ToInput()).ToList(), form.Version, Me, ct);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Ok:
                // The notice is named in the address, not kept in the TempData cookie (docs/adr/0058-submission-notice-in-the-address.md);
                // the receipt travels there too, so a client that does not follow the redirect knows it.
                var received = outcome.Value!.Status == ApplicationStatus.Waitlisted ? "Subsidy.WaitlistedNotice"
                    : outcome.Value.Status == ApplicationStatus.UnderReview ? "Subsidy.ResubmittedNotice"
                    : "Subsidy.ReceivedNotice";
                return ToApplication(id, outcome.Value.ReceiptNumber, received);
            case OutcomeStatus.Invalid:
                return await RefusedAsync(id, outcome.Errors, form.Items.Count > 0 ? form.Items : null, ct);
            default:
                var code = outcome.Errors[0].Code;
                if (RefusalNotices.Contains(code))
                {
                    return ToApplication(id, notice: code);
                }
                Notice(code);
                return ToApplication(id);
        }
    }

    /// <summary>The notices a submission leaves on the application's page through its address (<c>?notice=</c>): received ones…</summary>
    private static readonly FrozenSet<string> ReceivedNotices = FrozenSet.ToFrozenSet(
        ["Subsidy.ReceivedNotice", "Subsidy.WaitlistedNotice", "Subsidy.ResubmittedNotice"], StringComparer.Ordinal);

    /// <summary>…and refusals.</summary>
    private static readonly FrozenSet<string> RefusalNotices = FrozenSet.ToFrozenSet(
        ["Subsidy.BudgetExhausted", "Subsidy.WindowClosed", "Subsidy.WindowNotYetOpen", "Subsidy.NotAllowedNow", "Subsidy.ChangedElsewhere"], StringComparer.Ordinal);

    [HttpPost("applications/{id:int}/documents")]
    [RequestSizeLimit(12 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
    public async Task<IActionResult> Upload(int id, string? requirement, IFormFile? file, CancellationToken ct)
    {
        if (await OwnCompanyIdAsync(ct) is not { } companyId)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, [], null, ct);
        }
        if (file is null || file.Length == 0)
        {
            return await RefusedAsync(id, [new FieldError("File", "Subsidy.DocumentEmpty")], null, ct);
        }
        if (file.Length > DocumentContent.MaxBytes)
        {
            return await RefusedAsync(id, [new FieldError("File", "Subsidy.DocumentTooLarge")], null, ct);
        }
        await using var stream = file.OpenReadStream();
        var outcome = await subsidies.AddDocumentAsync(id, companyId, requirement ?? "", file.FileName, stream, Me, ct);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Ok:
                TempData["Notice"] = Text["Subsidy.DocumentAdded", outcome.Value!.FileName].Value;
                return ToApplication(id);
            case OutcomeStatus.Invalid:
                return await RefusedAsync(id, outcome.Errors, null, ct);
            default:
                Notice(outcome.Errors[0].Code);
                return ToApplication(id);
        }
    }

    [HttpGet("applications/{id:int}/documents/{documentId:int}")]
    public async Task<IActionResult> Document(int id, int documentId, CancellationToken ct)
    {
        var opened = await OwnCompanyIdAsync(ct) is { } companyId ? await subsidies.OpenDocumentAsync(id, documentId, companyId, ct) : null;
        return opened is { } d ? File(d.Content, d.Document.ContentType, d.Document.FileName) : NotFound();
    }

    [HttpPost("applications/{id:int}/documents/{documentId:int}/remove")]
    public async Task<IActionResult> RemoveDocument(int id, int documentId, CancellationToken ct)
    {
        var outcome = await OwnCompanyIdAsync(ct) is { } companyId ? await subsidies.RemoveDocumentAsync(id, documentId, companyId, ct) : Outcome<int>.NotFound();
        return await AnsweredAsync(outcome, "Subsidy.DocumentRemoved", () => ToApplication(id));
    }

    [HttpPost("applications/{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, Guid version, CancellationToken ct) =>
        ChangeAsync(async companyId =>
            await AnsweredAsync(await subsidies.WithdrawAsync(id, companyId, version, Me, ct), "Subsidy.WithdrawnNotice", () => ToApplication(id)), ct);

    [HttpPost("applications/{id:int}/report")]
    public async Task<IActionResult> Report(int id, string? reportText, Guid version, CancellationToken ct)
    {
        if (await OwnCompanyIdAsync(ct) is not { } companyId)
        {
            return NotFound();
        }
        var outcome = ModelState.IsValid ? await subsidies.ReportAsync(id, companyId, reportText, version, Me, ct) : Outcome<SubsidyApplication>.Invalid([]);
        return await AnsweredAsync(outcome, "Subsidy.ReportedNotice", () => ToApplication(id), () =>
        {
            ViewData["ReportText"] = reportText;
            return RefusedAsync(id, outcome.Errors, null, ct);
        });
    }

    private async Task<IActionResult> RefusedAsync(int id, IReadOnlyList<FieldError> errors, List<ExpenseLine>? posted, CancellationToken ct)
    {
        var page = await PageAsync(id, posted, ct);
        if (page is null)
        {
            return NotFound();
        }
        foreach (var error in errors)
        {
            var args = (error.Args ?? []).Select(a => error.Code == "Subsidy.DocumentMissing"
                ? page.Application.Window!.RequiredDocuments.FirstOrDefault(d => d.Code == a)?.Label(CultureInfo.CurrentUICulture) ?? a : a);
            ModelState.AddModelError(error.Field, Text[error.Code, [.. args]]);
        }
        return Refused(nameof(Application), page);
    }

    private async Task<ApplicationPage?> PageAsync(int id, List<ExpenseLine>? posted, CancellationToken ct)
    {
        var application = await FindOwnAsync(companyId => subsidies.FindAsync(id, companyId, ct), ct);
        if (application is null)
        {
            return null;
        }
        var lines = posted ?? application.Expenses.Select(e => new ExpenseLine
        {
            Description = e.Description, Quantity = e.Quantity.ToString(CultureInfo.InvariantCulture), UnitPrice = e.UnitPriceYen.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        // Two empty rows after the last line typed, at least the form's rows, and never fewer rows than the page
        // that was posted had: a refused form comes back exactly as it was sent.
        var filled = lines.FindLastIndex(l => !string.IsNullOrWhiteSpace(l.Description) || !string.IsNullOrWhiteSpace(l.Quantity) || !string.IsNullOrWhiteSpace(l.UnitPrice)) + 1;
        var rows = Math.Min(SubsidyRules.MaxItems, Math.Max(Math.Max(FormRows, posted?.Count ?? 0), filled + 2));
        while (lines.Count < rows)
        {
            lines.Add(new ExpenseLine());
        }
        return new ApplicationPage(application, application.Window!.StateAt(clock.GetUtcNow().UtcDateTime), lines);
    }
}
