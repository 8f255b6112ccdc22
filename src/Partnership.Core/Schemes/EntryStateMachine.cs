namespace Partnership.Core.Schemes;

public enum EntryAction
{
    /// <summary>Change the working answers (autosave or save).</summary>
    Edit,
    Submit,
    Withdraw,
    Accept,
    Return,
    Reject,
    Expire,
}

/// <summary>
/// Which action is allowed in which status, and where it leads. Every command of the services asks here first,
/// so a request for an action the status does not allow is refused whatever it says.
/// </summary>
public static class EntryStateMachine
{
    private static readonly Dictionary<(EntryStatus, EntryAction), EntryStatus> Transitions = new()
    {
        [(EntryStatus.Draft, EntryAction.Edit)] = EntryStatus.Draft,
        [(EntryStatus.Returned, EntryAction.Edit)] = EntryStatus.Returned,
        [(EntryStatus.Draft, EntryAction.Submit)] = EntryStatus.Submitted,
        [(EntryStatus.Returned, EntryAction.Submit)] = EntryStatus.Submitted,
        [(EntryStatus.Draft, EntryAction.Withdraw)] = EntryStatus.Withdrawn,
        [(EntryStatus.Submitted, EntryAction.Withdraw)] = EntryStatus.Withdrawn,
        [(EntryStatus.Returned, EntryAction.Withdraw)] = EntryStatus.Withdrawn,
        [(EntryStatus.Submitted, EntryAction.Accept)] = EntryStatus.Accepted,
        [(EntryStatus.Submitted, EntryAction.Return)] = EntryStatus.Returned,
        [(EntryStatus.Submitted, EntryAction.Reject)] = EntryStatus.Rejected,
        [(EntryStatus.Accepted, EntryAction.Expire)] = EntryStatus.Expired,
    };

    public static bool Can(EntryStatus status, EntryAction action) => Transitions.ContainsKey((status, action));

    public static EntryStatus? Next(EntryStatus status, EntryAction action) =>
        Transitions.TryGetValue((status, action), out var next) ? next : null;

    /// <summary>Draft, submitted, returned and accepted entries count as live: a company holds one per scheme.</summary>
    public static bool IsLive(EntryStatus status) =>
        status is EntryStatus.Draft or EntryStatus.Submitted or EntryStatus.Returned or EntryStatus.Accepted;

    /// <summary>Statuses an official sees in the review queue's counts, in order.</summary>
    public static readonly EntryStatus[] QueueStatuses =
        [EntryStatus.Submitted, EntryStatus.Returned, EntryStatus.Accepted, EntryStatus.Rejected, EntryStatus.Withdrawn, EntryStatus.Expired];
}
