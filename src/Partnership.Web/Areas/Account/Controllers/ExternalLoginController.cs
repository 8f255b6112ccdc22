using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnership.Core.Companies;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Account.Models;
using Partnership.Web.Areas.Companies.Controllers;
using Partnership.Web.Areas.Companies.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Account.Controllers;

/// <summary>
/// Sign-in with the configured business ID provider (OpenID Connect): the challenge, the first sign-in (a new company
/// user, or linking to an existing account after signing in to it), the linked account in the person's settings and
/// sign-out that ends the provider's session too (docs/adr/0077-business-sign-in-over-openid-connect.md).
/// </summary>
[Area("Account")]
[Route("/account/external")]
public sealed class ExternalLoginController(
    SignInManager<AppUser> signIn,
    ExternalAccountService accounts,
    CompanyService companies,
    CompanyPages pages,
    BusinessSignInOptions settings,
    TimeProvider clock,
    ILogger<ExternalLoginController> log,
    PortalLinks links,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const string Scheme = BusinessSignInOptions.Scheme;

    /// <summary>Goes to the provider. A form post with antiforgery, so no other site can start a sign-in in someone's name.</summary>
    [HttpPost("start")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Start()
    {
        if (!settings.IsConfigured)
        {
            return NotFound();
        }
        try
        {
            // Run here, not as a ChallengeResult, so a provider that is down gives the failure page, not an error.
            await HttpContext.ChallengeAsync(Scheme, BusinessSignIn.ChallengeProperties(signIn, "/account/external/callback"));
            return new EmptyResult();
        }
        catch (InvalidOperationException ex)
        {
            log.LogWarning(ex, "The business ID provider's metadata could not be read");
            return Failed("unavailable");
        }
    }

    /// <summary>Where the provider's answer lands once the OpenID Connect handler has checked it.</summary>
    [HttpGet("callback")]
    [AllowAnonymous]
    public async Task<IActionResult> Callback()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || info.LoginProvider != Scheme)
        {
            return Failed("invalid");
        }
        var claims = BusinessClaims.From(info.Principal, settings.Claims);
        var problem = claims.Problem();
        if (problem is not null)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return Failed(problem);
        }
        info.AuthenticationProperties!.Items.TryGetValue(BusinessSignIn.IdTokenItem, out var idToken);

        var user = await accounts.FindByLoginAsync(Scheme, info.ProviderKey);
        if (user is null)
        {
            var existing = await accounts.FindByEmailAsync(claims.Email!);
            if (existing is not null)
            {
                // Never linked silently: the person proves the portal account is theirs by signing in to it first.
                if (!await accounts.IsCompanyUserOnlyAsync(existing))
                {
                    await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
                    return Failed("staff");
                }
                return View("LinkFirst", new ExternalLinkModel(settings.DisplayName, claims.Email!));
            }
            user = new AppUser
            {
                UserName = claims.Email,
                Email = claims.Email,
                EmailConfirmed = true,
                DisplayName = claims.PersonName ?? claims.Email!,
                PreferredCulture = Languages.IsJapanese ? Languages.Japanese : Languages.English,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await accounts.CreateAsync(user, new UserLoginInfo(Scheme, info.ProviderKey, settings.DisplayName));
            if (!created.Succeeded)
            {
                log.LogWarning("A company user from the business ID provider could not be created: {Errors}", string.Join(", ", created.Errors.Select(e => e.Code)));
                await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
                return Failed("invalid");
            }
        }
        else if (!await accounts.IsCompanyUserOnlyAsync(user))
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return Failed("staff");
        }

        await accounts.RememberAsync(user, Scheme, idToken, JsonSerializer.Serialize(claims));
        var result = await signIn.ExternalLoginSignInAsync(Scheme, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(AccountController.LoginTwoFactor), "Account", new { returnUrl = "/account/external/next" });
        }
        if (result.IsLockedOut)
        {
            return RedirectToAction(nameof(AccountController.Lockout), "Account");
        }
        if (!result.Succeeded)
        {
            return Failed(result.IsNotAllowed ? "not-allowed" : "invalid");
        }
        return LocalRedirect("/account/external/next");
    }

    /// <summary>After signing in with the provider: the company page, the prefilled profile, or the registered company's page.</summary>
    [HttpGet("next")]
    [Authorize(Policy = Policies.CompanyUser)]
    public async Task<IActionResult> Next(CancellationToken ct)
    {
        if (await companies.MembershipAsync(UserId, ct) is not null)
        {
            return LocalRedirect("/me");
        }
        var claims = await StoredClaimsAsync();
        if (claims?.CorporateNumber is { } number && await companies.FindByCorporateNumberAsync(number, ct) is { } company)
        {
            return View("Registered", new RegisteredCompanyModel(company.Name, settings.DisplayName, await companies.HasOpenJoinRequestAsync(UserId, ct)));
        }
        return LocalRedirect("/account/external/company");
    }

    /// <summary>Asks the owner of the registered company named by the provider's 法人番号 to let the person join.</summary>
    [HttpPost("join")]
    [Authorize(Policy = Policies.CompanyUser)]
    public async Task<IActionResult> Join(CancellationToken ct)
    {
        var claims = await StoredClaimsAsync();
        if (claims?.CorporateNumber is not { } number)
        {
            return Failed("corporate-number");
        }
        var person = claims.PersonName ?? User.Identity?.Name ?? "";
        var email = claims.Email ?? "";
        var link = links.Absolute(HttpContext, CompanyService.JoinRequestsPath);
        var outcome = await companies.RequestToJoinAsync(UserId, number, (owner, company) =>
        {
            var mail = MailText.ForCulture(t, owner.Culture);
            return new Partnership.Core.Mail.MailContent(
                mail["Mail.JoinRequest.Subject", company], mail["Mail.JoinRequest.Body", company, person, email, link]);
        }, ct);
        if (outcome.Status == Partnership.Core.Common.OutcomeStatus.NotFound)
        {
            return LocalRedirect("/account/external/company");
        }
        TempData["Notice"] = t[outcome.Succeeded ? "JoinRequests.Sent" : outcome.Errors[0].Code].Value;
        return LocalRedirect(outcome.Succeeded ? "/account/external/next" : "/company");
    }

    /// <summary>The new company's profile form, filled from the provider's claims; it posts to the ordinary form, checked by the same rules.</summary>
    [HttpGet("company")]
    [Authorize(Policy = Policies.CompanyUser)]
    public async Task<IActionResult> Company(CancellationToken ct)
    {
        if (await companies.MembershipAsync(UserId, ct) is not null)
        {
            return LocalRedirect("/company");
        }
        var claims = await StoredClaimsAsync();
        var form = new CompanyProfileModel { Prefecture = Partnership.Core.Reference.Prefectures.Tokyo };
        if (claims is not null)
        {
            form.Name = claims.CompanyName;
            form.CorporateNumber = claims.CorporateNumber;
            form.PostalCode = claims.PostalCode;
            form.Street = claims.Street;
            form.ContactName = claims.PersonName;
            ViewData["Notice"] = t["External.Prefilled", settings.DisplayName].Value;
        }
        return View("~/Areas/Companies/Views/MyCompany/Profile.cshtml", new ProfileFormViewModel(form, await pages.ListsAsync(ct), "/company/new", IsNew: true));
    }

    /// <summary>After signing in to the existing account with its password: confirm the link.</summary>
    [HttpGet("link")]
    [Authorize(Policy = Policies.CompanyUser)]
    public async Task<IActionResult> Link()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || info.LoginProvider != Scheme)
        {
            return Failed("expired");
        }
        var claims = BusinessClaims.From(info.Principal, settings.Claims);
        return View(new ExternalLinkModel(settings.DisplayName, claims.Email ?? ""));
    }

    [HttpPost("link")]
    [Authorize(Policy = Policies.CompanyUser)]
    public async Task<IActionResult> LinkConfirmed()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        var user = await signIn.UserManager.GetUserAsync(User);
        if (info is null || info.LoginProvider != Scheme || user is null)
        {
            return Failed("expired");
        }
        var claims = BusinessClaims.From(info.Principal, settings.Claims);
        // The provider's address must be this account's: being signed in to one account links only that account.
        if (!string.Equals(claims.Email, user.Email, StringComparison.OrdinalIgnoreCase) || claims.Problem() is not null)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return Failed("other-account");
        }
        var linked = await accounts.LinkAsync(user, new UserLoginInfo(Scheme, info.ProviderKey, settings.DisplayName));
        info.AuthenticationProperties!.Items.TryGetValue(BusinessSignIn.IdTokenItem, out var idToken);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!linked.Succeeded)
        {
            return Failed("already-linked");
        }
        await accounts.RememberAsync(user, Scheme, idToken, JsonSerializer.Serialize(claims));
        TempData["Notice"] = t["External.Linked", settings.DisplayName].Value;
        return LocalRedirect("/account/external/settings");
    }

    /// <summary>The person's linked provider account, with removal when another way to sign in remains.</summary>
    [HttpGet("settings")]
    [Authorize(Policy = Policies.CompanyUser)]
    public async Task<IActionResult> Settings()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var login = await accounts.LinkedAsync(user, Scheme);
        return View(new ExternalSettingsModel(settings.DisplayName, settings.IsConfigured, login is not null, login is not null && await accounts.CanRemoveAsync(user, Scheme)));
    }

    [HttpPost("settings/remove")]
    [Authorize(Policy = Policies.CompanyUser)]
    public async Task<IActionResult> Remove()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        TempData["Notice"] = (await accounts.RemoveAsync(user, Scheme) ? t["External.Removed", settings.DisplayName] : t["External.CannotRemove"]).Value;
        return LocalRedirect("/account/external/settings");
    }

    /// <summary>Signs out of the portal and, when the person came in through the provider, of the provider's session too.</summary>
    [HttpPost("logout")]
    [AllowAnonymous]
    public async Task<IActionResult> Logout()
    {
        var viaProvider = settings.IsConfigured && User.SignedInWithProvider();
        await signIn.SignOutAsync();
        if (!viaProvider)
        {
            return LocalRedirect("/");
        }
        try
        {
            // The handler sends the browser to the provider's end-session endpoint when it has one, and back to "/".
            await HttpContext.SignOutAsync(Scheme, new AuthenticationProperties { RedirectUri = "/" });
            return new EmptyResult();
        }
        catch (InvalidOperationException ex)
        {
            log.LogWarning(ex, "The business ID provider's session could not be ended");
            return LocalRedirect("/");
        }
    }

    [HttpGet("failed")]
    [AllowAnonymous]
    public IActionResult Failed(string? reason)
    {
        var known = reason is "denied" or "unavailable" or "invalid" or "corporate-number" or "email" or "email-unverified" or "staff"
            or "not-allowed" or "expired" or "other-account" or "already-linked";
        Response.StatusCode = reason == "unavailable" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        return View("Failed", new ExternalFailedModel(known ? reason! : "invalid", settings.DisplayName));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<BusinessClaims?> StoredClaimsAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        var json = user is null ? null : await accounts.CompanyClaimsAsync(user, Scheme);
        return json is null ? null : JsonSerializer.Deserialize<BusinessClaims>(json);
    }
}
