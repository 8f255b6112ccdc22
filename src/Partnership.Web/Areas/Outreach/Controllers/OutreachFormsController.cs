using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// The base of the outreach pages whose forms chamber staff and Metro officials post (activities, support cases,
/// publicity and co-sponsorship requests): the refusals beside their fields and the one answer to a posted form
/// (docs/adr/0094-company-pages-share-a-base-controller.md). The lists, the forms and where a save leads stay in each
/// controller.
/// </summary>
public abstract class OutreachFormsController(IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The portal's text in the user's language.</summary>
    protected IStringLocalizer<SharedResource> Text => t;

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Each form field's label key and length limit, for the refusals' messages (<see cref="ServiceErrors"/>).</summary>
    protected abstract IReadOnlyDictionary<string, (string Label, int Max)> Fields { get; }

    /// <summary>The status of a form that comes back refused (a conflict answers 409 whatever this says).</summary>
    protected virtual int RefusedStatus => StatusCodes.Status422UnprocessableEntity;

    protected void AddErrors(IEnumerable<FieldError> errors) => ServiceErrors.Add(ModelState, t, errors, Fields);

    /// <summary>
    /// A posted form: when model binding accepted it, <paramref name="save"/>. Saved: the notice <paramref name="done"/>
    /// and a redirect to where <paramref name="to"/> says; gone: 404; refused: every refusal beside its field and the
    /// form again (<paramref name="formAgain"/>), with 409 when someone changed the record meanwhile
    /// (<paramref name="onConflict"/> then takes the stored version, so the next save can overwrite knowingly).
    /// </summary>
    protected async Task<IActionResult> PostedAsync<T>(
        Func<Task<Outcome<T>>> save, string done, Func<T, string> to, Func<Task<IActionResult>> formAgain, Action? onConflict = null)
    {
        var status = RefusedStatus;
        if (ModelState.IsValid)
        {
            var outcome = await save();
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t[done].Value;
                return Redirect(to(outcome.Value!));
            }
            AddErrors(outcome.Errors);
            if (outcome.Status == OutcomeStatus.Conflict)
            {
                status = StatusCodes.Status409Conflict;
                onConflict?.Invoke();
            }
        }
        Response.StatusCode = status;
        return await formAgain();
    }
}
