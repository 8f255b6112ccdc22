using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Account.Models;
using QRCoder;

namespace Partnership.Web.Areas.Account.Controllers;

public sealed record TwoFactorSetupPage(string SharedKey, string QrCodeDataUri, bool Enabled, int RecoveryCodesLeft, TwoFactorSetupModel Form);

/// <summary>
/// Two-factor sign-in with an authenticator app (ASP.NET Core Identity's TOTP): shared key and QR code, a
/// code to confirm, then ten recovery codes shown once. Required for staff, optional for company users.
/// </summary>
[Area("Account")]
[Route("/account/two-factor")]
public sealed class TwoFactorController(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : Controller
{
    private const string Issuer = "Partnership Portal Tokyo";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await PageAsync(new TwoFactorSetupModel()));

    [HttpPost("")]
    public async Task<IActionResult> Enable(TwoFactorSetupModel form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            var code = JapaneseInput.NormalizeDigits(form.Code).Replace("-", "", StringComparison.Ordinal);
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
                await signIn.RefreshSignInAsync(user);
                return View("RecoveryCodes", recoveryCodes);
            }
            ModelState.AddModelError(nameof(form.Code), t["TwoFactor.InvalidCode"]);
        }
        form.Code = null;
        return View(nameof(Index), await PageAsync(form));
    }

    private async Task<TwoFactorSetupPage> PageAsync(TwoFactorSetupModel form)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key for this account. Not ResetAuthenticatorKeyAsync: it renews the security stamp, which
            // would sign the user out everywhere a minute after merely opening this page.
            key = users.GenerateNewAuthenticatorKey();
            var stored = await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
            if (!stored.Succeeded)
            {
                throw new InvalidOperationException("The authenticator key could not be stored.");
            }
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new TwoFactorSetupPage(
            string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant(),
            "data:image/png;base64," + Convert.ToBase64String(png),
            user.TwoFactorEnabled,
            await users.CountRecoveryCodesAsync(user),
            form);
    }
}
