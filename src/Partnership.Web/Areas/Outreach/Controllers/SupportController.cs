using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Outreach.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// Support of member companies' own initiatives (会員企業が独自に行う取組の支援): the case log per member company and
/// overall with the follow-ups that are due. Chamber staff write (their own cases; a branch manager the branch's),
/// Metro officials read, companies reach none of it.
/// </summary>
[Area("Outreach")]
[Authorize(Policy = Policies.ReadOutreach)]
[Route("/outreach/support")]
public sealed class SupportController(
    MemberSupportService support, OutreachChoices choices, ChamberStaff staff, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : ChamberRecordsController<MemberSupportCase>(staff, authorization, t)
{
    private static readonly IReadOnlyDictionary<string, (string Label, int Max)> SupportFields = new Dictionary<string, (string, int)>
    {
        ["CompanyId"] = ("Field.MemberCompany", 0),
        ["Date"] = ("Field.SupportDate", 0),
        ["AreaCode"] = ("Outreach.Area", 0),
        ["BranchCode"] = ("Field.ActivityBranch", 0),
        ["Advice"] = ("Field.Advice", MemberSupportCase.AdviceMaxLength),
        ["FollowUpOn"] = ("Field.FollowUpOn", 0),
        ["FollowedUpOn"] = ("Field.FollowedUpOn", 0),
    };

    protected override IReadOnlyDictionary<string, (string Label, int Max)> Fields => SupportFields;

    protected override ChamberRecord OwnerOf(MemberSupportCase record) => new(record.RecordedByUserId, record.BranchCode);

    private DateOnly Today => DateOnly.FromDateTime(JapanTime.Today(clock));

    /// <summary>Every case, newest first, or only the follow-ups due (oldest due first).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(bool due, string? branch, CancellationToken ct)
    {
        var rows = await support.CasesAsync(due, branch, ct);
        var dueCount = await support.DueCountAsync(ct);
        return View(new SupportListViewModel(rows, null, due, branch, dueCount, await EditorAsync(ct), await choices.BranchesAsync(ct), await choices.AreasAsync(ct), Today));
    }

    /// <summary>One member company's cases.</summary>
    [HttpGet("companies/{companyId:int}")]
    public async Task<IActionResult> Company(int companyId, CancellationToken ct)
    {
        var company = await choices.MemberAsync(companyId, ct);
        if (company is null)
        {
            return NotFound();
        }
        var rows = await support.CasesOfAsync(companyId, ct);
        return View("Index", new SupportListViewModel(rows, company, false, null, await support.DueCountAsync(ct), await EditorAsync(ct),
            await choices.BranchesAsync(ct), await choices.AreasAsync(ct), Today));
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> New(int? companyId, CancellationToken ct)
    {
        var editor = await EditorAsync(ct);
        return View("Form", await FormAsync(new SupportCaseFormModel { CompanyId = companyId, BranchCode = editor?.BranchCode, Date = Today }, null, null, ct));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public Task<IActionResult> New(SupportCaseFormModel form, CancellationToken ct) =>
        PostedAsync(async () => await support.RecordAsync(form.ToInput(), (await EditorAsync(ct))!, form.SubmissionKey, ct), "Support.Recorded",
            _ => $"/outreach/support/companies/{form.CompanyId}", async () => View("Form", await FormAsync(form, null, null, ct)));

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await WhenMayChangeAsync(await support.FindAsync(id, ct), async supportCase =>
            View("Form", await FormAsync(SupportCaseFormModel.From(supportCase), id, supportCase.CompanyId, ct)));

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Edit(int id, SupportCaseFormModel form, CancellationToken ct) =>
        await WhenMayChangeAsync(await support.FindAsync(id, ct), async supportCase =>
        {
            form.CompanyId = supportCase.CompanyId;
            return await PostedAsync(async () => await support.UpdateAsync(id, form.ToInput(), form.Version, (await EditorAsync(ct))!, ct), "Support.Saved",
                _ => $"/outreach/support/companies/{supportCase.CompanyId}", async () => View("Form", await FormAsync(form, id, supportCase.CompanyId, ct)),
                () => form.Version = supportCase.Version);
        });

    /// <summary>The form with the member companies the user sees (docs/adr/0087) and the case's own company when it is edited.</summary>
    private async Task<SupportFormViewModel> FormAsync(SupportCaseFormModel form, int? id, int? saved, CancellationToken ct) =>
        new(form, id, await choices.MembersAsync(saved is { } s ? [s] : [], await Staff.MemberScopeAsync(User, ct), ct), await choices.BranchesAsync(ct), await choices.AreasAsync(ct));
}
