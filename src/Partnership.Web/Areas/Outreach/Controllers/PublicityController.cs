using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Documents;
using Partnership.Core.Outreach;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Outreach.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// Publicity requests (周知依頼 → 掲載): Metro officials ask and see their own requests with every publication;
/// chamber staff see every request, accept or decline it and record publications (each one outreach activity).
/// </summary>
[Area("Outreach")]
[Authorize(Policy = Policies.ReadOutreach)]
[Route("/outreach/publicity")]
public sealed class PublicityController(PublicityService publicity, OutreachChoices choices, ChamberStaff staff, IStringLocalizer<SharedResource> t) : OutreachFormsController(t)
{
    private static readonly IReadOnlyDictionary<string, (string Label, int Max)> PublicityFields = new Dictionary<string, (string, int)>
    {
        ["MeasureId"] = ("Field.Measure", 0),
        ["Title"] = ("Field.PublicityTitle", PublicityRequest.TitleMaxLength),
        ["Reason"] = ("Field.PublicityReason", PublicityRequest.TextMaxLength),
        ["WishedFrom"] = ("Field.WishedFrom", 0),
        ["WishedTo"] = ("Field.WishedTo", 0),
        ["WishedChannels"] = ("Field.WishedChannels", 0),
        ["Date"] = ("Field.ActivityDate", 0),
        ["Channel"] = ("Field.Channel", 0),
        ["Issue"] = ("Field.Issue", 100),
        ["Reach"] = ("Field.Reach", 0),
        ["BranchCode"] = ("Field.ActivityBranch", 0),
        ["Files"] = ("Field.Attachments", 0),
    };

    /// <summary>A few files of up to 10 MB each, and the form around them.</summary>
    private const long UploadLimit = (PublicityAttachment.MaxPerRequest + 1) * DocumentContent.MaxBytes;

    protected override IReadOnlyDictionary<string, (string Label, int Max)> Fields => PublicityFields;

    private bool IsChamber => User.IsInRole(Roles.ChamberStaff);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await ListAsync(new PublicityFormModel(), ct));

    [HttpPost("")]
    [Authorize(Policy = Policies.MetroOfficial)]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public Task<IActionResult> Ask(PublicityFormModel form, List<IFormFile>? files, CancellationToken ct) =>
        PostedAsync(() => publicity.RequestAsync(form.ToInput(), UserId, Uploads(files), form.SubmissionKey, ct), "Publicity.Requested", id => $"/outreach/publicity/{id}",
            async () => View("Index", await ListAsync(form, ct)));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var model = await DetailsAsync(id, new PublicationFormModel(), ct);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>More material for an open request, by the official who asked.</summary>
    [HttpPost("{id:int}/attachments")]
    [Authorize(Policy = Policies.MetroOfficial)]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Attach(int id, List<IFormFile>? files, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await publicity.AttachAsync(id, Uploads(files), UserId, ct) : Outcome<int>.Invalid("Files", "Publicity.Attachment.None");
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            TempData["Notice"] = Text["Publicity.Attachment.Added", outcome.Value].Value;
            return Redirect($"/outreach/publicity/{id}");
        }
        AddErrors(outcome.Errors);
        var model = await DetailsAsync(id, new PublicationFormModel(), ct);
        if (model is null)
        {
            return NotFound();
        }
        Response.StatusCode = outcome.Status == OutcomeStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View("Details", model);
    }

    /// <summary>
    /// Downloads attached material: always as an attachment (never shown inline), under its checked name (RFC 5987
    /// <c>filename*</c> for Japanese names), with its sniffed type. Officials reach only their own requests' material.
    /// </summary>
    [HttpGet("{id:int}/attachments/{attachmentId:int}")]
    [Authorize(Policy = Policies.ReadPublicityMaterial)]
    public async Task<IActionResult> Attachment(int id, int attachmentId, CancellationToken ct)
    {
        var opened = await publicity.OpenAttachmentAsync(id, attachmentId, IsChamber ? null : UserId, ct);
        return opened is { } a ? File(a.Content, a.Attachment.ContentType, a.Attachment.FileName) : NotFound();
    }

    [HttpPost("{id:int}/accept")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public Task<IActionResult> Accept(int id, CancellationToken ct) => AnswerAsync(id, true, null, ct);

    [HttpPost("{id:int}/decline")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public Task<IActionResult> Decline(int id, string? reason, CancellationToken ct) => AnswerAsync(id, false, reason, ct);

    [HttpPost("{id:int}/publications")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Publish(int id, PublicationFormModel form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await publicity.PublishAsync(id, form.ToInput(), UserId, ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = Text["Publicity.Published"].Value;
                return Redirect($"/outreach/publicity/{id}");
            }
            AddErrors(outcome.Errors);
        }
        var model = await DetailsAsync(id, form, ct);
        if (model is null)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Details", model);
    }

    private async Task<IActionResult> AnswerAsync(int id, bool accept, string? reason, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return NotFound();
        }
        var outcome = await publicity.AnswerAsync(id, accept, reason, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            TempData["Notice"] = Text[accept ? "Publicity.Accepted" : "Publicity.Declined"].Value;
            return Redirect($"/outreach/publicity/{id}");
        }
        AddErrors(outcome.Errors);
        var model = await DetailsAsync(id, new PublicationFormModel(), ct);
        Response.StatusCode = outcome.Status == OutcomeStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View("Details", model!);
    }

    private static List<UploadedFile> Uploads(List<IFormFile>? files) =>
        (files ?? []).Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();

    private async Task<PublicityListViewModel> ListAsync(PublicityFormModel form, CancellationToken ct)
    {
        var rows = await publicity.ListAsync(IsChamber ? null : UserId, ct);
        var measures = await choices.MeasuresAsync(MeasureSide.Metro, ct);
        return new PublicityListViewModel(rows, form, measures, User.IsInRole(Roles.MetroOfficial));
    }

    private async Task<PublicityDetailsViewModel?> DetailsAsync(int id, PublicationFormModel form, CancellationToken ct)
    {
        var request = await publicity.FindAsync(id, ct);
        if (request is null || (!IsChamber && request.RequestedByUserId != UserId))
        {
            return null;
        }
        var publications = await publicity.PublicationsAsync(id, ct);
        var branches = await choices.BranchesAsync(ct);
        if (form.BranchCode is null && IsChamber)
        {
            form.BranchCode = await staff.BranchOfAsync(UserId, ct);
        }
        return new PublicityDetailsViewModel(request, publications, form, branches, IsChamber, request.RequestedByUserId == UserId);
    }
}
