namespace Partnership.Core.Consultations;

/// <summary>What can be done to a request.</summary>
public enum ConsultationAction
{
    Submit,
    Redirect,
    Accept,
    Decline,
    Assign,
    Schedule,
    RecordSession,
    Close,
    Cancel,
    Rate,
}

/// <summary>The request's state machine, as a table: every pair not in it is refused.</summary>
public static class ConsultationRules
{
    private static readonly Dictionary<(ConsultationStatus, ConsultationAction), ConsultationStatus> Transitions = new()
    {
        [(ConsultationStatus.Draft, ConsultationAction.Submit)] = ConsultationStatus.Submitted,
        [(ConsultationStatus.Draft, ConsultationAction.Cancel)] = ConsultationStatus.Cancelled,
        // Triage: redirect to another desk (stays submitted, for that desk), accept or decline with a reason.
        [(ConsultationStatus.Submitted, ConsultationAction.Redirect)] = ConsultationStatus.Submitted,
        [(ConsultationStatus.Submitted, ConsultationAction.Accept)] = ConsultationStatus.Accepted,
        [(ConsultationStatus.Submitted, ConsultationAction.Decline)] = ConsultationStatus.Declined,
        [(ConsultationStatus.Submitted, ConsultationAction.Cancel)] = ConsultationStatus.Cancelled,
        // Assign a desk officer or an expert; reassigning keeps the status.
        [(ConsultationStatus.Accepted, ConsultationAction.Assign)] = ConsultationStatus.Assigned,
        [(ConsultationStatus.Accepted, ConsultationAction.Close)] = ConsultationStatus.Closed,
        [(ConsultationStatus.Accepted, ConsultationAction.Cancel)] = ConsultationStatus.Cancelled,
        [(ConsultationStatus.Assigned, ConsultationAction.Assign)] = ConsultationStatus.Assigned,
        [(ConsultationStatus.Assigned, ConsultationAction.Schedule)] = ConsultationStatus.Scheduled,
        [(ConsultationStatus.Assigned, ConsultationAction.Close)] = ConsultationStatus.Closed,
        [(ConsultationStatus.Assigned, ConsultationAction.Cancel)] = ConsultationStatus.Cancelled,
        [(ConsultationStatus.Scheduled, ConsultationAction.Assign)] = ConsultationStatus.Scheduled,
        [(ConsultationStatus.Scheduled, ConsultationAction.Schedule)] = ConsultationStatus.Scheduled,
        [(ConsultationStatus.Scheduled, ConsultationAction.RecordSession)] = ConsultationStatus.Scheduled,
        [(ConsultationStatus.Scheduled, ConsultationAction.Close)] = ConsultationStatus.Closed,
        [(ConsultationStatus.Scheduled, ConsultationAction.Cancel)] = ConsultationStatus.Cancelled,
        // After the close the company may rate the help, once.
        [(ConsultationStatus.Closed, ConsultationAction.Rate)] = ConsultationStatus.Closed,
    };

    /// <summary>The status after the action, or null when the action is not allowed in this status.</summary>
    public static ConsultationStatus? Next(ConsultationStatus from, ConsultationAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : null;

    public static bool Allows(ConsultationStatus from, ConsultationAction action) => Next(from, action) is not null;

    public static IEnumerable<(ConsultationStatus From, ConsultationAction Action, ConsultationStatus To)> All =>
        Transitions.Select(t => (t.Key.Item1, t.Key.Item2, t.Value));

    /// <summary>Statuses the company can still cancel from.</summary>
    public static bool IsOpen(ConsultationStatus status) =>
        status is ConsultationStatus.Submitted or ConsultationStatus.Accepted or ConsultationStatus.Assigned or ConsultationStatus.Scheduled;
}
