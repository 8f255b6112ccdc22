using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Events;
using Partnership.Web.Areas.Events.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Events.Controllers;

/// <summary>
/// Organisers: Metro officials run Metro and joint events, chamber staff Chamber and joint events. They create and
/// change events, see registrations and the waiting list, and record attendance.
/// </summary>
[Area("Events")]
[Authorize(Policy = Policies.OrganiseEvents)]
[Route("/events/manage")]
public sealed class OrganiseController(EventService events, CatalogService catalog, CompanyService companies, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private static readonly IReadOnlyDictionary<string, (string, int)> Fields = new Dictionary<string, (string, int)>
    {
        ["MeasureId"] = ("Field.Measure", 0),
        ["Organiser"] = ("Field.Organiser", 0),
        ["TitleJa"] = ("Field.EventTitleJa", PartnershipEvent.TitleMaxLength),
        ["TitleEn"] = ("Field.EventTitleEn", PartnershipEvent.TitleMaxLength),
        ["DescriptionJa"] = ("Field.DescriptionJa", PartnershipEvent.DescriptionMaxLength),
        ["DescriptionEn"] = ("Field.DescriptionEn", PartnershipEvent.DescriptionMaxLength),
        ["Venue"] = ("Field.Venue", PartnershipEvent.VenueMaxLength),
        ["OnlineUrl"] = ("Field.OnlineUrl", PartnershipEvent.UrlMaxLength),
        ["StartsAtJapan"] = ("Field.StartsAt", 0),
        ["EndsAtJapan"] = ("Field.EndsAt", 0),
        ["Capacity"] = ("Field.Capacity", 0),
        ["RegistrationOpensAtJapan"] = ("Field.RegistrationOpensAt", 0),
        ["RegistrationClosesAtJapan"] = ("Field.RegistrationClosesAt", 0),
    };

    private IReadOnlyList<OrganiserSide> Sides => EventService.SidesFor(User.IsInRole(Roles.MetroOfficial), User.IsInRole(Roles.ChamberStaff));

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var sides = Sides;
        var upcoming = await events.ListAsync(new EventFilter(null, null, null, null, Past: false), ct);
        var past = await events.ListAsync(new EventFilter(null, null, null, null, Past: true), ct);
        return View(upcoming.Concat(past).Where(r => sides.Contains(r.Event.Organiser)).ToList());
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("Form", await FormAsync(new EventFormModel { Organiser = User.IsInRole(Roles.MetroOfficial) ? OrganiserSide.Metro : OrganiserSide.Chamber }, null, 0, ct));

    [HttpPost("new")]
    public async Task<IActionResult> New(EventFormModel form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await events.CreateAsync(form.ToInput(), Sides, ct);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Event.Created"].Value;
                return Redirect($"/events/manage/{outcome.Value}/registrations");
            }
            AddErrors(outcome.Errors);
        }
        return View("Form", await FormAsync(form, null, 0, ct));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var e = await events.FindAsync(id, ct);
        if (e is null || !Sides.Contains(e.Organiser))
        {
            return NotFound();
        }
        return View("Form", await FormAsync(EventFormModel.From(e), id, e.Registered, ct));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EventFormModel form, CancellationToken ct)
    {
        var e = await events.FindAsync(id, ct);
        if (e is null || !Sides.Contains(e.Organiser))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var outcome = await events.UpdateAsync(id, form.ToInput(), form.Version, Sides, ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t["Event.Saved"].Value;
                return Redirect($"/events/manage/{id}/registrations");
            }
            AddErrors(outcome.Errors);
            if (outcome.Status == OutcomeStatus.Conflict)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
                form.Version = (await events.FindAsync(id, ct))?.Version ?? form.Version;
                return View("Form", await FormAsync(form, id, e.Registered, ct));
            }
        }
        return View("Form", await FormAsync(form, id, e.Registered, ct));
    }

    [HttpGet("{id:int}/registrations")]
    public async Task<IActionResult> Registrations(int id, CancellationToken ct)
    {
        var e = await events.FindAsync(id, ct);
        if (e is null || !Sides.Contains(e.Organiser))
        {
            return NotFound();
        }
        var rows = await events.RegistrationsAsync(id, ct);
        var companyIds = rows.Select(r => r.Registration.CompanyId).Distinct().ToList();
        var names = await companies.NamesAsync(companyIds, ct);
        return View(new RegistrationsViewModel(e, rows, names, e.StartsAt <= clock.GetUtcNow().UtcDateTime));
    }

    [HttpPost("{id:int}/registrations/{registrationId:int}/attendance")]
    public async Task<IActionResult> Attendance(int id, int registrationId, bool attended, CancellationToken ct)
    {
        var outcome = await events.RecordAttendanceAsync(id, registrationId, attended, Sides, ct);
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        TempData["Notice"] = outcome.Succeeded ? t["Event.AttendanceSaved"].Value : t[outcome.Errors[0].Code].Value;
        return Redirect($"/events/manage/{id}/registrations");
    }

    private async Task<EventFormViewModel> FormAsync(EventFormModel form, int? id, int registered, CancellationToken ct)
    {
        var measures = await catalog.LatestPlanMeasuresAsync(keep: form.MeasureId, ct: ct);
        return new EventFormViewModel(form, measures, Sides, id, registered);
    }

    private void AddErrors(IEnumerable<FieldError> errors) =>
        ServiceErrors.Add(ModelState, t, errors.Select(e => e with { Field = e.Field.Replace("Japan", "", StringComparison.Ordinal) }), Fields.ToDictionary(kv => kv.Key.Replace("Japan", "", StringComparison.Ordinal), kv => kv.Value));
}
