using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Mail;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Admin.Controllers;

/// <summary>The mail outbox as administrators see it: queued, sent and failed messages.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Administrator)]
public sealed class OutboxController(OutboxService outbox) : Controller
{
    /// <summary>Sends a message again: due now, whatever happened to it before (the change is in the audit log).</summary>
    [HttpPost("/admin/outbox/{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var message = await outbox.ResendAsync(id, ct);
        if (message is null)
        {
            return NotFound();
        }
        TempData["Notice"] = t["Outbox.Resent", message.To].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("/admin/outbox")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var messages = await outbox.LatestAsync(200, ct);
        return View(messages);
    }
}
