using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Mail;

namespace Partnership.Web.Controllers;

/// <summary>
/// Development only: the mail the portal has queued, readable without an SMTP server (e.g. a password-reset
/// link). Answers 404 in every other environment, and in Development beside a production setting (PortalMode).
/// </summary>
[AllowAnonymous]
public sealed class DevMailController(OutboxService outbox, Partnership.Web.Infrastructure.PortalMode mode) : Controller
{
    [HttpGet("/dev/mail")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!mode.DevelopmentTools)
        {
            return NotFound();
        }
        var messages = await outbox.LatestAsync(50, ct);
        return View(messages);
    }
}
