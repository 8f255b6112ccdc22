using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Web.Authorization;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// The base of a company's own record pages (<c>/company/schemes</c>, <c>/company/subsidies</c>): the company is always
/// the signed-in user's own, read from the membership under the <c>CompanyMember</c> policy (<see cref="OwnCompany"/>),
/// never from the address, so another company's record is not found. What those pages share lives here once: the
/// acting user, the company, the guard every change passes, the notice after a command and the autosave's answer
/// (docs/adr/0094-company-pages-share-a-base-controller.md). What differs (the forms, the pages, where a command
/// leads) stays in each controller.
/// </summary>
public abstract class OwnCompanyController(OwnCompany own, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The portal's text in the user's language.</summary>
    protected IStringLocalizer<SharedResource> Text => t;

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The acting user, for the audit fields and the mail a command writes.</summary>
    protected Actor Me => new(UserId, User.Identity?.Name ?? UserId);

    /// <summary>The user's own company, or null for a user with none (or whose membership the policy refuses).</summary>
    protected Task<Company?> OwnCompanyAsync(CancellationToken ct) => own.OfAsync(User, ct);

    /// <summary>The id of the user's own company under the same policy, without reading the company itself.</summary>
    protected Task<int?> OwnCompanyIdAsync(CancellationToken ct) => own.IdOfAsync(User, ct);

    /// <summary>Where a list sends a user who has no company yet: the company's start page.</summary>
    protected RedirectResult ToCompanyStart() => Redirect("/company");

    /// <summary>One of the company's records, or null when the user has no company or the record is another company's.</summary>
    protected async Task<T?> FindOwnAsync<T>(Func<int, Task<T?>> find, CancellationToken ct)
        where T : class =>
        await OwnCompanyIdAsync(ct) is { } companyId ? await find(companyId) : null;

    /// <summary>
    /// A change to the company's records: not found (404) for a user without a company, 400 for a post that model
    /// binding or the input check refused, else the change, given the company's id.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(Func<int, Task<IActionResult>> change, CancellationToken ct)
    {
        if (await OwnCompanyIdAsync(ct) is not { } companyId)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        return await change(companyId);
    }

    /// <summary>
    /// The answer to a command on one record: not found (404); refused field by field, the page again when
    /// <paramref name="refused"/> is given; otherwise the notice (<paramref name="done"/>, or the refusal's message)
    /// and <paramref name="back"/> to the record.
    /// </summary>
    protected async Task<IActionResult> AnsweredAsync<T>(
        Outcome<T> outcome, string done, Func<IActionResult> back, Func<Task<IActionResult>>? refused = null)
    {
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        if (outcome.Status == OutcomeStatus.Invalid && refused is not null)
        {
            return await refused();
        }
        Notice(outcome.Succeeded ? done : outcome.Errors[0].Code);
        return back();
    }

    /// <summary>
    /// The autosave's JSON answer: what <paramref name="saved"/> makes of the saved draft; 422 with every refusal in one
    /// message (each as <paramref name="refusals"/> words it); 409 with the message of a conflict (changed elsewhere, no longer a draft); 404.
    /// </summary>
    protected async Task<IActionResult> AutosavedAsync<T>(Outcome<T> outcome, Func<T, object> saved, Func<IReadOnlyList<FieldError>, Task<IEnumerable<string>>> refusals) =>
        outcome.Status switch
        {
            OutcomeStatus.Ok => Json(saved(outcome.Value!)),
            OutcomeStatus.NotFound => NotFound(),
            OutcomeStatus.Invalid => UnprocessableEntity(new { message = t["Scheme.AutosaveRefused", string.Join(" ", await refusals(outcome.Errors))].Value }),
            _ => Conflict(new { message = t[outcome.Errors[0].Code].Value }),
        };

    /// <summary>A one-line notice on the next page (kept in TempData for one request).</summary>
    protected void Notice(string key) => TempData["Notice"] = t[key].Value;

    /// <summary>The page again with the refusals beside their fields: 422, the view and its model as given.</summary>
    protected ViewResult Refused(string viewName, object model)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(viewName, model);
    }
}
