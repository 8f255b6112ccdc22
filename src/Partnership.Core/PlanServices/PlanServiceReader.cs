using Microsoft.EntityFrameworkCore;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Events;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;

namespace Partnership.Core.PlanServices;

/// <summary>
/// What each measure of the plan offers now: the schemes, subsidy programs, desks, events and library articles
/// that point at it (by their own measure or by a <see cref="MeasureServiceLink"/>), the Chamber's outreach for
/// Chamber-side measures, and the official offline note (docs/adr/0074-measure-services-as-data.md). It sits
/// above Catalog and the service areas, so that none of them depends on another.
/// </summary>
public sealed class PlanServiceReader(IAppDbContext db, TimeProvider clock)
{
    /// <summary>The page of the Chamber's support for its members, which serves every Chamber-side measure.</summary>
    public const string ChamberUrl = "/chamber";

    /// <summary>キャリア形成支援: besides its own services, every event typed as career support serves it (docs/adr/0086).</summary>
    public const string CareerSupportMeasureKey = "WOMEN-M03";

    public async Task<MeasureOffer> ForMeasureAsync(MeasureRow measure, CancellationToken ct = default) =>
        (await ForMeasuresAsync([measure], ct))[measure.Id];

    public async Task<IReadOnlyDictionary<int, MeasureOffer>> ForMeasuresAsync(IReadOnlyCollection<MeasureRow> measures, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(JapanTime.ToJapan(now));
        var keys = measures.Select(m => m.Key).Distinct().ToList();

        var links = await db.MeasureServiceLinks.AsNoTracking().Where(l => keys.Contains(l.MeasureKey)).ToListAsync(ct);
        var notes = await db.MeasureOfflineNotes.AsNoTracking().Where(n => keys.Contains(n.MeasureKey)).ToListAsync(ct);
        var linkedCodes = links.Select(l => l.ServiceCode).Distinct().ToList();

        var schemes = await db.Schemes.AsNoTracking()
            .Where(s => keys.Contains(s.MeasureKey) || linkedCodes.Contains(s.Code))
            .OrderBy(s => s.Order).ToListAsync(ct);
        var programs = await db.SubsidyPrograms.AsNoTracking()
            .Where(p => keys.Contains(p.MeasureKey) || linkedCodes.Contains(p.Code))
            .OrderBy(p => p.Order).ToListAsync(ct);
        var programIds = programs.Select(p => p.Id).ToList();
        var windows = await db.SubsidyWindows.AsNoTracking().Where(w => programIds.Contains(w.ProgramId)).ToListAsync(ct);
        var desks = await db.ConsultationDesks.AsNoTracking()
            .Where(d => keys.Contains(d.Measure!.Key) || linkedCodes.Contains(d.Code))
            .OrderBy(d => d.Order)
            .Select(d => new { d.Code, d.NameJa, d.NameEn, d.IsActive, d.OffersExpertDispatch, MeasureKey = d.Measure!.Key })
            .ToListAsync(ct);
        var careerSupport = keys.Contains(CareerSupportMeasureKey);
        var events = await db.PartnershipEvents.AsNoTracking()
            .Where(e => e.EndsAt > now && (keys.Contains(e.Measure!.Key) || (careerSupport && e.Type == EventType.CareerSupport)))
            .OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.TitleJa, e.TitleEn, e.RegistrationOpensAt, e.RegistrationClosesAt, e.StartsAt, e.Capacity, e.Registered, e.Type, MeasureKey = e.Measure!.Key })
            .ToListAsync(ct);
        var articles = await db.LibraryArticles.AsNoTracking()
            .Where(a => !a.IsDraft && a.PublishedOn <= today && (keys.Contains(a.MeasureKey) || linkedCodes.Contains(a.Code)))
            .OrderByDescending(a => a.PublishedOn).ThenBy(a => a.Code)
            .Select(a => new { a.Code, a.TitleJa, a.TitleEn, a.MeasureKey })
            .ToListAsync(ct);

        var result = new Dictionary<int, MeasureOffer>();
        foreach (var measure in measures)
        {
            var linked = links.Where(l => l.MeasureKey == measure.Key).ToList();
            bool Serves(ServiceKind kind, string ownKey, string code) =>
                ownKey == measure.Key || linked.Any(l => l.Kind == kind && l.ServiceCode == code);

            var items = new List<ServiceItem>();
            items.AddRange(programs.Where(p => Serves(ServiceKind.Subsidy, p.MeasureKey, p.Code))
                .Select(p => ProgramItem(p, windows.Where(w => w.ProgramId == p.Id), now)));
            items.AddRange(schemes.Where(s => Serves(ServiceKind.Scheme, s.MeasureKey, s.Code))
                .Select(s => new ServiceItem(ServiceKind.Scheme, s.Code, s.NameJa, s.NameEn, $"/schemes/{s.Code}", ServiceState.Ongoing, null,
                    s.Kind == SchemeKind.Declaration ? "Service.Action.Declare" : "Service.Action.Apply")));
            items.AddRange(desks.Where(d => Serves(ServiceKind.Consultation, d.MeasureKey, d.Code))
                .Select(d => new ServiceItem(ServiceKind.Consultation, d.Code, d.NameJa, d.NameEn, $"/desks/{d.Code}",
                    d.IsActive ? ServiceState.Ongoing : ServiceState.Closed, null, "Service.Action.Consult")));
            items.AddRange(events.Where(e => e.MeasureKey == measure.Key
                    || (measure.Key == CareerSupportMeasureKey && e.Type == EventType.CareerSupport) || linked.Any(l => l.Kind == ServiceKind.Event && l.ServiceCode == e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Select(e => new ServiceItem(ServiceKind.Event, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.TitleJa,
                    string.IsNullOrEmpty(e.TitleEn) ? e.TitleJa : e.TitleEn, $"/events/{e.Id}",
                    EventState(e.RegistrationOpensAt, e.RegistrationClosesAt, e.StartsAt, now),
                    e.RegistrationOpensAt > now ? DateOnly.FromDateTime(JapanTime.ToJapan(e.RegistrationOpensAt)) : null, "Service.Action.Register")));
            items.AddRange(articles.Where(a => Serves(ServiceKind.Library, a.MeasureKey, a.Code))
                .Select(a => new ServiceItem(ServiceKind.Library, a.Code, a.TitleJa, string.IsNullOrEmpty(a.TitleEn) ? a.TitleJa : a.TitleEn,
                    $"/library/{a.Code}", ServiceState.Ongoing, null, "Service.Action.Read")));
            if (measure.Side == MeasureSide.Chamber)
            {
                items.Add(new ServiceItem(ServiceKind.Outreach, measure.Key, "東京商工会議所による会員企業への支援", "The Chamber's support for its member companies",
                    $"{ChamberUrl}#{measure.Kind.ToString().ToLowerInvariant()}", ServiceState.Ongoing, null, "Service.Action.SeeChamber"));
            }
            result[measure.Id] = new MeasureOffer(items, notes.SingleOrDefault(n => n.MeasureKey == measure.Key));
        }
        return result;
    }

    /// <summary>
    /// The measures of the latest plan a service serves: its own measure (by key) and those linked to it, for the
    /// service's page to link back to.
    /// </summary>
    public async Task<IReadOnlyList<ServedMeasure>> MeasuresOfAsync(ServiceKind kind, string code, string? ownKey, CancellationToken ct = default)
    {
        var latest = await db.PartnershipPlans.AsNoTracking().MaxAsync(p => (int?)p.FiscalYear, ct);
        var linked = db.MeasureServiceLinks.Where(l => l.Kind == kind && l.ServiceCode == code).Select(l => l.MeasureKey);
        return await db.Measures.AsNoTracking()
            .Where(m => m.Plan!.FiscalYear == latest && (m.Key == ownKey || linked.Contains(m.Key)))
            .OrderBy(m => m.Order)
            .Select(m => new ServedMeasure(m.Id, m.Key, m.TitleJa, m.TitleEn))
            .ToListAsync(ct);
    }

    /// <summary>A program's state: its open window, else one whose budget is used, else the next, else closed.</summary>
    public static ServiceItem ProgramItem(SubsidyProgram program, IEnumerable<SubsidyWindow> windows, DateTime now)
    {
        var (state, date) = ProgramState(windows, now);
        return new ServiceItem(ServiceKind.Subsidy, program.Code, program.NameJa, program.NameEn, $"/subsidies/programs/{program.Code}", state, date, "Service.Action.Apply");
    }

    public static (ServiceState State, DateOnly? Date) ProgramState(IEnumerable<SubsidyWindow> windows, DateTime now)
    {
        var list = windows.ToList();
        if (list.Any(w => w.StateAt(now) == WindowState.Open))
        {
            return (ServiceState.Open, null);
        }
        if (list.Any(w => w.StateAt(now) == WindowState.BudgetReached))
        {
            return (ServiceState.BudgetReached, null);
        }
        var next = list.Where(w => w.OpensAt > now).OrderBy(w => w.OpensAt).FirstOrDefault();
        return next is null ? (ServiceState.Closed, null) : (ServiceState.Upcoming, DateOnly.FromDateTime(JapanTime.ToJapan(next.OpensAt)));
    }

    private static ServiceState EventState(DateTime opens, DateTime closes, DateTime starts, DateTime now) =>
        now < opens ? ServiceState.Upcoming
        : now < closes && now < starts ? ServiceState.Open
        : ServiceState.Closed;
}
