using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Companies.Controllers;

/// <summary>
/// The owner's list of people asking to join the company (after signing in with the business ID provider), with
/// approve and decline (docs/adr/0079-join-requests.md). The company is the owner's own, never from the address.
/// </summary>
[Area("Companies")]
[Authorize(Policy = Policies.CompanyUser)]
[Route("/company/join-requests")]
public sealed class JoinRequestsController(CompanyService companies, CompanyPages pages, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var company = await OwnedCompanyAsync(ct);
        if (company is null)
        {
            return Forbid();
        }
        ViewData["Company"] = company.Name;
        return View(await pages.JoinRequestsAsync(company.Id, ct));
    }

    [HttpPost("{requestId:int}/approve")]
    public Task<IActionResult> Approve(int requestId, CancellationToken ct) => DecideAsync(requestId, approve: true, ct);

    [HttpPost("{requestId:int}/decline")]
    public Task<IActionResult> Decline(int requestId, CancellationToken ct) => DecideAsync(requestId, approve: false, ct);

    private async Task<IActionResult> DecideAsync(int requestId, bool approve, CancellationToken ct)
    {
        var company = await OwnedCompanyAsync(ct);
        if (company is null)
        {
            return Forbid();
        }
        var outcome = await companies.DecideJoinRequestAsync(company.Id, UserId, requestId, approve, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            // A request of another company, or one already decided: the same answer.
            return NotFound();
        }
        TempData["Notice"] = t[outcome.Succeeded ? (approve ? "JoinRequests.Approved" : "JoinRequests.Declined") : outcome.Errors[0].Code].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<Company?> OwnedCompanyAsync(CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(UserId, ct);
        return membership?.Company is { } company && (await authorization.AuthorizeAsync(User, company, Policies.CompanyOwner)).Succeeded ? company : null;
    }
}
