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
        await signIn.RefreshSignInAsync(user);
        var expires = clock.GetUtcNow().AddSeconds(configuration.GetValue("Portal:SessionSeconds", 1800));
        return Json(new { expires = expires.ToUnixTimeMilliseconds() });
    }
}
