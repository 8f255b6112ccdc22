using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Partnership.Web.Areas.Guide.Controllers;

/// <summary>
/// The pages by which the portal explains itself: the guides per kind of user, FAQ, contact, privacy, terms, the
/// accessibility statement and the Chamber's support for its members. Their prose is written in the views, one
/// block per language (docs/adr/0075-prose-pages-in-views.md).
/// </summary>
[Area("Guide")]
[AllowAnonymous]
public sealed class GuideController : Controller
{
    /// <summary>The kinds of user with a guide, in the order the help page lists them.</summary>
    public static readonly IReadOnlyList<string> Audiences = ["company", "chamber", "metro", "expert"];

    [HttpGet("/help")]
    public IActionResult Help() => View();

    [HttpGet("/help/{audience}")]
    public IActionResult Audience(string audience)
    {
        var key = audience.ToLowerInvariant();
        return Audiences.Contains(key) ? View("Audience", key) : NotFound();
    }

    [HttpGet("/faq")]
    public IActionResult Faq() => View();

    [HttpGet("/contact")]
    public IActionResult Contact() => View();

    [HttpGet("/privacy")]
    public IActionResult Privacy() => View();

    [HttpGet("/terms")]
    public IActionResult Terms() => View();

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View(AxeResults.Published);

    [HttpGet("/chamber")]
    public IActionResult Chamber() => View();
}
