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
    [HttpGet("/admin/outbox")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
        return View(messages);
    }
}
