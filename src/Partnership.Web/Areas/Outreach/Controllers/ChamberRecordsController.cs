using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Outreach.Controllers;

/// <summary>
/// The base of the chamber's record logs (activities, support cases): chamber staff record, change their own records
/// (a branch manager the branch's), Metro officials read. Adds to <see cref="OutreachFormsController"/> the acting staff
/// member and the check that a record may be changed.
/// </summary>
/// <typeparam name="TRecord">The record the log keeps.</typeparam>
public abstract class ChamberRecordsController<TRecord>(ChamberStaff staff, IAuthorizationService authorization, IStringLocalizer<SharedResource> t)
    : OutreachFormsController(t)
    where TRecord : class
{
    /// <summary>Who recorded a record and its branch: what decides who may change it.</summary>
    protected abstract ChamberRecord OwnerOf(TRecord record);

    /// <summary>The chamber's staff, as the accounts know them (each one's branch, who manages one).</summary>
    protected ChamberStaff Staff => staff;

    /// <summary>The signed-in staff member with their branch, or null for someone who is not chamber staff.</summary>
    protected Task<ChamberEditor?> EditorAsync(CancellationToken ct) => staff.EditorAsync(User, ct);

    /// <summary>The change of a record that exists (else 404) and that the user may change (else 403).</summary>
    protected Task<IActionResult> WhenMayChangeAsync(TRecord? record, Func<TRecord, Task<IActionResult>> change) =>
        this.WhenMayChangeChamberRecordAsync(authorization, record, OwnerOf, change);
}
