namespace Partnership.Core.Subsidies;

/// <summary>
/// What a submission asks of its window, as the allotment rule words it (<see cref="SubsidyRules.ReservationFor"/>):
/// reserve <see cref="ReserveYen"/> from the budget when it still covers it, or only take the next receipt number
/// (<c>null</c>: screening after close); when the budget is short, take a number on the waiting list if
/// <see cref="QueueWhenShort"/>, or nothing.
/// </summary>
public sealed record ReservationRequest(int WindowId, long? ReserveYen, bool QueueWhenShort);

public enum ReservationOutcome
{
    /// <summary>The amount is reserved from the budget and a receipt number taken.</summary>
    Reserved,
    /// <summary>A receipt number is taken; nothing is reserved (screening: the budget is held at the grant).</summary>
    Numbered,
    /// <summary>The budget was short: a receipt number is taken on the waiting list.</summary>
    Queued,
    /// <summary>The budget was short and the window keeps no waiting list: nothing was taken.</summary>
    Refused,
}

/// <summary>
/// A first submission's receipt, as the rules word it: the draft <see cref="ApplicationId"/>, still in <see cref="From"/>
/// without a receipt, takes the window's next receipt number with the <see cref="Reservation"/> the allotment rule asks
/// for, and moves to the status the transition table names for what the window gave: <see cref="Received"/> when the
/// amount was reserved (or only a number was asked for), <see cref="Queued"/> when it went on the waiting list.
/// </summary>
public sealed record ReceiptRequest(int ApplicationId, ApplicationStatus From, ReservationRequest Reservation, ApplicationStatus Received,
    ApplicationStatus? Queued, string ReceiptPrefix);

/// <summary>
/// The store's answer: <see cref="Claimed"/> is false when the draft had already left <see cref="ReceiptRequest.From"/>
/// or had a receipt (a second submission of it: nothing was taken); otherwise what the window gave, the receipt
/// sequence number taken, the amount held and the time of the receipt, which is never earlier than the time of the
/// window's receipt before it.
/// </summary>
public readonly record struct ReceiptTaken(bool Claimed, ReservationOutcome Outcome, int Seq, long HeldYen, DateTime SubmittedAt);

/// <summary>
/// The port of a submission's database-heavy steps. <see cref="SubsidyService"/> states the rule; the store,
/// in Infrastructure/Subsidies (the tuned, fenced folder: docs/adr/0052 to 0058, 0060, 0095), decides how the
/// database does it. One submission opens one session: its reads and its writes share one connection.
/// </summary>
public interface ISubmissionStore
{
    Task<ISubmissionSession> OpenAsync(CancellationToken ct);
}

public interface ISubmissionSession : IAsyncDisposable
{
    /// <summary>The application with its window and program, not tracked; null when it is not the company's.</summary>
    Task<SubsidyApplication?> ReadAsync(int id, int companyId, CancellationToken ct);

    /// <summary>The same, for an application of a company the user is a member of; null for any other.</summary>
    Task<SubsidyApplication?> ReadAsMemberAsync(int id, string userId, CancellationToken ct);

    /// <summary>Adds the company and the documents to an application read by this session.</summary>
    Task CompleteAsync(SubsidyApplication application, CancellationToken ct);

    /// <summary>
    /// Takes the receipt: reserve-or-queue on the window and the claim of the draft, both or neither. On a server
    /// database this is committed when it returns (on PostgreSQL the window's row held for one statement), with the
    /// draft marked <see cref="SubsidyApplication.FollowUpPending"/>; on SQLite it is committed with
    /// <see cref="SaveFollowUpAsync"/>, and not marked.
    /// </summary>
    Task<ReceiptTaken> TakeReceiptAsync(ReceiptRequest request, CancellationToken ct);

    /// <summary>
    /// Saves what follows a receipt (what the context tracks: the event, the mail, the conversions), marks the window's
    /// dashboard figures and clears <see cref="SubsidyApplication.FollowUpPending"/> (on SQLite, in the receipt's
    /// transaction, there is none to clear), in one transaction. False, and
    /// nothing saved, when the follow-up had been saved already (by the sweep).
    /// </summary>
    Task<bool> SaveFollowUpAsync(int applicationId, int windowId, CancellationToken ct);
}
