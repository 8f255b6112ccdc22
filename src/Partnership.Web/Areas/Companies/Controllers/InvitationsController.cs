using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Web.Areas.Companies.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Companies.Controllers;

/// <summary>The link in an invitation mail: who invites, and joining once signed in with the invited address.</summary>
[Area("Companies")]
[Route("/invitations")]
public sealed class InvitationsController(CompanyService companies, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("{token}")]
    [AllowAnonymous]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var invitation = token.Length > 100 ? null : await companies.FindOpenInvitationAsync(token, ct);
        if (invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        var signedIn = User.Identity?.IsAuthenticated == true;
        var email = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;
        return View(new InvitationPage(token, invitation, signedIn, invitation is not null && string.Equals(email, invitation.Email, StringComparison.OrdinalIgnoreCase)));
    }

    [HttpPost("{token}/accept")]
    [EnableRateLimiting(RateLimits.Auth)]
    [Authorize(Policy = Policies.CompanyUser)]
    public async Task<IActionResult> Accept(string token, CancellationToken ct)
    {
        var outcome = await companies.AcceptInvitationAsync(token, User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Notice"] = t[outcome.Succeeded ? "Company.Joined" : outcome.Errors[0].Code].Value;
        return Redirect("/company");
    }
}
