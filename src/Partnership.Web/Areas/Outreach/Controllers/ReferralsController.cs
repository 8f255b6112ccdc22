using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Outreach.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// Referrals (誘導) of member companies to Metro measures: chamber staff refer, chamber staff and Metro officials see
/// open and converted referrals by branch and measure. Conversions are marked when the list is read
/// (docs/adr/0031-referral-conversion.md).
/// </summary>
[Area("Outreach")]
[Authorize(Policy = Policies.ReadOutreach)]
[Route("/outreach/referrals")]
public sealed class ReferralsController(ReferralService referrals, OutreachChoices choices, ChamberStaff staff, IStringLocalizer<SharedResource> t) : Controller
{
    private static readonly IReadOnlyDictionary<string, (string, int)> Fields = new Dictionary<string, (string, int)>
    {
        ["CompanyId"] = ("Field.MemberCompany", 0),
        ["MeasureId"] = ("Field.Measure", 0),
        ["BranchCode"] = ("Field.ActivityBranch", 0),
        ["Note"] = ("Field.Note", Referral.NoteMaxLength),
    };

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? branch, int? measure, bool? converted, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await referrals.MarkConversionsAsync(ct);
        return View(await ViewModelAsync(new ReferralFilter(branch, measure, converted, from, to), ct));
    }

    [HttpPost("")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Refer(int? companyId, int? measureId, string? branchCode, string? note, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await referrals.ReferAsync(companyId, measureId, branchCode, note, UserId, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Referral.Saved"].Value;
                return Redirect("/outreach/referrals");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, Fields);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await ViewModelAsync(new ReferralFilter(null, null, null), ct));
    }

    private async Task<ReferralsViewModel> ViewModelAsync(ReferralFilter filter, CancellationToken ct)
    {
        var rows = await referrals.Query(filter).OrderByDescending(r => r.ReferredAt).Take(500)
            .Select(r => new ReferralRow(r.Id, r.Company!.Name, r.Measure!.TitleJa, r.Measure.TitleEn, r.BranchCode, r.ReferredAt, r.ConvertedAt, r.ConvertedBy, r.Note))
            .ToListAsync(ct);
        var summary = (await referrals.Query(filter).GroupBy(r => new { r.BranchCode, r.Measure!.TitleJa, r.Measure.TitleEn })
            .Select(g => new { g.Key.BranchCode, g.Key.TitleJa, g.Key.TitleEn, Open = g.Count(r => r.ConvertedAt == null), Converted = g.Count(r => r.ConvertedAt != null) })
            .ToListAsync(ct))
            .OrderBy(g => g.BranchCode, StringComparer.Ordinal).ThenBy(g => g.TitleJa, StringComparer.Ordinal)
            .Select(g => (g.BranchCode, g.TitleJa, g.TitleEn, g.Open, g.Converted)).ToList();
        var measures = await choices.MeasuresAsync(MeasureSide.Metro, ct);
        var branches = await choices.BranchesAsync(ct);
        var members = await choices.MembersAsync([], ct);
        var myBranch = await staff.BranchOfAsync(UserId, ct);
        return new ReferralsViewModel(filter, rows, summary, measures, branches, members, User.IsInRole(Roles.ChamberStaff), myBranch);
    }
}
