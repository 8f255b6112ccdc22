using Partnership.Core.Schemes;

namespace Partnership.UnitTests.Schemes;

public class EntryStateMachineTests
{
    /// <summary>Every allowed transition and where it leads; every other pair is refused.</summary>
    public static readonly TheoryData<EntryStatus, EntryAction, EntryStatus> Allowed = new()
    {
        { EntryStatus.Draft, EntryAction.Edit, EntryStatus.Draft },
        { EntryStatus.Returned, EntryAction.Edit, EntryStatus.Returned },
        { EntryStatus.Draft, EntryAction.Submit, EntryStatus.Submitted },
        { EntryStatus.Returned, EntryAction.Submit, EntryStatus.Submitted },
        { EntryStatus.Draft, EntryAction.Withdraw, EntryStatus.Withdrawn },
        { EntryStatus.Submitted, EntryAction.Withdraw, EntryStatus.Withdrawn },
        { EntryStatus.Returned, EntryAction.Withdraw, EntryStatus.Withdrawn },
        { EntryStatus.Submitted, EntryAction.Accept, EntryStatus.Accepted },
        { EntryStatus.Submitted, EntryAction.Return, EntryStatus.Returned },
        { EntryStatus.Submitted, EntryAction.Reject, EntryStatus.Rejected },
        { EntryStatus.Accepted, EntryAction.Expire, EntryStatus.Expired },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void An_allowed_action_leads_to_its_status(EntryStatus from, EntryAction action, EntryStatus to)
    {
        Assert.True(EntryStateMachine.Can(from, action));
        Assert.Equal(to, EntryStateMachine.Next(from, action));
    }

    [Fact]
    public void Every_other_action_in_every_status_is_refused()
    {
        var allowed = Allowed.Select(row => ((EntryStatus)row[0], (EntryAction)row[1])).ToHashSet();
        var refused = 0;
        foreach (var status in Enum.GetValues<EntryStatus>())
        {
            foreach (var action in Enum.GetValues<EntryAction>())
            {
                if (allowed.Contains((status, action)))
                {
                    continue;
                }
                Assert.False(EntryStateMachine.Can(status, action), $"{action} in {status}");
                Assert.Null(EntryStateMachine.Next(status, action));
                refused++;
            }
        }
        Assert.Equal(7 * 7 - 11, refused);
    }

    [Theory]
    [InlineData(EntryStatus.Withdrawn, EntryAction.Accept)]
    [InlineData(EntryStatus.Rejected, EntryAction.Accept)]
    [InlineData(EntryStatus.Accepted, EntryAction.Withdraw)]
    [InlineData(EntryStatus.Returned, EntryAction.Accept)]
    [InlineData(EntryStatus.Draft, EntryAction.Accept)]
    [InlineData(EntryStatus.Submitted, EntryAction.Edit)]
    [InlineData(EntryStatus.Expired, EntryAction.Submit)]
    public void The_transitions_a_request_might_try_out_of_turn_are_refused(EntryStatus status, EntryAction action) =>
        Assert.False(EntryStateMachine.Can(status, action));

    [Theory]
    [InlineData(EntryStatus.Draft, true)]
    [InlineData(EntryStatus.Submitted, true)]
    [InlineData(EntryStatus.Returned, true)]
    [InlineData(EntryStatus.Accepted, true)]
    [InlineData(EntryStatus.Rejected, false)]
    [InlineData(EntryStatus.Withdrawn, false)]
    [InlineData(EntryStatus.Expired, false)]
    public void Live_statuses_are_the_ones_that_keep_a_company_from_starting_another_entry(EntryStatus status, bool live) =>
        Assert.Equal(live, EntryStateMachine.IsLive(status));
}
