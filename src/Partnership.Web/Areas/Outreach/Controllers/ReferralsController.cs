using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Mail;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Outreach.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;
using QRCoder;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// Referrals (誘導) of Chamber members to Metro measures: chamber staff search the member roster (registered on the
/// portal or not) and refer, chamber staff and Metro officials see open and converted referrals by branch and measure
/// with the funnel of members not registered yet. Conversions are recorded when the company submits, not when the list
/// is read (docs/adr/0088-conversion-at-submission.md, docs/adr/0084-referrals-to-roster-members.md).
/// </summary>
[Area("Outreach")]
[Authorize(Policy = Policies.ReadOutreach)]
[Route("/outreach/referrals")]
public sealed class ReferralsController(
    ReferralService referrals, OutreachChoices choices, ChamberStaff staff, IMailOutbox outbox, PortalLinks links, IStringLocalizer<SharedResource> t,
    TimeProvider clock) : Controller
{
    private static readonly IReadOnlyDictionary<string, (string, int)> Fields = new Dictionary<string, (string, int)>
    {
        ["RosterMemberId"] = ("Field.MemberCompany", 0),
        ["MeasureIds"] = ("Field.Measure", 0),
        ["BranchCode"] = ("Field.ActivityBranch", 0),
        ["Channel"] = ("Field.ReferralChannel", 0),
        ["Note"] = ("Field.Note", Referral.NoteMaxLength),
        ["SendMail"] = ("Field.ReferralSendMail", 0),
    };

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The values of the list's <c>registration</c> filter (the dashboard's funnel links to them).</summary>
    public static readonly IReadOnlyDictionary<string, ReferralRegistration> Registrations = new Dictionary<string, ReferralRegistration>(StringComparer.Ordinal)
    {
        ["before"] = ReferralRegistration.Before,
        ["not-before"] = ReferralRegistration.NotBefore,
        ["after"] = ReferralRegistration.After,
        ["registered"] = ReferralRegistration.Registered,
    };

    /// <summary>The list and, for chamber staff, the form: <paramref name="q"/> searches the roster, <paramref name="member"/> is the member chosen.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? branch, int? measure, bool? converted, DateOnly? from, DateOnly? to, string? registration, string? q, int? member, CancellationToken ct)
    {
        var form = new ReferralFormModel { Query = q, RosterMemberId = member };
        var registered = registration is not null && Registrations.TryGetValue(registration, out var r) ? r : (ReferralRegistration?)null;
        return View(await ViewModelAsync(new ReferralFilter(branch, measure, converted, from, to, await staff.MemberScopeAsync(User, ct), registered), form, ct));
    }

    [HttpPost("")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Refer(ReferralFormModel form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var input = new ReferralInput(form.RosterMemberId, form.MeasureIds, form.BranchCode, form.Channel, form.Note, form.SendMail, await staff.MemberScopeAsync(User, ct));
            var outcome = await referrals.ReferAsync(input, UserId, Invite, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t[form.SendMail ? "Referral.SavedAndMailed" : "Referral.Saved"].Value;
                return Redirect("/outreach/referrals");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, Fields);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await ViewModelAsync(new ReferralFilter(null, null, null, Scope: await staff.MemberScopeAsync(User, ct)), form, ct));
    }

    /// <summary>
    /// The invitation letter (ご案内状) of a referral, an A4 page in Japanese to print and post: the member's name and
    /// address from the roster, the measures with their pages, the registration link with the 法人番号 filled in and
    /// its QR code. Chamber staff only; a member outside a branch manager's branch is not found.
    /// </summary>
    [HttpGet("{id:int}/letter")]
    [Authorize(Policy = Policies.ChamberStaff)]
    public async Task<IActionResult> Letter(int id, CancellationToken ct)
    {
        var letter = await referrals.LetterAsync(id, await staff.MemberScopeAsync(User, ct), ct);
        if (letter is null)
        {
            return NotFound();
        }
        var register = RegistrationLink(letter.CorporateNumber);
        var measures = letter.Measures.Select(m => (m.TitleJa, links.Absolute(HttpContext, $"/catalog/measures/{m.Id}"))).ToList();
        using var data = new QRCodeGenerator().CreateQrCode(register, QRCodeGenerator.ECCLevel.M);
        var qr = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
        return View(new ReferralLetterViewModel(letter, measures, register, qr, clock.GetUtcNow().UtcDateTime));
    }

    private string RegistrationLink(string? corporateNumber) =>
        links.Absolute(HttpContext, "/company/new" + (corporateNumber is { } number ? $"?corporateNumber={number}" : ""));

    /// <summary>The invitation to the member: the measures' pages and the company registration with the 法人番号 filled in.</summary>
    private void Invite(ReferralMail mail)
    {
        var register = RegistrationLink(mail.CorporateNumber);
        var measures = string.Join("\n", mail.Measures.Select(m => $"・{m.TitleJa}\n  {links.Absolute(HttpContext, $"/catalog/measures/{m.Id}")}"));
        var body = t["Referral.Mail.Body", mail.MemberName, measures, register].Value;
        outbox.Enqueue(mail.Email, t["Referral.Mail.Subject"].Value, body, register);
    }

    private async Task<ReferralsViewModel> ViewModelAsync(ReferralFilter filter, ReferralFormModel form, CancellationToken ct)
    {
        var rows = await referrals.Query(filter).OrderByDescending(r => r.ReferredAt).Take(500)
            .Select(r => new ReferralRow(r.Id, r.Company != null ? r.Company.Name : r.RosterMember!.Name, r.Measure!.TitleJa, r.Measure.TitleEn, r.BranchCode, r.ReferredAt,
                r.ConvertedAt, r.ConvertedBy, r.Note, r.CompanyId != null, r.AttachedAt, r.AlreadyTakenUp, r.ConvertedService, r.Channel, r.RosterMemberId != null))
            .ToListAsync(ct);
        var summary = (await referrals.Query(filter).GroupBy(r => new { r.BranchCode, r.Measure!.TitleJa, r.Measure.TitleEn })
            .Select(g => new { g.Key.BranchCode, g.Key.TitleJa, g.Key.TitleEn, Open = g.Count(r => r.ConvertedAt == null), Converted = g.Count(r => r.ConvertedAt != null) })
            .ToListAsync(ct))
            .OrderBy(g => g.BranchCode, StringComparer.Ordinal).ThenBy(g => g.TitleJa, StringComparer.Ordinal)
            .Select(g => (g.BranchCode, g.TitleJa, g.TitleEn, g.Open, g.Converted)).ToList();
        var funnel = await referrals.FunnelAsync(filter, ct);
        var canRefer = User.IsInRole(Roles.ChamberStaff);
        var scope = filter.Scope ?? Core.Members.MemberScope.All;
        var found = canRefer && !string.IsNullOrWhiteSpace(form.Query) ? await referrals.SearchRosterAsync(form.Query, scope, ct) : [];
        var chosen = canRefer && form.RosterMemberId is { } id ? await referrals.RosterChoiceAsync(id, scope, ct) : null;
        var measures = await choices.MeasuresAsync(MeasureSide.Metro, ct);
        var branches = await choices.BranchesAsync(ct);
        var myBranch = canRefer ? await staff.BranchOfAsync(UserId, ct) : null;
        form.BranchCode ??= chosen?.BranchCode ?? myBranch;
        return new ReferralsViewModel(filter, rows, summary, funnel, measures, branches, form, found, chosen, canRefer);
    }
}
