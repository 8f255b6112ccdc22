using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Partnership.Infrastructure.Identity;

namespace Partnership.Web.Controllers;

/// <summary>Keeps a signed-in session alive when the person asks to, from the warning before it expires.</summary>
public sealed class SessionController(SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock, IConfiguration configuration) : Controller
{
    [HttpPost("/session/keep-alive")]
    public async Task<IActionResult> KeepAlive()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Unauthorized();
        }
        // A new session from now, with the same sign-in's properties and the way it was signed in (password, two-factor).
        // RefreshSignInAsync would keep the ticket's issue and expiry times, so the session would end when it was
        // going to end anyway.
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var properties = current.Properties ?? new AuthenticationProperties();
        properties.IssuedUtc = null;
        properties.ExpiresUtc = null;
        var how = current.Principal?.Claims.Where(c => c.Type is ClaimTypes.AuthenticationMethod or "amr").ToList() ?? [];
        await signIn.SignInWithClaimsAsync(user, properties, how);
        var expires = clock.GetUtcNow().AddSeconds(configuration.GetValue("Portal:SessionSeconds", 1800));
        return Json(new { expires = expires.ToUnixTimeMilliseconds() });
    }
}
