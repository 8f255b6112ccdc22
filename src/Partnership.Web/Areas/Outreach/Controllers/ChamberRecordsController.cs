using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// The base of the chamber's record logs (activities, support cases): chamber staff record, change their own records
/// (a branch manager the branch's), Metro officials read. What those pages share lives here once: the acting staff
/// member, the check that a record may be changed, the refusals beside their fields and the answer to a posted form
/// (docs/adr/0094-company-pages-share-a-base-controller.md). The lists, the forms and where a save leads stay in each
/// controller.
/// </summary>
/// <typeparam name="TRecord">The record the log keeps.</typeparam>
public abstract class ChamberRecordsController<TRecord>(ChamberStaff staff, IAuthorizationService authorization, IStringLocalizer<SharedResource> t)
    : Controller
    where TRecord : class
{
    /// <summary>The portal's text in the user's language.</summary>
    protected IStringLocalizer<SharedResource> Text => t;

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Each form field's label key and length limit, for the refusals' messages (<see cref="ServiceErrors"/>).</summary>
    protected abstract IReadOnlyDictionary<string, (string Label, int Max)> Fields { get; }

    /// <summary>Who recorded a record and its branch: what decides who may change it.</summary>
    protected abstract ChamberRecord OwnerOf(TRecord record);

    /// <summary>The status of a form that comes back refused (a conflict answers 409 whatever this says).</summary>
    protected virtual int RefusedStatus => StatusCodes.Status422UnprocessableEntity;

    /// <summary>The chamber's staff, as the accounts know them (each one's branch, who manages one).</summary>
    protected ChamberStaff Staff => staff;

    /// <summary>The signed-in staff member with their branch, or null for someone who is not chamber staff.</summary>
    protected Task<ChamberEditor?> EditorAsync(CancellationToken ct) => staff.EditorAsync(User, ct);

    /// <summary>The change of a record that exists (else 404) and that the user may change (else 403).</summary>
    protected Task<IActionResult> WhenMayChangeAsync(TRecord? record, Func<TRecord, Task<IActionResult>> change) =>
        this.WhenMayChangeChamberRecordAsync(authorization, record, OwnerOf, change);

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
