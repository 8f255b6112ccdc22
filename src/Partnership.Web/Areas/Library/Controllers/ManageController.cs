using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Documents;
using Partnership.Core.Common;
using Partnership.Core.Library;
using Partnership.Core.Outreach;
using Partnership.Web.Areas.Library.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Library.Controllers;

/// <summary>
/// Metro officials keep the library (docs/adr/0085-officials-edit-plan-services-and-library.md): create and edit entries
/// (drafts until published), publish and withdraw them, attach files checked by their content.
/// </summary>
[Area("Library")]
[Authorize(Policy = Policies.ManageCatalog)]
[Route("/library/manage")]
public sealed class ManageController(LibraryEditor editor, IStringLocalizer<SharedResource> t) : Controller
{
    private const long UploadLimit = (Partnership.Core.Documents.DocumentContent.MaxBytes * LibraryAttachment.MaxPerArticle) + (1024 * 1024);

    private static readonly Dictionary<string, (string Label, int Max)> Fields = new()
    {
        ["Code"] = ("Library.Edit.Code", LibraryArticle.CodeMaxLength),
        ["MeasureKey"] = ("Library.Edit.Measure", 0),
        ["Kind"] = ("Library.Edit.Kind", 0),
        ["TitleJa"] = ("Field.TitleJa", LibraryArticle.TitleMaxLength),
        ["TitleEn"] = ("Field.TitleEn", LibraryArticle.TitleMaxLength),
        ["SummaryJa"] = ("Library.Edit.SummaryJa", LibraryArticle.SummaryMaxLength),
        ["SummaryEn"] = ("Library.Edit.SummaryEn", LibraryArticle.SummaryMaxLength),
        ["BodyJa"] = ("Library.Edit.BodyJa", LibraryArticle.BodyMaxLength),
        ["BodyEn"] = ("Library.Edit.BodyEn", LibraryArticle.BodyMaxLength),
        ["PublishedOn"] = ("Library.Edit.PublishedOn", 0),
    };

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await editor.AllAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("Edit", new ArticleEditViewModel(null, new ArticleFormModel { Kind = ArticleKind.Article }, await editor.MeasureChoicesAsync(ct)));

    [HttpPost("new")]
    public async Task<IActionResult> New(ArticleFormModel form, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await editor.CreateAsync(form.ToInput(), ct) : Refusal<int>(form);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["Library.Edit.Created"].Value;
            return RedirectToAction(nameof(Edit), new { id = outcome.Value });
        }
        ServiceErrors.Add(ModelState, t, outcome.Errors, Fields);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new ArticleEditViewModel(null, form, await editor.MeasureChoicesAsync(ct)));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var article = await editor.FindAsync(id, ct);
        return article is null ? NotFound() : View(new ArticleEditViewModel(article, ArticleFormModel.From(article), await editor.MeasureChoicesAsync(ct)));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ArticleFormModel form, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await editor.UpdateAsync(id, form.ToInput(), form.Version, ct) : Refusal<Guid>(form);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["Library.Edit.Saved"].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }
        ServiceErrors.Add(ModelState, t, outcome.Errors, Fields);
        Response.StatusCode = outcome.Status == OutcomeStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var article = await editor.FindAsync(id, ct);
        if (article is null)
        {
            return NotFound();
        }
        form.Code = article.Code;
        if (outcome.Status == OutcomeStatus.Conflict)
        {
            // The official's text stays in the form; saving again replaces what is there now, knowingly.
            form.Version = article.Version;
        }
        return View(new ArticleEditViewModel(article, form, await editor.MeasureChoicesAsync(ct)));
    }

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id, CancellationToken ct) => SetPublishedAsync(id, true, ct);

    [HttpPost("{id:int}/unpublish")]
    public Task<IActionResult> Unpublish(int id, CancellationToken ct) => SetPublishedAsync(id, false, ct);

    [HttpPost("{id:int}/attachments")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Attach(int id, List<IFormFile>? files, CancellationToken ct)
    {
        var uploads = (files ?? []).Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
        var outcome = await editor.AddAttachmentsAsync(id, uploads, UserId, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["Library.Attachment.Added", outcome.Value].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }
        ServiceErrors.Add(ModelState, t, outcome.Errors, Fields);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var article = (await editor.FindAsync(id, ct))!;
        return View(nameof(Edit), new ArticleEditViewModel(article, ArticleFormModel.From(article), await editor.MeasureChoicesAsync(ct)));
    }

    [HttpPost("{id:int}/attachments/{attachmentId:int}/remove")]
    public async Task<IActionResult> RemoveAttachment(int id, int attachmentId, CancellationToken ct)
    {
        if (await editor.FindAsync(id, ct) is null)
        {
            return NotFound();
        }
        // An attachment already removed (a second click) leaves the same result.
        var outcome = await editor.RemoveAttachmentAsync(id, attachmentId, ct);
        TempData["Notice"] = t[outcome.Succeeded ? "Library.Attachment.Removed" : "Library.Attachment.Gone"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// A field that did not bind (a date that is not one, a tampered version or kind) is refused with its own message;
    /// the service is not called, so nothing is saved.
    /// </summary>
    private Outcome<T> Refusal<T>(ArticleFormModel form)
    {
        var fields = ModelState.Where(kv => kv.Value?.Errors.Count > 0).Select(kv => kv.Key).ToList();
        ModelState.Clear();
        return Outcome<T>.Invalid(fields.Select(f => new FieldError(Fields.ContainsKey(f) ? f : "", Fields.ContainsKey(f) ? "Validation.Invalid" : "Form.Resend")).ToList());
    }

    private async Task<IActionResult> SetPublishedAsync(int id, bool publish, CancellationToken ct)
    {
        var outcome = await editor.SetPublishedAsync(id, publish, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = t[publish ? "Library.Edit.PublishedNotice" : "Library.Edit.UnpublishedNotice"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }
}
