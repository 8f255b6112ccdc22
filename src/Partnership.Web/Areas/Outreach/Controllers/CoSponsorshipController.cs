using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Web.Areas.Outreach.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// Co-sponsorship and co-hosting (後援・共催): Metro officials ask and see their own requests; chamber staff see all
/// and approve with conditions or decline with a reason; afterwards either side records the result.
/// </summary>
[Area("Outreach")]
[Authorize(Policy = Policies.ReadOutreach)]
[Route("/outreach/cosponsorship")]
public sealed class CoSponsorshipController(CoSponsorshipService cosponsorship, OutreachChoices choices, IStringLocalizer<SharedResource> t) : OutreachFormsController(t)
{
    private static readonly IReadOnlyDictionary<string, (string Label, int Max)> CoSponsorshipFields = new Dictionary<string, (string, int)>
    {
        ["Kind"] = ("Field.CoSponsorKind", 0),
        ["MeasureId"] = ("Field.Measure", 0),
        ["EventTitle"] = ("Field.CoEventTitle", CoSponsorshipRequest.TitleMaxLength),
        ["EventDate"] = ("Field.CoEventDate", 0),
        ["Venue"] = ("Field.Venue", CoSponsorshipRequest.TitleMaxLength),
        ["Description"] = ("Field.CoDescription", CoSponsorshipRequest.TextMaxLength),
        ["Answer"] = ("Field.CoAnswer", CoSponsorshipRequest.TextMaxLength),
        ["Participants"] = ("Field.Participants", 0),
        ["MemberParticipants"] = ("Field.MemberParticipants", 0),
    };

    protected override IReadOnlyDictionary<string, (string Label, int Max)> Fields => CoSponsorshipFields;

    private bool IsChamber => User.IsInRole(Roles.ChamberStaff);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await ListAsync(new CoSponsorshipFormModel(), ct));

    [HttpPost("")]
    [Authorize(Policy = Policies.MetroOfficial)]
    public Task<IActionResult> Ask(CoSponsorshipFormModel form, CancellationToken ct) =>
        PostedAsync(() => cosponsorship.RequestAsync(form.ToInput(), UserId, ct), "CoSponsor.Requested", id => $"/outreach/cosponsorship/{id}",
            async () => View("Index", await ListAsync(form, ct)));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var model = await DetailsAsync(id, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/approve")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public Task<IActionResult> Approve(int id, string? answer, CancellationToken ct) => AnswerAsync(id, true, answer, ct);

    [HttpPost("{id:int}/decline")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public Task<IActionResult> Decline(int id, string? answer, CancellationToken ct) => AnswerAsync(id, false, answer, ct);

    [HttpPost("{id:int}/result")]
    public async Task<IActionResult> Result(int id, int? participants, int? memberParticipants, CancellationToken ct)
    {
        var model = await DetailsAsync(id, ct);
        if (model is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await cosponsorship.RecordResultAsync(id, participants, memberParticipants, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = Text["CoSponsor.ResultSaved"].Value;
                return Redirect($"/outreach/cosponsorship/{id}");
            }
            AddErrors(outcome.Errors);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Details", model);
    }

    private async Task<IActionResult> AnswerAsync(int id, bool approve, string? answer, CancellationToken ct)
    {
        var model = await DetailsAsync(id, ct);
        if (model is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await cosponsorship.AnswerAsync(id, approve, answer, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = Text[approve ? "CoSponsor.Approved" : "CoSponsor.Declined"].Value;
                return Redirect($"/outreach/cosponsorship/{id}");
            }
            AddErrors(outcome.Errors);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Details", model);
    }

    private async Task<CoSponsorshipListViewModel> ListAsync(CoSponsorshipFormModel form, CancellationToken ct)
    {
        var rows = await cosponsorship.ListAsync(IsChamber ? null : UserId, ct);
        var measures = await choices.MeasuresAsync(MeasureSide.Metro, ct);
        return new CoSponsorshipListViewModel(rows, form, measures, User.IsInRole(Roles.MetroOfficial));
    }

    private async Task<CoSponsorshipDetailsViewModel?> DetailsAsync(int id, CancellationToken ct)
    {
        var request = await cosponsorship.FindAsync(id, ct);
        if (request is null || (!IsChamber && request.RequestedByUserId != UserId))
        {
            return null;
        }
        return new CoSponsorshipDetailsViewModel(request, IsChamber, request.Status == CoSponsorStatus.Approved);
    }
}
