using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Events;
using Partnership.Core.Reference;
using Partnership.Web.Areas.Events.Models;
using Partnership.Web.Authorization;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Events.Controllers;

/// <summary>The public events: list by area, month and organiser, each event's page and calendar file; company users register from the page.</summary>
[Area("Events")]
[Route("/events")]
public sealed class EventsController(EventService events, CompanyService companies, IReferenceLists lists, PortalLinks links, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    internal static readonly IReadOnlyDictionary<string, (string, int)> RegisterFields = new Dictionary<string, (string, int)>
    {
        ["ParticipantName"] = ("Field.ParticipantName", EventRegistration.NameMaxLength),
        ["ParticipantEmail"] = ("Field.ParticipantEmail", EventRegistration.EmailMaxLength),
    };

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "area")] string? areaCode, string? month, OrganiserSide? organiser, bool past, CancellationToken ct)
    {
        // "area" is also MVC's own route value (this controller's area): read the filter from the query only.
        var area = areaCode;
        int? year = null;
        int? monthNumber = null;
        if (month is { Length: 7 } && int.TryParse(month[..4], out var y) && int.TryParse(month[5..], out var m) && month[4] == '-')
        {
            (year, monthNumber) = (y, m);
        }
        if (organiser is { } o && !Enum.IsDefined(o))
        {
            organiser = null;
        }
        var rows = await events.ListAsync(new EventFilter(area, year, monthNumber, organiser, past), ct);
        var areas = await lists.ProgramAreasAsync(ct);
        return View(new EventListViewModel(rows, areas, area, year is null ? null : month, organiser, past));
    }

    [AllowAnonymous]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct) => await DetailsPageAsync(id, new RegisterModel(), ct);

    [AllowAnonymous]
    [HttpGet("{id:int}/calendar.ics")]
    public async Task<IActionResult> Calendar(int id, CancellationToken ct)
    {
        var e = await events.FindAsync(id, ct);
        if (e is null)
        {
            return NotFound();
        }
        var url = links.Absolute(HttpContext, $"/events/{id}");
        var description = string.Join("\n", new[] { EventText.Description(e), e.OnlineUrl ?? "", url }.Where(s => s.Length > 0));
        var ics = IcsCalendar.For(e, EventText.Title(e), description, url, new Uri(url).Host, clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(ics), IcsCalendar.ContentType, $"event-{id}.ics");
    }

    [Authorize(Policy = Policies.CompanyUser)]
    [HttpPost("{id:int}/register")]
    public async Task<IActionResult> Register(int id, RegisterModel form, CancellationToken ct)
    {
        var membership = await companies.MembershipAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (membership is null)
        {
            return RedirectToAction("Index", "MyCompany", new { area = "Companies" });
        }
        if (ModelState.IsValid)
        {
            var who = new Registrant(membership.CompanyId, membership.UserId, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity!.Name!,
                Languages.IsJapanese ? Languages.Japanese : Languages.English);
            var outcome = await events.RegisterAsync(id, who, form.ParticipantName, form.ParticipantEmail, ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                TempData["Notice"] = t[outcome.Value == RegistrationStatus.Registered ? "Event.RegisteredNotice" : "Event.WaitingNotice", form.ParticipantName!].Value;
                return Redirect($"/events/{id}");
            }
            ServiceErrors.Add(ModelState, t, outcome.Errors, RegisterFields);
        }
        return await DetailsPageAsync(id, form, ct);
    }

    private async Task<IActionResult> DetailsPageAsync(int id, RegisterModel form, CancellationToken ct)
    {
        var e = await events.FindAsync(id, ct);
        if (e is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var isCompany = User.IsInRole(Roles.Company);
        var membership = isCompany ? await companies.MembershipAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) : null;
        var mine = membership is null ? [] : await events.CompanyRegistrationsAsync(membership.CompanyId, id, ct);
        return View("Details", new EventDetailsViewModel(e, await events.WaitingCountAsync(id, ct), await events.AttendedCountAsync(id, ct),
            e.IsPastAt(now), e.IsRegistrationOpenAt(now), isCompany, membership is not null, mine, form));
    }
}
