using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnership.Infrastructure.Data;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Admin.Controllers;

/// <summary>The mail outbox as administrators see it: queued, sent and failed messages.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Administrator)]
public sealed class OutboxController(AppDbContext db) : Controller
{
    /// <summary>Sends a message again: due now, whatever happened to it before (the change is in the audit log).</summary>
    [HttpPost("/admin/outbox/{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, [FromServices] TimeProvider clock, [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }
        message.SentAt = null;
        message.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = t["Outbox.Resent", message.To].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("/admin/outbox")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        return View(messages);
    }
}
