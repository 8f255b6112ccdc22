using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Mail;
using Partnership.Web.Areas.Companies.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Companies.Controllers;

/// <summary>
/// A company user's own company: register it, keep its profile, manage co-workers. There is no company id in
/// these addresses: the company is always the signed-in user's own.
/// </summary>
[Area("Companies")]
[Authorize(Policy = Policies.CompanyUser)]
[Route("/company")]
public sealed class MyCompanyController(
    CompanyService companies, CompanyPages pages, IAuthorizationService authorization, PortalLinks links, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        if (membership is null)
        {
            return View("Start");
        }
        return View(await pages.OverviewAsync(membership.Company!, membership.IsOwner, ct));
    }

    /// <summary>The new company's form; a referral's invitation links here with the member's 法人番号 filled in.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> Create(string? corporateNumber, CancellationToken ct)
    {
        if (await companies.MembershipAsync(UserId, ct) is not null)
        {
            return RedirectToAction(nameof(Index));
        }
        return View("Profile", new ProfileFormViewModel(new CompanyProfileModel
        {
            Prefecture = Partnership.Core.Reference.Prefectures.Tokyo,
            CorporateNumber = CorporateNumber.Normalize(corporateNumber) is { Length: CorporateNumber.Length } number && CorporateNumber.IsValid(number) ? number : null,
        }, await pages.ListsAsync(ct), "/company/new", IsNew: true));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(CompanyProfileModel form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await companies.CreateAsync(UserId, form.ToInput(), ct);
            if (outcome.Status == OutcomeStatus.Conflict)
            {
                return RedirectToAction(nameof(Index));
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Company.Created"].Value;
                return RedirectToAction(nameof(Index));
            }
            AddErrors(outcome.Errors);
        }
        return View("Profile", new ProfileFormViewModel(form, await pages.ListsAsync(ct), "/company/new", IsNew: true));
    }

    [HttpGet("profile")]
    public async Task<IActionResult> Profile(CancellationToken ct)
    {
        var company = await OwnCompanyAsync(CompanyAccess.Member, ct);
        if (company is null)
        {
            return RedirectToAction(nameof(Index));
        }
        return View(new ProfileFormViewModel(CompanyProfileModel.From(company), await pages.ListsAsync(ct), "/company/profile", IsNew: false));
    }

    [HttpPost("profile")]
    public async Task<IActionResult> Profile(CompanyProfileModel form, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(CompanyAccess.Member, ct);
        if (company is null)
        {
            return RedirectToAction(nameof(Index));
        }
        if (ModelState.IsValid)
        {
            var outcome = await companies.UpdateProfileAsync(company.Id, UserId, form.ToInput(), form.Version, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Company.Saved"].Value;
                return RedirectToAction(nameof(Index));
            }
            AddErrors(outcome.Errors);
            if (outcome.Status == OutcomeStatus.Conflict)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        return View(new ProfileFormViewModel(form, await pages.ListsAsync(ct), "/company/profile", IsNew: false));
    }

    [HttpGet("members")]
    public async Task<IActionResult> Members(CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        if (membership is null)
        {
            return RedirectToAction(nameof(Index));
        }
        return View(await MembersPageAsync(membership, ct));
    }

    [HttpPost("members/invite")]
    public async Task<IActionResult> Invite(InviteModel invite, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        var company = await AuthorizedAsync(membership, CompanyAccess.Owner);
        if (membership is null || company is null)
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            var culture = Languages.IsJapanese ? Languages.Japanese : Languages.English;
            var outcome = await companies.InviteAsync(company.Id, UserId, invite.Email!, token =>
            {
                var mail = MailText.ForCulture(t, culture);
                var link = links.Absolute(HttpContext, $"/invitations/{token}");
                return new MailContent(mail["Mail.Invite.Subject", company.Name], mail["Mail.Invite.Body", company.Name, User.Identity!.Name!, link]);
            }, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Company.Invited", invite.Email!].Value;
                return RedirectToAction(nameof(Members));
            }
            AddErrors(outcome.Errors);
        }
        ViewData["Invite"] = invite;
        return View(nameof(Members), await MembersPageAsync(membership, ct));
    }

    [HttpPost("members/{memberId:int}/remove")]
    public Task<IActionResult> Remove(int memberId, CancellationToken ct) =>
        OwnerActionAsync(memberId, companies.RemoveMemberAsync, "Company.MemberRemoved", ct);

    [HttpPost("members/{memberId:int}/make-owner")]
    public Task<IActionResult> MakeOwner(int memberId, CancellationToken ct) =>
        OwnerActionAsync(memberId, companies.TransferOwnershipAsync, "Company.OwnerChanged", ct);

    [HttpGet("history")]
    public async Task<IActionResult> History(CancellationToken ct)
    {
        var company = await OwnCompanyAsync(CompanyAccess.Member, ct);
        if (company is null)
        {
            return RedirectToAction(nameof(Index));
        }
        ViewData["Company"] = company;
        ViewData["Members"] = (await pages.MembersAsync(company.Id, UserId, ct)).ToDictionary(m => m.Id);
        return View(await companies.HistoryAsync(company.Id, ct));
    }

    private async Task<IActionResult> OwnerActionAsync(int memberId, Func<int, string, int, CancellationToken, Task<Outcome<int>>> action, string notice, CancellationToken ct)
    {
        var company = await OwnCompanyAsync(CompanyAccess.Owner, ct);
        if (company is null)
        {
            return Forbid();
        }
        var outcome = await action(company.Id, UserId, memberId, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            // A member of another company, or none at all: the same answer.
            return NotFound();
        }
        TempData["Notice"] = t[outcome.Succeeded ? notice : outcome.Errors[0].Code].Value;
        return RedirectToAction(nameof(Members));
    }

    /// <summary>The user's own company, when the user may act on it as asked; otherwise null.</summary>
    private async Task<Company?> OwnCompanyAsync(CompanyAccess access, CancellationToken ct) =>
        await AuthorizedAsync(await companies.MembershipAsync(UserId, ct), access);

    private async Task<Company?> AuthorizedAsync(CompanyMember? membership, CompanyAccess access)
    {
        if (membership?.Company is not { } company)
        {
            return null;
        }
        var policy = access == CompanyAccess.Owner ? Policies.CompanyOwner : Policies.CompanyMember;
        return (await authorization.AuthorizeAsync(User, company, policy)).Succeeded ? company : null;
    }

    private async Task<MembersViewModel> MembersPageAsync(CompanyMember membership, CancellationToken ct) => new(
        membership.Company!,
        await pages.MembersAsync(membership.CompanyId, UserId, ct),
        await pages.OpenInvitationsAsync(membership.CompanyId, clock.GetUtcNow().UtcDateTime, ct),
        membership.IsOwner);

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, t[error.Code]);
        }
    }
}
