using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Account.Models;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Account.Controllers;

/// <summary>Sign-in, sign-out and password reset, in the portal's own pages and languages.</summary>
[Area("Account")]
[AllowAnonymous]
[Route("/account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    AccountService accounts,
    PasswordWork passwordWork,
    AuthenticatorCodes authenticatorCodes,
    PortalLinks links,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginModel { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Login(LoginModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        // An unknown address costs the same password hashing as a known one, so the answer's time does not tell
        // who has an account (docs/adr/0067-accounts-cannot-be-told-apart.md).
        var user = await users.FindByNameAsync(model.Email!.Trim());
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            passwordWork.SpendAsForAnAccount(model.Password!);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, model.Password!, isPersistent: false, lockoutOnFailure: true);
        }
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/me");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : null });
        }
        if (result.IsLockedOut)
        {
            return RedirectToAction(nameof(Lockout));
        }
        var message = "Account.InvalidLogin";
        if (result.IsNotAllowed && user is not null)
        {
            // Identity refuses an unconfirmed or deactivated account before it looks at the password. The password is
            // checked here, so that only the one who knows it learns why, and the work is the same as for any account.
            if (await users.CheckPasswordAsync(user, model.Password!))
            {
                message = user.IsActive ? "Account.NotConfirmed" : "Account.Deactivated";
            }
        }
        // One message for unknown address and wrong password: the page must not tell who has an account.
        ModelState.AddModelError("", t[message]);
        model.Password = null;
        return View(model);
    }

    [HttpGet("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? View("LoginTwoFactorExpired")
            : View(new TwoFactorLoginModel { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    /// <summary>The second step of sign-in: a code from the authenticator app, or a recovery code.</summary>
    [HttpPost("login-2fa")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginModel model)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            // The first step (the password) is missing or timed out: start again.
            return View("LoginTwoFactorExpired");
        }
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var code = Partnership.Core.Common.JapaneseInput.NormalizeDigits(model.Code).Replace("-", "", StringComparison.Ordinal);
        var result = model.UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/me");
        }
        if (result.IsLockedOut)
        {
            return RedirectToAction(nameof(Lockout));
        }
        // A right code that signed in before is named as such: each code signs in once (docs/adr/0066).
        var used = !model.UseRecoveryCode && authenticatorCodes.LastResult == AuthenticatorCodeResult.Used;
        ModelState.AddModelError(nameof(model.Code), t[used ? "TwoFactor.CodeUsed" : "TwoFactor.InvalidCode"]);
        model.Code = null;
        return View(model);
    }

    /// <summary>
    /// Signs out on the server, not only in this browser: a new security stamp ends every session of the account on
    /// every node at its next request, so a copy of the cookie opens nothing afterwards (docs/adr/0065).
    /// </summary>
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordModel());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var user = await users.FindByEmailAsync(model.Email!.Trim());
        if (user is not null && user.EmailConfirmed)
        {
            await accounts.SendPasswordResetAsync(user, raw =>
            {
                var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(raw));
                var link = links.Absolute(HttpContext, Url.Action(nameof(ResetPassword), new { token, email = user.Email })!);
                var mail = MailText.ForCulture(t, user.PreferredCulture);
                return new MailContent(mail["Mail.ResetPassword.Subject"], mail["Mail.ResetPassword.Body", user.DisplayName, link]);
            });
        }
        // The same answer whether or not the address is registered.
        return RedirectToAction(nameof(ForgotPasswordConfirmation));
    }

    [HttpGet("forgot-password/sent")]
    public IActionResult ForgotPasswordConfirmation() => View();

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? token, string? email) =>
        string.IsNullOrEmpty(token) ? BadRequest() : View(new ResetPasswordModel { Token = token, Email = email });

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> ResetPassword(ResetPasswordModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var user = await users.FindByEmailAsync(model.Email!.Trim());
        if (user is null)
        {
            // Do not reveal that the address is unknown.
            return RedirectToAction(nameof(ResetPasswordConfirmation));
        }
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(model.Token!));
        }
        catch (FormatException)
        {
            ModelState.AddModelError("", t["Identity.InvalidToken"]);
            return View(model);
        }
        var result = await users.ResetPasswordAsync(user, token, model.Password!);
        if (result.Succeeded)
        {
            return RedirectToAction(nameof(ResetPasswordConfirmation));
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(model.Password) : "", error.Description);
        }
        return View(model);
    }

    [HttpGet("reset-password/done")]
    public IActionResult ResetPasswordConfirmation() => View();

    [HttpGet("register")]
    public IActionResult Register(string? email, string? returnUrl) =>
        View(new RegisterModel { Email = email, ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    /// <summary>
    /// A person registers as a company user. The account and the confirmation mail are saved in one
    /// transaction; sign-in waits until the address is confirmed.
    /// </summary>
    [HttpPost("register")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Register(RegisterModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        // The password's rules first: they are the same for a new address and a known one.
        var weak = await PasswordErrorsAsync(model.Password!);
        if (weak.Count > 0)
        {
            foreach (var error in weak)
            {
                ModelState.AddModelError(nameof(model.Password), error.Description);
            }
            model.Password = model.ConfirmPassword = null;
            return View(model);
        }
        // A known address is answered exactly as a new one, and its owner is told by mail (docs/adr/0067).
        if (await users.FindByEmailAsync(model.Email!.Trim()) is { } owner)
        {
            passwordWork.SpendAsForAnAccount(model.Password!);
            await TellOwnerOfRegistrationAsync(owner);
            return RedirectToAction(nameof(RegisterSent));
        }
        var user = new AppUser
        {
            UserName = model.Email!.Trim(),
            Email = model.Email.Trim(),
            DisplayName = model.DisplayName!.Trim(),
            PreferredCulture = Languages.IsJapanese ? Languages.Japanese : Languages.English,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await accounts.RegisterAsync(user, model.Password!, raw =>
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(raw));
            var link = links.Absolute(HttpContext, Url.Action(nameof(ConfirmEmail), new { userId = user.Id, token, returnUrl = model.ReturnUrl })!);
            var mail = MailText.ForCulture(t, user.PreferredCulture);
            return new MailContent(mail["Mail.Confirm.Subject"], mail["Mail.Confirm.Body", user.DisplayName, link]);
        });
        if (!created.Succeeded && created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
            && await users.FindByEmailAsync(user.Email) is { } raced)
        {
            // Registered a moment ago by another request: a known address after all.
            await TellOwnerOfRegistrationAsync(raced);
            return RedirectToAction(nameof(RegisterSent));
        }
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(model.Password)
                    : error.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" ? nameof(model.Email) : "";
                ModelState.AddModelError(field, error.Description);
            }
            model.Password = model.ConfirmPassword = null;
            return View(model);
        }
        return RedirectToAction(nameof(RegisterSent));
    }

    [HttpGet("register/sent")]
    public IActionResult RegisterSent() => View();

    private async Task<List<IdentityError>> PasswordErrorsAsync(string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            errors.AddRange(result.Errors);
        }
        return errors;
    }

    /// <summary>"Someone tried to register with your address": the owner learns of it, the stranger learns nothing.</summary>
    private Task TellOwnerOfRegistrationAsync(AppUser owner)
    {
        var mail = MailText.ForCulture(t, owner.PreferredCulture);
        return accounts.SendAsync(owner, new MailContent(
            mail["Mail.RegisterAttempt.Subject"],
            mail["Mail.RegisterAttempt.Body", owner.DisplayName, links.Absolute(HttpContext, "/account/login"), links.Absolute(HttpContext, "/account/forgot-password")]));
    }

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? token, string? returnUrl)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var confirmed = false;
        if (user is not null && !string.IsNullOrEmpty(token))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
                confirmed = (await users.ConfirmEmailAsync(user, decoded)).Succeeded;
            }
            catch (FormatException)
            {
                confirmed = false;
            }
        }
        ViewData["ReturnUrl"] = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        if (!confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(confirmed);
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet("lockout")]
    public IActionResult Lockout() => View();
}
