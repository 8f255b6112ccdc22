using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Schemes;
using Partnership.Web.Areas.Schemes.Models;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Schemes.Controllers;

/// <summary>Metro officials review scheme entries: the queue with filters and counts, the entry with its history, the decision.</summary>
[Area("Schemes")]
[Authorize(Policy = Policies.ReviewSchemes)]
[Route("/schemes/review")]
public sealed class ReviewController(SchemeReviewService review, SchemePages pages, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The status value for accepted entries whether still valid or since expired (the dashboard's 受理・認定).</summary>
    public const string AcceptedOrExpired = "accepted-or-expired";

    private Actor Me => new(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity?.Name ?? "");

    [HttpGet("")]
    public async Task<IActionResult> Index(string? scheme, string? status, [FromQuery] string? area, string? municipality, DateOnly? from, DateOnly? to,
        DateOnly? inforce, DateOnly? expiring, int page = 1, CancellationToken ct = default)
    {
        var acceptedOrExpired = status == AcceptedOrExpired;
        EntryStatus? wanted = status is "all" or AcceptedOrExpired ? null : Enum.TryParse<EntryStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && s != EntryStatus.Draft ? s : EntryStatus.Submitted;
        var filter = new ReviewFilter(Blank(scheme), wanted, Blank(area), Blank(municipality), from, to, Math.Clamp(page, 1, 100_000))
        {
            AcceptedOrExpired = acceptedOrExpired, InForceOn = inforce, ExpiringFrom = expiring,
        };
        return View(new ReviewQueuePage(await review.QueueAsync(filter, ct), filter, await pages.SchemesAsync(ct), await pages.MunicipalitiesAsync(ct), await pages.AreasAsync(ct)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var entry = await review.FindAsync(id, ct);
        return entry is null ? NotFound() : View(new ReviewPage(entry, null));
    }

    [HttpPost("{id:int}/decide")]
    public async Task<IActionResult> Decide(int id, Decision? decision, string? reason, Guid version, CancellationToken ct)
    {
        var outcome = !ModelState.IsValid ? Outcome<SchemeEntry>.Invalid([])
            : decision is { } d && Enum.IsDefined(d)
            ? await review.DecideAsync(id, d, reason, version, Me, ct)
            : Outcome<SchemeEntry>.Invalid("Decision", "Scheme.ChooseDecision");
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t[$"Scheme.Decided.{decision}"].Value;
            return RedirectToAction(nameof(Show), new { id });
        }
        var entry = await review.FindAsync(id, ct);
        if (entry is null)
        {
            return NotFound();
        }
        if (outcome.Status == OutcomeStatus.Conflict)
        {
            // Someone else decided first (or the status no longer allows it): show the entry as it is now.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Show), new ReviewPage(entry, t[outcome.Errors[0].Code].Value));
        }
        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(error.Field, t[error.Code]);
        }
        ViewData["Decision"] = decision;
        ViewData["Reason"] = reason;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Show), new ReviewPage(entry, null));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
