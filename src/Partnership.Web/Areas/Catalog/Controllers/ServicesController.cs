using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.PlanServices;
using Partnership.Web.Areas.Catalog.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Catalog.Controllers;

/// <summary>
/// Metro officials edit what a measure offers (docs/adr/0085-officials-edit-plan-services-and-library.md): the links to
/// the services that serve it, chosen from the existing ones, and the offline note. The measure page and the open data
/// read the same rows, so they show a change at once.
/// </summary>
[Area("Catalog")]
[Authorize(Policy = Policies.ManageCatalog)]
[Route("/catalog/manage/measures/{id:int}/services")]
public sealed class ServicesController(CatalogService catalog, PlanServiceEditor editor, IStringLocalizer<SharedResource> t) : Controller
{
    private static readonly Dictionary<string, (string Label, int Max)> Fields = new()
    {
        ["Kind"] = ("PlanAdmin.Service", 0),
        ["Code"] = ("PlanAdmin.Service", 0),
        ["Service"] = ("PlanAdmin.Service", 0),
        ["NoteJa"] = ("PlanAdmin.NoteJa", MeasureOfflineNote.NoteMaxLength),
        ["NoteEn"] = ("PlanAdmin.NoteEn", MeasureOfflineNote.NoteMaxLength),
    };

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken ct)
    {
        var detail = await catalog.MeasureAsync(id, ct);
        if (detail is null)
        {
            return NotFound();
        }
        var note = await editor.NoteAsync(detail.Measure.Key, ct);
        return View(await PageAsync(detail, new NoteFormModel { NoteJa = note?.NoteJa, NoteEn = note?.NoteEn, Version = note?.Version }, ct));
    }

    [HttpPost("links")]
    public async Task<IActionResult> AddLink(int id, string? service, CancellationToken ct)
    {
        var detail = await catalog.MeasureAsync(id, ct);
        if (detail is null)
        {
            return NotFound();
        }
        var (kind, code) = ParseChoice(service);
        var outcome = await editor.AddLinkAsync(detail.Measure.Key, kind, code, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["PlanAdmin.LinkAdded"].Value;
            return RedirectToAction(nameof(Index), new { id });
        }
        ServiceErrors.Add(ModelState, t, outcome.Errors.Select(e => e with { Field = "Service" }), Fields);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var note = await editor.NoteAsync(detail.Measure.Key, ct);
        var page = await PageAsync(detail, new NoteFormModel { NoteJa = note?.NoteJa, NoteEn = note?.NoteEn, Version = note?.Version }, ct);
        return View(nameof(Index), page with { ChosenService = service });
    }

    [HttpPost("links/{linkId:int}/remove")]
    public async Task<IActionResult> RemoveLink(int id, int linkId, CancellationToken ct)
    {
        var detail = await catalog.MeasureAsync(id, ct);
        if (detail is null)
        {
            return NotFound();
        }
        // Removing a link that is already gone (a second click, another official) leaves the same result: no link.
        var outcome = await editor.RemoveLinkAsync(detail.Measure.Key, linkId, ct);
        TempData["Notice"] = t[outcome.Succeeded ? "PlanAdmin.LinkRemoved" : "PlanAdmin.LinkGone"].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    [HttpPost("note")]
    public async Task<IActionResult> SaveNote(int id, NoteFormModel form, CancellationToken ct)
    {
        var detail = await catalog.MeasureAsync(id, ct);
        if (detail is null)
        {
            return NotFound();
        }
        // A version that is not one (a tampered form) is refused before anything is compared or saved.
        var outcome = ModelState.IsValid
            ? await editor.SaveNoteAsync(detail.Measure.Key, form.NoteJa, form.NoteEn, form.Version, ct)
            : Outcome<bool>.Invalid("", "Form.Resend");
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t[outcome.Value ? "PlanAdmin.NoteSaved" : "PlanAdmin.NoteRemoved"].Value;
            return RedirectToAction(nameof(Index), new { id });
        }
        ModelState.Clear();
        ServiceErrors.Add(ModelState, t, outcome.Errors, Fields);
        Response.StatusCode = outcome.Status == OutcomeStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        if (outcome.Status == OutcomeStatus.Conflict)
        {
            // The official's text stays in the form; the version moves on to what is there now.
            form.Version = (await editor.NoteAsync(detail.Measure.Key, ct))?.Version;
        }
        return View(nameof(Index), await PageAsync(detail, form, ct));
    }

    /// <summary>"Kind:Code" as the list of services posts it.</summary>
    private static (ServiceKind? Kind, string? Code) ParseChoice(string? value)
    {
        var parts = (value ?? "").Split(':', 2);
        return parts.Length == 2 && Enum.TryParse<ServiceKind>(parts[0], out var kind) && Enum.IsDefined(kind)
            ? (kind, parts[1])
            : (null, null);
    }

    private async Task<MeasureServicesViewModel> PageAsync(MeasureDetail detail, NoteFormModel note, CancellationToken ct) =>
        new(detail, await editor.LinksAsync(detail.Measure.Key, ct), await editor.ChoicesAsync(ct), note, null);
}
