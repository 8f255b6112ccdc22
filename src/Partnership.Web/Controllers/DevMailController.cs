using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partnership.Infrastructure.Data;

namespace Partnership.Web.Controllers;

/// <summary>
/// Development only: the mail the portal has queued, readable without an SMTP server (e.g. a password-reset
/// link). Answers 404 in every other environment.
/// </summary>
[AllowAnonymous]
public sealed class DevMailController(AppDbContext db, IWebHostEnvironment environment) : Controller
{
    [HttpGet("/dev/mail")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }
        var messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(50).ToListAsync(ct);
        return View(messages);
    }
}
