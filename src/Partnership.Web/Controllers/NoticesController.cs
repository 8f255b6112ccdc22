using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Notices;
using Partnership.Web.Authorization;

namespace Partnership.Web.Controllers;

/// <summary>
/// The signed-in person's notices: every mail the portal sent them, newest first; opening one marks it read. The user
/// is always the signed-in one: there is no user id in these addresses (docs/adr/0073-notices-beside-mail.md).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NoticesController(NoticeService notices, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("/notices")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await notices.LatestAsync(UserId, ct));

    /// <summary>Opens a notice: marks it read and goes to its record (or back to the list when it has none).</summary>
    [HttpPost("/notices/{id:long}/open")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Open(long id, CancellationToken ct)
    {
        var notice = await notices.MarkReadAsync(UserId, id, ct);
        if (notice is null)
        {
            return NotFound();
        }
        return notice.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : Redirect("/notices");
    }

    [HttpPost("/notices/read-all")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        var count = await notices.MarkAllReadAsync(UserId, ct);
        TempData["Notice"] = t["Notices.AllRead", count].Value;
        return Redirect("/notices");
    }
}
