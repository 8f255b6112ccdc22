using Partnership.Core.Common;
using Partnership.Core.Events;

namespace Partnership.UnitTests.Events;

public class EventRulesTests
{
    private static EventRegistration Reg(int id, RegistrationStatus status) => new()
    {
        Id = id, Status = status, RegisteredByUserId = "u", ParticipantName = "p", ParticipantEmail = $"p{id}@example.jp", ContactEmail = "c@example.jp",
    };

    [Fact]
    public void The_earliest_arrivals_on_the_waiting_list_move_up_first()
    {
        var list = new[] { Reg(5, RegistrationStatus.Waiting), Reg(2, RegistrationStatus.Registered), Reg(9, RegistrationStatus.Waiting), Reg(3, RegistrationStatus.Waiting), Reg(4, RegistrationStatus.Cancelled) };
        Assert.Equal([3], EventRules.ToPromote(list, 1).Select(r => r.Id));
        Assert.Equal([3, 5], EventRules.ToPromote(list, 2).Select(r => r.Id));
        Assert.Equal([3, 5, 9], EventRules.ToPromote(list, 10).Select(r => r.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Nobody_moves_up_without_a_free_place(int free)
    {
        Assert.Empty(EventRules.ToPromote([Reg(1, RegistrationStatus.Waiting)], free));
    }

    [Fact]
    public void Cancelled_and_registered_people_are_never_promoted()
    {
        Assert.Empty(EventRules.ToPromote([Reg(1, RegistrationStatus.Cancelled), Reg(2, RegistrationStatus.Registered)], 5));
    }

    [Fact]
    public void Waiting_positions_count_from_one_in_arrival_order()
    {
        var list = new[] { Reg(1, RegistrationStatus.Registered), Reg(4, RegistrationStatus.Waiting), Reg(6, RegistrationStatus.Cancelled), Reg(8, RegistrationStatus.Waiting) };
        Assert.Null(EventRules.WaitingPosition(list, list[0]));
        Assert.Equal(1, EventRules.WaitingPosition(list, list[1]));
        Assert.Equal(2, EventRules.WaitingPosition(list, list[3]));
    }

    private static readonly DateTime Now = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    private static EventInput Input(DateTime startJapan, int capacity = 30) => new(
        1, OrganiserSide.Metro, "テレワーク体験セミナー", "Telework seminar", "", "", "都庁", null,
        startJapan, startJapan.AddHours(2), capacity, startJapan.AddDays(-20), startJapan.AddDays(-1));

    [Fact]
    public void A_valid_event_is_converted_from_Japan_time_to_UTC()
    {
        var (e, errors) = EventRules.Validate(Input(new DateTime(2026, 5, 10, 14, 0, 0)), Now, 0, null);
        Assert.Empty(errors);
        Assert.Equal(new DateTime(2026, 5, 10, 5, 0, 0, DateTimeKind.Utc), e!.StartsAt);
    }

    [Fact]
    public void Past_dates_are_refused_for_a_new_start()
    {
        var (e, errors) = EventRules.Validate(Input(new DateTime(2026, 3, 31, 14, 0, 0)), Now, 0, null);
        Assert.Null(e);
        Assert.Contains(errors, x => x.Code == "Event.StartInPast");
    }

    [Fact]
    public void A_capacity_below_current_registrations_is_refused()
    {
        var (_, errors) = EventRules.Validate(Input(new DateTime(2026, 5, 10, 14, 0, 0), capacity: 9), Now, alreadyRegistered: 10, null);
        Assert.Contains(errors, x => x.Field == "Capacity" && x.Code == "Event.CapacityBelowRegistered");
    }

    [Fact]
    public void Periods_in_the_wrong_order_and_no_place_are_refused()
    {
        var start = new DateTime(2026, 5, 10, 14, 0, 0);
        var input = Input(start) with { EndsAtJapan = start.AddHours(-1), RegistrationClosesAtJapan = start.AddDays(1), Venue = null, OnlineUrl = "http://plain.example.jp" };
        var (_, errors) = EventRules.Validate(input, Now, 0, null);
        Assert.Contains(errors, x => x.Code == "Event.EndBeforeStart");
        Assert.Contains(errors, x => x.Code == "Event.RegistrationCloseAfterStart");
        Assert.Contains(errors, x => x.Code == "Event.UrlInvalid");
    }

    [Fact]
    public void Staff_run_events_only_for_their_own_side_or_jointly()
    {
        Assert.Equal([OrganiserSide.Metro, OrganiserSide.Joint], EventService.SidesFor(metroOfficial: true, chamberStaff: false));
        Assert.Equal([OrganiserSide.Chamber, OrganiserSide.Joint], EventService.SidesFor(metroOfficial: false, chamberStaff: true));
        Assert.Empty(EventService.SidesFor(false, false));
    }

    [Fact]
    public void Registration_is_open_only_within_its_period_and_before_the_start()
    {
        var e = new PartnershipEvent { TitleJa = "x", RegistrationOpensAt = Now, RegistrationClosesAt = Now.AddDays(2), StartsAt = Now.AddDays(3) };
        Assert.False(e.IsRegistrationOpenAt(Now.AddSeconds(-1)));
        Assert.True(e.IsRegistrationOpenAt(Now));
        Assert.False(e.IsRegistrationOpenAt(Now.AddDays(2)));
        _ = JapanTime.Zone;
    }
}
