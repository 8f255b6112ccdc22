using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Account.Models;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Admin.Controllers;

public sealed record StaffInvitationPage(string Token, StaffInvitation? Invitation, NewPasswordModel Form);

/// <summary>The one-time link of a staff invitation: set a password, then two-factor sign-in.</summary>
[Area("Admin")]
[AllowAnonymous]
[Route("/staff-invitations/{token}")]
public sealed class StaffInvitationsController(StaffService staff, SignInManager<AppUser> signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var invitation = token.Length > 100 ? null : await staff.FindOpenAsync(token, ct);
        if (invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return View(new StaffInvitationPage(token, invitation, new NewPasswordModel()));
    }

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Accept(string token, NewPasswordModel form, CancellationToken ct)
    {
        var invitation = token.Length > 100 ? null : await staff.FindOpenAsync(token, ct);
        if (invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View(nameof(Show), new StaffInvitationPage(token, null, form));
        }
        if (ModelState.IsValid)
        {
            var (user, errors) = await staff.AcceptAsync(token, form.Password!, Languages.IsJapanese ? Languages.Japanese : Languages.English, ct);
            if (user is not null)
            {
                await signIn.SignInAsync(user, isPersistent: false);
                return Redirect(StaffTwoFactorMiddleware.SetupPath);
            }
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : "", error.Description);
            }
        }
        form.Password = form.ConfirmPassword = null;
        return View(nameof(Show), new StaffInvitationPage(token, invitation, form));
    }
}
