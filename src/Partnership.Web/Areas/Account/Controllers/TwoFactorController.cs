using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Account.Models;
using Partnership.Web.Infrastructure;
using QRCoder;

namespace Partnership.Web.Areas.Account.Controllers;

/// <summary>The two-factor page as any signed-in session sees it: whether it is set up, never the key.</summary>
public sealed record TwoFactorStatusPage(bool Enabled, int RecoveryCodesLeft, TwoFactorPasswordModel Form);

/// <summary>The page of a set-up in progress, after the password was confirmed: the new key, its QR code, the code to confirm.</summary>
public sealed record TwoFactorSetupPage(string SharedKey, string QrCodeDataUri, TwoFactorSetupModel Form);

/// <summary>
/// Two-factor sign-in with an authenticator app (ASP.NET Core Identity's TOTP, each code accepted once): the
/// password first, then a new key and its QR code, a code to confirm, then ten recovery codes shown once. The key
/// is shown only while setting up, after the password (docs/adr/0066-authenticator-codes-accepted-once.md): it
/// travels to the confirmation in a protected, time-limited set-up ticket, not in the account, so an abandoned
/// set-up changes nothing and the active key is never shown again. Confirming makes the new key the account's and
/// renews the security stamp, which ends the account's other sessions (docs/adr/0065). Required for staff,
/// optional for company users.
/// </summary>
[Area("Account")]
[Route("/account/two-factor")]
public sealed class TwoFactorController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AuthenticatorCodes codes,
    IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const string Issuer = "Partnership Portal Tokyo";
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(15);

    private ITimeLimitedDataProtector Tickets => protection.CreateProtector("Partnership.TwoFactorSetup.v1").ToTimeLimitedDataProtector();

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await StatusAsync(new TwoFactorPasswordModel()));

    /// <summary>The password confirmed, a new key is made and shown with its QR code; the account keeps its own until confirmed.</summary>
    [HttpPost("start")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Start(TwoFactorPasswordModel form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            // Wrong passwords here are capped by the sign-in rate limit, not counted towards the account's lockout
            // (ADR 0066): the session is already signed in, and nothing is shown or changed without the password.
            if (await users.CheckPasswordAsync(user, form.Password!))
            {
                var key = users.GenerateNewAuthenticatorKey();
                var ticket = Tickets.Protect(user.Id + "\n" + key, TicketLifetime);
                return View("Setup", Setup(user, key, new TwoFactorSetupModel { Ticket = ticket }));
            }
            ModelState.AddModelError(nameof(form.Password), t["TwoFactor.WrongPassword"]);
        }
        form.Password = null;
        return View(nameof(Index), await StatusAsync(form));
    }

    /// <summary>The code from the app confirms the new key: it becomes the account's, and recovery codes are shown once.</summary>
    [HttpPost("")]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Enable(TwoFactorSetupModel form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ReadTicket(user, form.Ticket) is not { } key)
        {
            // No set-up in progress (or it took longer than the ticket lives): the password comes first.
            ModelState.Clear();
            ModelState.AddModelError(nameof(TwoFactorPasswordModel.Password), t["TwoFactor.SetupExpired"]);
            return View(nameof(Index), await StatusAsync(new TwoFactorPasswordModel()));
        }
        if (ModelState.IsValid)
        {
            var code = JapaneseInput.NormalizeDigits(form.Code).Replace("-", "", StringComparison.Ordinal);
            var result = await codes.CheckNewKeyAsync(user.Id, key, code, HttpContext.RequestAborted);
            if (result == AuthenticatorCodeResult.Accepted)
            {
                var stored = await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
                if (!stored.Succeeded)
                {
                    throw new InvalidOperationException("The authenticator key could not be stored.");
                }
                // Renews the security stamp: every other session of the account ends; this one is signed in anew.
                await users.SetTwoFactorEnabledAsync(user, true);
                var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
                await signIn.RefreshSignInAsync(user);
                return View("RecoveryCodes", recoveryCodes);
            }
            ModelState.AddModelError(nameof(form.Code), t[result == AuthenticatorCodeResult.Used ? "TwoFactor.CodeUsed" : "TwoFactor.InvalidCode"]);
        }
        form.Code = null;
        return View("Setup", Setup(user, key, form));
    }

    private string? ReadTicket(AppUser user, string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }
        try
        {
            var parts = Tickets.Unprotect(ticket).Split('\n');
            return parts.Length == 2 && parts[0] == user.Id ? parts[1] : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }

    private async Task<TwoFactorStatusPage> StatusAsync(TwoFactorPasswordModel form)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new TwoFactorStatusPage(user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), form);
    }

    private static TwoFactorSetupPage Setup(AppUser user, string key, TwoFactorSetupModel form)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new TwoFactorSetupPage(
            string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant(),
            "data:image/png;base64," + Convert.ToBase64String(png),
            form);
    }
}
