using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Controllers;

/// <summary>Switches the interface language and remembers the choice for a year in a cookie.</summary>
[AllowAnonymous]
public sealed class LanguageController : Controller
{
    [HttpGet("/language")]
    public IActionResult Switch(string? culture, string? returnUrl)
    {
        if (culture is null || !Languages.Supported.Contains(culture))
        {
            return BadRequest();
        }
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        // Only a path on this site: an absolute or protocol-relative URL would be an open redirect.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
