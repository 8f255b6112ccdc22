using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Members;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Members;
using Partnership.Infrastructure.Spreadsheets;
using Partnership.Web.Areas.Outreach.Models;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// The Chamber's member roster (会員名簿): chamber staff read it and import it whole from .xlsx or CSV
/// (docs/adr/0069-member-roster.md). Companies and Metro officials never see it.
/// </summary>
[Area("Outreach")]
[Authorize(Policy = Policies.ChamberStaff)]
[Route("/outreach/roster")]
public sealed class RosterController(
    MemberRosterService roster, MemberMatchService matches, ChamberStaff staff, ISpreadsheetReader spreadsheets, IStringLocalizer<SharedResource> t) : Controller
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? branch, CancellationToken ct)
    {
        var query = roster.Query(branch, await staff.MemberScopeAsync(User, ct));
        var rows = await query.OrderBy(m => m.Status).ThenBy(m => m.MemberNumber).Take(PageSize)
            .Select(m => new RosterRowView(m.MemberNumber, m.CorporateNumber, m.Name, m.NameKana, m.BranchCode, m.JoinedOn, m.Status, m.LeftOn, m.Id, m.MatchedCompanyId != null))
            .ToListAsync(ct);
        var current = await query.Current().CountAsync(ct);
        var left = await query.CountAsync(m => m.Status == RosterStatus.Left, ct);
        return View(new RosterIndexViewModel(rows, current, left, branch));
    }

    /// <summary>
    /// The match by hand of a member without a 法人番号 (docs/adr/0087): <paramref name="q"/> searches the registered
    /// companies by name or reading; the entry must be one the user sees, else 404.
    /// </summary>
    [HttpGet("{id:int}/match")]
    public async Task<IActionResult> Match(int id, string? q, CancellationToken ct)
    {
        var entry = await matches.EntryAsync(id, await staff.MemberScopeAsync(User, ct), ct);
        return entry is null ? NotFound() : View(new RosterMatchViewModel(entry, q, await matches.CandidatesAsync(q, ct), null));
    }

    /// <summary>Confirms the match: the company becomes a verified member and the member's referrals attach to it.</summary>
    [HttpPost("{id:int}/match")]
    public async Task<IActionResult> Match(int id, string? q, int? companyId, CancellationToken ct)
    {
        var scope = await staff.MemberScopeAsync(User, ct);
        var outcome = ModelState.IsValid ? await matches.MatchAsync(id, companyId, scope, ct) : Outcome<int>.Invalid("CompanyId", "Roster.Match.ChooseCompany");
        if (outcome.Status == OutcomeStatus.NotFound || await matches.EntryAsync(id, scope, ct) is not { } entry)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["Roster.Match.Done", entry.Name, entry.MatchedCompanyName ?? ""].Value;
            return Redirect("/outreach/roster");
        }
        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(error.Field) ? "CompanyId" : error.Field, t[error.Code]);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new RosterMatchViewModel(entry, q, await matches.CandidatesAsync(q, ct), companyId));
    }

    /// <summary>
    /// The confirmation of undoing a match by hand (docs/adr/0087): who was matched to whom and what happens to the
    /// member's referrals. An entry not matched goes back to its match page; one the user does not see is not found.
    /// </summary>
    [HttpGet("{id:int}/unmatch")]
    public async Task<IActionResult> Unmatch(int id, CancellationToken ct)
    {
        var scope = await staff.MemberScopeAsync(User, ct);
        if (await matches.MatchToUndoAsync(id, scope, ct) is { } match)
        {
            return View(match);
        }
        return await matches.EntryAsync(id, scope, ct) is null ? NotFound() : Redirect($"/outreach/roster/{id}/match");
    }

    /// <summary>Undoes the match confirmed (<paramref name="companyId"/>): the company is no longer a verified member and the waiting referrals detach.</summary>
    [HttpPost("{id:int}/unmatch")]
    public async Task<IActionResult> Unmatch(int id, int? companyId, CancellationToken ct)
    {
        var scope = await staff.MemberScopeAsync(User, ct);
        var before = await matches.MatchToUndoAsync(id, scope, ct);
        var outcome = before is null ? Outcome<int>.NotFound() : await matches.UnmatchAsync(id, companyId, scope, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            if (await matches.EntryAsync(id, scope, ct) is null)
            {
                return NotFound();
            }
            TempData["Notice"] = t["Roster.Unmatch.NotMatched"].Value;
            return Redirect($"/outreach/roster/{id}/match");
        }
        if (!outcome.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddModelError("", t[outcome.Errors[0].Code]);
            return View(await matches.MatchToUndoAsync(id, scope, ct) ?? before);
        }
        TempData["Notice"] = t["Roster.Unmatch.Done", before!.Name, before.CompanyName].Value;
        return Redirect($"/outreach/roster/{id}/match");
    }

    [HttpGet("import")]
    public IActionResult Import() => View(new RosterImportViewModel([], null, null));

    /// <summary>Imports the whole roster: every row checked first; with any error nothing is saved and the report lists them (422).</summary>
    [HttpPost("import")]
    [RequestSizeLimit(40 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 40 * 1024 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken ct)
    {
        if (!ModelState.IsValid || file is null || file.Length == 0)
        {
            return Refused("Spreadsheet.FileEmpty", []);
        }
        if (file.Length > RosterSpreadsheet.MaxBytes)
        {
            return Refused("Spreadsheet.FileTooLarge", [(RosterSpreadsheet.MaxBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture)]);
        }
        await using var stream = file.OpenReadStream();
        var read = RosterSpreadsheet.Read(spreadsheets, stream, file.FileName);
        if (!read.Succeeded)
        {
            return Refused(read.Errors[0].Code, read.Errors[0].Args ?? []);
        }
        var result = await roster.ImportAsync(read.Value!, ct);
        if (result.Refused)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return View(new RosterImportViewModel(result.Errors, null, result));
    }

    [HttpGet("import/template.csv")]
    public IActionResult TemplateCsv() => File(RosterSpreadsheet.CsvTemplate(), SpreadsheetFiles.CsvContentType, "roster-template.csv");

    [HttpGet("import/template.xlsx")]
    public IActionResult TemplateXlsx() => File(RosterSpreadsheet.XlsxTemplate(), SpreadsheetFiles.XlsxContentType, "roster-template.xlsx");

    private ViewResult Refused(string code, IReadOnlyList<string> args)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Import", new RosterImportViewModel([], t[code, [.. args]].Value, null));
    }
}
