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

/// <summary>The store's answer: what happened, the receipt sequence number taken and the amount held.</summary>
public readonly record struct Reservation(ReservationOutcome Outcome, int Seq, long HeldYen);

/// <summary>
/// Claims a draft with its receipt: the application moves from <see cref="From"/> to <see cref="To"/> only if it
/// is still in <see cref="From"/> without a receipt, so that of two submissions of one application one claims it.
/// </summary>
public sealed record ReceiptClaim(int ApplicationId, ApplicationStatus From, ApplicationStatus To, int Seq, string ReceiptNumber, DateTime SubmittedAt, long HeldYen);

/// <summary>
/// The port of a submission's database-heavy steps. <see cref="SubsidyService"/> states the rule; the store,
/// in Infrastructure/Subsidies (the tuned, fenced folder: docs/adr/0052 to 0058), decides how the database does
/// it. One submission opens one session: its reads and its write share one connection.
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

    /// <summary>Begins the write to the window in which the reservation and the claim are made and the rest is saved.</summary>
    Task<ISubmissionWrite> BeginWriteAsync(int windowId, CancellationToken ct);
}

public interface ISubmissionWrite : IAsyncDisposable
{
    /// <summary>Reserve-or-queue: one conditional update of the window, which also takes the next receipt number.</summary>
    Task<Reservation> ReserveOrQueueAsync(ReservationRequest request, CancellationToken ct);

    /// <summary>Claim-with-receipt: false when the application was no longer a draft without a receipt.</summary>
    Task<bool> ClaimAsync(ReceiptClaim claim, CancellationToken ct);

    /// <summary>Saves what the context tracks (events, mail, conversions), marks the window's dashboard figures and commits.</summary>
    Task CommitAsync(CancellationToken ct);

    Task RollbackAsync(CancellationToken ct);
}
