using Microsoft.EntityFrameworkCore;
using Partnership.Core.Events;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Mail;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Events;

public class EventServiceTests : TwoCompaniesTest
{
    private EventService Service(AppDbContext db) => new(db, new MailOutbox(db, Clock), new PlainMail(), Clock);

    private Registrant A => new(CompanyA, "owner-a", "owner-a@example.jp", "ja");

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_hundred_simultaneous_registrations_for_thirty_places_leave_thirty_registered_and_seventy_waiting_in_arrival_order()
    {
        int eventId;
        await using (var setup = Database.CreateContext())
        {
            eventId = await Seed.EventAsync(setup, Now, capacity: 30);
        }
        var start = new TaskCompletionSource();
        var tasks = Enumerable.Range(1, 100).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await using var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock);
            return await Service(db).RegisterAsync(eventId, A, $"参加者 {i}", $"p{i}@example.jp");
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(tasks);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, string.Join(",", o.Errors.Select(e => e.Code))));
        Assert.Equal(30, outcomes.Count(o => o.Value == RegistrationStatus.Registered));
        Assert.Equal(70, outcomes.Count(o => o.Value == RegistrationStatus.Waiting));

        await using var check = Database.CreateContext();
        var e = await check.PartnershipEvents.SingleAsync(x => x.Id == eventId);
        Assert.Equal(30, e.Registered);
        var rows = await check.EventRegistrations.Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(100, rows.Count);
        Assert.Equal(30, rows.Count(r => r.Status == RegistrationStatus.Registered));
        // Arrival order: every registered row arrived before every waiting one.
        Assert.True(rows.Where(r => r.Status == RegistrationStatus.Registered).Max(r => r.Id) < rows.Where(r => r.Status == RegistrationStatus.Waiting).Min(r => r.Id));
        var waitingPositions = (await Service(check).RegistrationsAsync(eventId)).Where(r => r.WaitingPosition is not null).Select(r => r.WaitingPosition!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 70), waitingPositions);
    }

    [Fact]
    public async Task A_cancellation_moves_the_first_on_the_waiting_list_up_with_a_mail_and_capacity_still_holds()
    {
        int eventId;
        await using (var setup = Database.CreateContext())
        {
            eventId = await Seed.EventAsync(setup, Now, capacity: 2);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            var service = Service(db);
            Assert.Equal(RegistrationStatus.Registered, (await service.RegisterAsync(eventId, A, "一番", "one@example.jp")).Value);
            Assert.Equal(RegistrationStatus.Registered, (await service.RegisterAsync(eventId, A, "二番", "two@example.jp")).Value);
            Assert.Equal(RegistrationStatus.Waiting, (await service.RegisterAsync(eventId, A, "三番", "three@example.jp")).Value);
            Assert.Equal(RegistrationStatus.Waiting, (await service.RegisterAsync(eventId, A, "四番", "four@example.jp")).Value);
        }
        int firstId;
        await using (var db = Database.CreateContext())
        {
            firstId = await db.EventRegistrations.Where(r => r.ParticipantEmail == "one@example.jp").Select(r => r.Id).SingleAsync();
        }
        await using (var db = Database.CreateContext(TestDatabase.User("owner-b"), Clock))
        {
            // Another company cannot cancel it.
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, (await Service(db).CancelAsync(firstId, CompanyB)).Status);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            Assert.True((await Service(db).CancelAsync(firstId, CompanyA)).Succeeded);
        }
        await using var check = Database.CreateContext();
        var rows = await check.EventRegistrations.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Registered, RegistrationStatus.Registered, RegistrationStatus.Waiting], rows.Select(r => r.Status));
        Assert.NotNull(rows[2].PromotedAt);
        Assert.Equal(2, (await check.PartnershipEvents.SingleAsync()).Registered);
        var mail = await check.OutboxMessages.SingleAsync();
        Assert.Equal("owner-a@example.jp", mail.To);
        Assert.Contains("三番", mail.BodyText);

        // The same person may register again after cancelling; now full, so they wait behind 四番.
        await using var again = Database.CreateContext(TestDatabase.User("owner-a"), Clock);
        Assert.Equal(RegistrationStatus.Waiting, (await Service(again).RegisterAsync(eventId, A, "一番", "one@example.jp")).Value);
    }

    [Fact]
    public async Task The_same_person_twice_is_refused_even_in_another_spelling_and_nothing_changes()
    {
        int eventId;
        await using (var setup = Database.CreateContext())
        {
            eventId = await Seed.EventAsync(setup, Now, capacity: 5);
        }
        await using var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock);
        Assert.True((await Service(db).RegisterAsync(eventId, A, "一番", "one@example.jp")).Succeeded);
        var twice = await Service(db).RegisterAsync(eventId, A, "一番", " ONE@example.jp ");
        Assert.Equal("Event.AlreadyRegistered", Assert.Single(twice.Errors).Code);

        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.EventRegistrations.CountAsync());
        Assert.Equal(1, (await check.PartnershipEvents.SingleAsync()).Registered);
    }

    [Fact]
    public async Task The_same_person_registered_twice_at_the_same_moment_gets_one_place()
    {
        int eventId;
        await using (var setup = Database.CreateContext())
        {
            eventId = await Seed.EventAsync(setup, Now, capacity: 5);
        }
        var start = new TaskCompletionSource();
        var tasks = Enumerable.Range(1, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await using var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock);
            return await Service(db).RegisterAsync(eventId, A, "同じ人", "same@example.jp");
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(tasks);
        Assert.Single(outcomes, o => o.Succeeded);
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.EventRegistrations.CountAsync());
        Assert.Equal(1, (await check.PartnershipEvents.SingleAsync()).Registered);
    }

    [Fact]
    public async Task Registration_outside_its_period_is_refused_and_nothing_changes()
    {
        int notYet;
        int closed;
        await using (var setup = Database.CreateContext())
        {
            notYet = await Seed.EventAsync(setup, Now, capacity: 5, opensInDays: 2);
            closed = await Seed.EventAsync(setup, Now, capacity: 5);
        }
        await using var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock);
        Assert.Equal("Event.RegistrationNotOpenYet", Assert.Single((await Service(db).RegisterAsync(notYet, A, "一番", "one@example.jp")).Errors).Code);
        Clock.Advance(TimeSpan.FromDays(9));
        Assert.Equal("Event.RegistrationClosed", Assert.Single((await Service(db).RegisterAsync(closed, A, "一番", "one@example.jp")).Errors).Code);
        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.EventRegistrations.CountAsync());
    }

    [Fact]
    public async Task An_edit_with_past_dates_or_a_capacity_below_registrations_is_refused_and_a_larger_capacity_promotes()
    {
        int eventId;
        await using (var setup = Database.CreateContext())
        {
            eventId = await Seed.EventAsync(setup, Now, capacity: 2);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            foreach (var i in Enumerable.Range(1, 4))
            {
                await Service(db).RegisterAsync(eventId, A, $"参加者{i}", $"p{i}@example.jp");
            }
        }
        PartnershipEvent current;
        await using (var db = Database.CreateContext())
        {
            current = await db.PartnershipEvents.AsNoTracking().SingleAsync();
        }
        EventInput Input(int capacity, DateTime start) => new(current.MeasureId, OrganiserSide.Metro, current.TitleJa, "", "", "", current.Venue, null,
            start, start.AddHours(2), capacity, Partnership.Core.Common.JapanTime.ToJapan(current.RegistrationOpensAt), start.AddDays(-1));
        var start = Partnership.Core.Common.JapanTime.ToJapan(current.StartsAt);
        Metro sides = new();

        await using (var db = Database.CreateContext(TestDatabase.User("metro"), Clock))
        {
            var below = await Service(db).UpdateAsync(eventId, Input(1, start), current.Version, sides.All);
            Assert.Contains(below.Errors, e => e.Code == "Event.CapacityBelowRegistered");
            var past = await Service(db).UpdateAsync(eventId, Input(2, Partnership.Core.Common.JapanTime.ToJapan(Now).AddDays(-1)), current.Version, sides.All);
            Assert.Contains(past.Errors, e => e.Code == "Event.StartInPast");
            var chamber = await Service(db).UpdateAsync(eventId, Input(3, start), current.Version, [OrganiserSide.Chamber, OrganiserSide.Joint]);
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, chamber.Status);
            var stale = await Service(db).UpdateAsync(eventId, Input(3, start), Guid.NewGuid(), sides.All);
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.Conflict, stale.Status);
        }
        await using (var check = Database.CreateContext())
        {
            Assert.Equal(2, (await check.PartnershipEvents.SingleAsync()).Capacity);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("metro"), Clock))
        {
            var grown = await Service(db).UpdateAsync(eventId, Input(3, start), current.Version, sides.All);
            Assert.True(grown.Succeeded, string.Join(",", grown.Errors.Select(e => e.Code)));
        }
        await using var after = Database.CreateContext();
        var e = await after.PartnershipEvents.SingleAsync();
        Assert.Equal(3, e.Registered);
        Assert.Equal(3, await after.EventRegistrations.CountAsync(r => r.Status == RegistrationStatus.Registered));
        Assert.Equal("p3@example.jp", (await after.EventRegistrations.SingleAsync(r => r.PromotedAt != null)).ParticipantEmail);
        Assert.Equal(1, await after.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Attendance_is_recorded_after_the_start_for_registered_participants_only_and_counts_in_the_results()
    {
        int eventId;
        await using (var setup = Database.CreateContext())
        {
            eventId = await Seed.EventAsync(setup, Now, capacity: 1);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            await Service(db).RegisterAsync(eventId, A, "一番", "one@example.jp");
            await Service(db).RegisterAsync(eventId, A, "二番", "two@example.jp");
        }
        int registered;
        int waiting;
        await using (var db = Database.CreateContext())
        {
            registered = await db.EventRegistrations.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.Id).SingleAsync();
            waiting = await db.EventRegistrations.Where(r => r.Status == RegistrationStatus.Waiting).Select(r => r.Id).SingleAsync();
        }
        var metro = new Metro().All;
        await using (var db = Database.CreateContext(TestDatabase.User("metro"), Clock))
        {
            Assert.Equal("Event.AttendanceBeforeStart", Assert.Single((await Service(db).RecordAttendanceAsync(eventId, registered, true, metro)).Errors).Code);
        }
        Clock.Advance(TimeSpan.FromDays(10).Add(TimeSpan.FromHours(3)));
        await using (var db = Database.CreateContext(TestDatabase.User("metro"), Clock))
        {
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, (await Service(db).RecordAttendanceAsync(eventId, registered, true, [OrganiserSide.Chamber])).Status);
            Assert.Equal("Event.AttendanceNotRegistered", Assert.Single((await Service(db).RecordAttendanceAsync(eventId, waiting, true, metro)).Errors).Code);
            Assert.True((await Service(db).RecordAttendanceAsync(eventId, registered, true, metro)).Succeeded);
            // A cancellation after the start is refused; the results keep registrations and attendance.
            Assert.Equal("Event.CancelAfterStart", Assert.Single((await Service(db).CancelAsync(registered, CompanyA)).Errors).Code);
            var past = Assert.Single(await Service(db).ListAsync(new EventFilter(null, null, null, null, Past: true)));
            Assert.Equal((1, 1), (past.Event.Registered, past.Attended));
        }
    }

    [Fact]
    public async Task A_new_event_in_the_past_is_refused()
    {
        await using var db = Database.CreateContext(TestDatabase.User("metro"), Clock);
        var measureId = await db.Measures.Where(m => m.Key == "TELEWORK-M04").Select(m => m.Id).SingleAsync();
        var start = Partnership.Core.Common.JapanTime.ToJapan(Now).AddDays(-2);
        var outcome = await Service(db).CreateAsync(new EventInput(measureId, OrganiserSide.Metro, "過去のセミナー", "", "", "", "都庁", null,
            start, start.AddHours(1), 10, start.AddDays(-10), start.AddDays(-1)), new Metro().All);
        Assert.Contains(outcome.Errors, e => e.Code == "Event.StartInPast");
        Assert.Equal(0, await db.PartnershipEvents.CountAsync());
    }

    private sealed class Metro
    {
        public IReadOnlyList<OrganiserSide> All { get; } = EventService.SidesFor(metroOfficial: true, chamberStaff: false);
    }
}

public class EventListTests : DatabaseTest
{
    [Fact]
    public async Task The_public_list_filters_by_organiser_area_and_month_and_keeps_past_events_apart()
    {
        await using var db = Database.CreateContext(null, Clock);
        await Seed.CompaniesAsync(db);
        var now = Clock.GetUtcNow().UtcDateTime;
        var upcoming = await Seed.EventAsync(db, now, capacity: 5);
        var past = await Seed.EventAsync(db, now.AddDays(-30), capacity: 5);
        var service = new EventService(db, new MailOutbox(db, Clock), new PlainMail(), Clock);
        var rows = await service.ListAsync(new EventFilter(null, null, null, null, Past: false));
        Assert.Equal([upcoming], rows.Select(r => r.Event.Id));
        Assert.Equal([past], (await service.ListAsync(new EventFilter(null, null, null, null, Past: true))).Select(r => r.Event.Id));
        Assert.Single(await service.ListAsync(new EventFilter("TELEWORK", null, null, OrganiserSide.Metro, false)));
        Assert.Empty(await service.ListAsync(new EventFilter("LWB", null, null, null, false)));
        Assert.Empty(await service.ListAsync(new EventFilter(null, null, null, OrganiserSide.Chamber, false)));
        var month = Partnership.Core.Common.JapanTime.ToJapan(now.AddDays(10));
        Assert.Single(await service.ListAsync(new EventFilter(null, month.Year, month.Month, null, false)));
        Assert.Empty(await service.ListAsync(new EventFilter(null, month.Year + 1, month.Month, null, false)));
    }
}
