using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Outreach;
using Partnership.Infrastructure.Spreadsheets;
using Partnership.Web.Areas.Outreach.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// The chamber's outreach activity log (周知啓発活動): chamber staff log, change and delete their own activities and
/// import them in bulk; chamber staff and Metro officials read the list with its totals and export it as CSV.
/// </summary>
[Area("Outreach")]
[Authorize(Policy = Policies.ReadOutreach)]
[Route("/outreach")]
public sealed class ActivitiesController(
    OutreachService outreach, OutreachChoices choices, ChamberStaff staff, IAuthorizationService authorization, IStringLocalizer<SharedResource> t,
    ISpreadsheetReader spreadsheets, TimeProvider clock) : ChamberRecordsController<OutreachActivity>(staff, authorization, t)
{
    private const int PageSize = 200;
    private const int ExportLimit = 100_000;

    private static readonly IReadOnlyDictionary<string, (string Label, int Max)> ActivityFields = new Dictionary<string, (string, int)>
    {
        ["Date"] = ("Field.ActivityDate", 0),
        ["Channel"] = ("Field.Channel", 0),
        ["MeasureIds"] = ("Field.Measures", 0),
        ["BranchCode"] = ("Field.ActivityBranch", 0),
        ["Reach"] = ("Field.Reach", 0),
        ["CompanyIds"] = ("Field.MemberCompanies", 0),
        ["Note"] = ("Field.Note", OutreachActivity.NoteMaxLength),
    };

    private static readonly string[] ExportHeader =
        ["Field.ActivityDate", "Field.Channel", "Field.Measures", "Field.ActivityBranch", "Field.Reach", "Field.MemberCompanies", "Field.Note"];

    protected override IReadOnlyDictionary<string, (string Label, int Max)> Fields => ActivityFields;

    protected override ChamberRecord OwnerOf(OutreachActivity record) => new(record.LoggedByUserId, record.BranchCode);

    /// <summary>A refused activity form answers 200, as it always has (the support case form answers 422; ADR 0094).</summary>
    protected override int RefusedStatus => StatusCodes.Status200OK;

    [HttpGet("")]
    public async Task<IActionResult> Index(DateOnly? from, DateOnly? to, OutreachChannel? channel, [FromQuery(Name = "area")] string? areaCode, int? measure, string? branch, CancellationToken ct)
    {
        var editor = await EditorAsync(ct);
        // A branch manager's list opens on their branch; any filter (an empty branch for "all branches") overrides it.
        if (editor is { IsBranchManager: true, BranchCode: { } managed } && Request.Query.Count == 0)
        {
            branch = managed;
        }
        var filter = new ActivityFilter(from, to, channel is { } c && Enum.IsDefined(c) ? c : null, areaCode, measure, branch);
        var rows = await outreach.RowsAsync(filter, PageSize, ct);
        var totals = await outreach.TotalsAsync(filter, ct);
        var measures = await choices.MeasuresAsync([], ct);
        var areas = await choices.AreasAsync(ct);
        var branches = await choices.BranchesAsync(ct);
        return View(new ActivityListViewModel(filter, rows, totals, rows.Count, areas, measures, branches, editor,
            Request.QueryString.Value ?? (filter.BranchCode is null ? "" : "?branch=" + Uri.EscapeDataString(filter.BranchCode))));
    }

    /// <summary>The same list as CSV (UTF-8 with BOM, so Excel reads the Japanese), up to 100,000 rows.</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(DateOnly? from, DateOnly? to, OutreachChannel? channel, [FromQuery(Name = "area")] string? areaCode, int? measure, string? branch, CancellationToken ct)
    {
        var filter = new ActivityFilter(from, to, channel is { } c && Enum.IsDefined(c) ? c : null, areaCode, measure, branch);
        var rows = await outreach.RowsAsync(filter, ExportLimit, ct);
        return new CsvDownload("outreach.csv", [.. ExportHeader.Select(h => Text[h].Value)], rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Text[$"Outreach.Channel.{r.Channel}"].Value,
            string.Join(" / ", Languages.IsJapanese ? r.MeasureTitlesJa : r.MeasureTitlesEn),
            r.BranchCode,
            r.Reach,
            r.Companies,
            r.Note,
        ]));
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        return View("Form", await FormAsync(new ActivityFormModel { BranchCode = await Staff.BranchOfAsync(UserId, ct) }, null, [], ct));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> New(ActivityFormModel form, CancellationToken ct)
    {
        AddRuleErrorsNotYetShown(form);
        return await PostedAsync(async () => await outreach.LogAsync(form.ToInput() with { Scope = await Staff.MemberScopeAsync(User, ct) }, UserId, ct),
            "Outreach.Logged", _ => "/outreach", async () => View("Form", await FormAsync(form, null, [], ct)));
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await WhenMayChangeAsync(await outreach.FindAsync(id, ct), async activity =>
            View("Form", await FormAsync(ActivityFormModel.From(activity), id, Saved(activity), ct)));

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Edit(int id, ActivityFormModel form, CancellationToken ct) =>
        await WhenMayChangeAsync(await outreach.FindAsync(id, ct), async activity =>
        {
            AddRuleErrorsNotYetShown(form);
            return await PostedAsync(async () => await outreach.UpdateAsync(id, form.ToInput(), form.Version, (await EditorAsync(ct))!, ct),
                "Outreach.Saved", _ => "/outreach", async () => View("Form", await FormAsync(form, id, Saved(activity), ct)), () => form.Version = activity.Version);
        });

    [HttpPost("{id:int}/delete")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Delete(int id, CancellationToken ct) =>
        await WhenMayChangeAsync(await outreach.FindAsync(id, ct), async _ =>
        {
            var outcome = await outreach.DeleteAsync(id, (await EditorAsync(ct))!, ct);
            if (!outcome.Succeeded)
            {
                return NotFound();
            }
            TempData["Notice"] = Text["Outreach.Deleted"].Value;
            return Redirect("/outreach");
        });

    [HttpGet("import")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public IActionResult Import() => View(new ImportViewModel([], null, null));

    /// <summary>
    /// Imports a CSV or .xlsx file: the whole file is checked first; with any error nothing is imported and the
    /// report lists every error by row (422). Rows imported before are not imported again.
    /// </summary>
    [HttpPost("import")]
    [Authorize(Policy = Policies.ChamberStaff)]
    [RequestSizeLimit(12 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken ct)
    {
        if (!ModelState.IsValid || file is null)
        {
            return Refused(file is null ? "Outreach.Import.FileEmpty" : "Outreach.Import.FileType");
        }
        if (file.Length > OutreachSpreadsheet.MaxBytes)
        {
            return Refused("Outreach.Import.FileTooLarge");
        }
        await using var stream = file.OpenReadStream();
        var read = OutreachSpreadsheet.Read(spreadsheets, stream, file.FileName);
        if (!read.Succeeded)
        {
            return Refused(read.Errors[0].Code, read.Errors[0].Args);
        }
        var result = await outreach.ImportAsync(read.Value!, UserId, ct);
        if (result.Refused)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return View(new ImportViewModel(result.Errors, null, result));
    }

    [HttpGet("import/template.csv")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public IActionResult TemplateCsv() => File(OutreachSpreadsheet.CsvTemplate(), SpreadsheetFiles.CsvContentType, "outreach-template.csv");

    [HttpGet("import/template.xlsx")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public IActionResult TemplateXlsx() =>
        File(OutreachSpreadsheet.XlsxTemplate(), SpreadsheetFiles.XlsxContentType, "outreach-template.xlsx");

    private ViewResult Refused(string code, IReadOnlyList<string>? args = null)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        object[] values = args is { Count: > 0 } ? [.. args] : [(OutreachSpreadsheet.MaxBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture)];
        return View("Import", new ImportViewModel([], Text[code, values].Value, null));
    }

    /// <summary>
    /// The form with its choices: the member companies the user sees (a branch manager's branch, docs/adr/0087) and those
    /// already on the saved activity (<paramref name="saved"/>); a company only sent in a refused post is not offered.
    /// </summary>
    private async Task<ActivityFormViewModel> FormAsync(ActivityFormModel form, int? id, IReadOnlyCollection<int> saved, CancellationToken ct) =>
        new(form, id, await choices.MeasuresAsync(form.MeasureIds, ct), await choices.BranchesAsync(ct),
            await choices.MembersAsync(saved, await Staff.MemberScopeAsync(User, ct), ct));

    private static List<int> Saved(OutreachActivity activity) => [.. activity.Companies.Select(c => c.CompanyId)];

    /// <summary>
    /// When the form is refused for what model binding found, the rules' other findings (no measure chosen, say) are
    /// shown at the same time, so the whole summary comes in one round rather than one more after each correction.
    /// </summary>
    private void AddRuleErrorsNotYetShown(ActivityFormModel form)
    {
        if (ModelState.IsValid)
        {
            return;
        }
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        AddErrors(OutreachRules.Check(form.ToInput(), today).Where(e => ModelState[e.Field] is not { Errors.Count: > 0 }).ToList());
    }
}
