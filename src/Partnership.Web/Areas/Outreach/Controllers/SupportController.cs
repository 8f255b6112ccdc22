using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Data;
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
public sealed class SupportController(MemberSupportService support, AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private const int PageSize = 300;

    private static readonly IReadOnlyDictionary<string, (string, int)> Fields = new Dictionary<string, (string, int)>
    {
        ["CompanyId"] = ("Field.MemberCompany", 0),
        ["Date"] = ("Field.SupportDate", 0),
        ["AreaCode"] = ("Outreach.Area", 0),
        ["BranchCode"] = ("Field.ActivityBranch", 0),
        ["Advice"] = ("Field.Advice", MemberSupportCase.AdviceMaxLength),
        ["FollowUpOn"] = ("Field.FollowUpOn", 0),
        ["FollowedUpOn"] = ("Field.FollowedUpOn", 0),
    };

    private DateOnly Today => DateOnly.FromDateTime(JapanTime.Today(clock));

    /// <summary>Every case, newest first, or only the follow-ups due (oldest due first).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(bool due, string? branch, CancellationToken ct)
    {
        var query = due ? support.Due() : db.MemberSupportCases.AsNoTracking();
        if (!string.IsNullOrEmpty(branch))
        {
            query = query.Where(c => c.BranchCode == branch);
        }
        query = due ? query.OrderBy(c => c.FollowUpOn).ThenBy(c => c.Id) : query.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id);
        var rows = await RowsAsync(query, ct);
        var dueCount = await support.Due().CountAsync(ct);
        return View(new SupportListViewModel(rows, null, due, branch, dueCount, await ChamberEditors.OfAsync(db, User, ct), await BranchesAsync(ct), await AreasAsync(ct), Today));
    }

    /// <summary>One member company's cases.</summary>
    [HttpGet("companies/{companyId:int}")]
    public async Task<IActionResult> Company(int companyId, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == companyId && c.IsChamberMember).Select(c => new MemberOption(c.Id, c.Name)).SingleOrDefaultAsync(ct);
        if (company is null)
        {
            return NotFound();
        }
        var rows = await RowsAsync(db.MemberSupportCases.AsNoTracking().Where(c => c.CompanyId == companyId).OrderByDescending(c => c.Date).ThenByDescending(c => c.Id), ct);
        return View("Index", new SupportListViewModel(rows, company, false, null, await support.Due().CountAsync(ct), await ChamberEditors.OfAsync(db, User, ct),
            await BranchesAsync(ct), await AreasAsync(ct), Today));
    }

    [HttpGet("new")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> New(int? companyId, CancellationToken ct)
    {
        var editor = await ChamberEditors.OfAsync(db, User, ct);
        return View("Form", await FormAsync(new SupportCaseFormModel { CompanyId = companyId, BranchCode = editor?.BranchCode, Date = Today }, null, ct));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> New(SupportCaseFormModel form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await support.RecordAsync(form.ToInput(), (await ChamberEditors.OfAsync(db, User, ct))!, form.SubmissionKey, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Support.Recorded"].Value;
                return Redirect($"/outreach/support/companies/{form.CompanyId}");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, Fields);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Form", await FormAsync(form, null, ct));
    }

    [HttpGet("{id:int}/edit")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var supportCase = await db.MemberSupportCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (supportCase is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(supportCase))
        {
            return Forbid();
        }
        return View("Form", await FormAsync(SupportCaseFormModel.From(supportCase), id, ct));
    }

    [HttpPost("{id:int}/edit")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Edit(int id, SupportCaseFormModel form, CancellationToken ct)
    {
        var supportCase = await db.MemberSupportCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (supportCase is null)
        {
            return NotFound();
        }
        if (!await MayChangeAsync(supportCase))
        {
            return Forbid();
        }
        form.CompanyId = supportCase.CompanyId;
        if (ModelState.IsValid)
        {
            var outcome = await support.UpdateAsync(id, form.ToInput(), form.Version, (await ChamberEditors.OfAsync(db, User, ct))!, ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Support.Saved"].Value;
                return Redirect($"/outreach/support/companies/{supportCase.CompanyId}");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, Fields);
            if (outcome.Status == OutcomeStatus.Conflict)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
                form.Version = supportCase.Version;
                return View("Form", await FormAsync(form, id, ct));
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Form", await FormAsync(form, id, ct));
    }

    private async Task<bool> MayChangeAsync(MemberSupportCase supportCase) =>
        (await authorization.AuthorizeAsync(User, new ChamberRecord(supportCase.RecordedByUserId, supportCase.BranchCode), Policies.ChangeChamberRecord)).Succeeded;

    private Task<List<SupportCaseRow>> RowsAsync(IQueryable<MemberSupportCase> query, CancellationToken ct) =>
        query.Take(PageSize).Select(c => new SupportCaseRow(c.Id, c.CompanyId, c.Company!.Name, c.Date, c.AreaCode, c.BranchCode, c.Advice, c.FollowUpOn, c.FollowedUpOn, c.RecordedByUserId))
            .ToListAsync(ct);

    private Task<List<Partnership.Core.Reference.ChamberBranch>> BranchesAsync(CancellationToken ct) =>
        db.ChamberBranches.AsNoTracking().OrderBy(b => b.Order).ToListAsync(ct);

    private Task<List<Partnership.Core.Catalog.ProgramArea>> AreasAsync(CancellationToken ct) =>
        db.ProgramAreas.AsNoTracking().OrderBy(a => a.Order).ToListAsync(ct);

    private async Task<SupportFormViewModel> FormAsync(SupportCaseFormModel form, int? id, CancellationToken ct)
    {
        var members = await db.Companies.AsNoTracking().Where(c => c.IsChamberMember || c.Id == form.CompanyId)
            .OrderBy(c => c.NameKana).Select(c => new MemberOption(c.Id, c.Name)).Take(500).ToListAsync(ct);
        return new SupportFormViewModel(form, id, members, await BranchesAsync(ct), await AreasAsync(ct));
    }
}
