namespace Partnership.Core.Mail;

/// <summary>
/// A mail waiting to be sent. Written in the same transaction as the change that causes it, so a mail is
/// never lost and never sent for a change that rolled back. A background sender delivers it.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string BodyText { get; set; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC; null until delivered.</summary>
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>UTC; when the sender may try again.</summary>
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>The sender (node and claim) that holds the message while it sends it; null when nobody does.</summary>
    public string? LeaseOwner { get; set; }
    /// <summary>UTC; after this another sender may claim the message (its holder is taken for dead).</summary>
    public DateTime? LeaseUntil { get; set; }
}

/// <summary>
/// Adds mail to the outbox in the caller's unit of work; the caller's SaveChanges commits both. When the address
/// (or <paramref name="userId"/>) is a portal user's, the same call adds a notice for that user in the portal, with
/// <paramref name="link"/> (a path in the portal to the record) when the caller knows it.
/// </summary>
public interface IMailOutbox
{
    OutboxMessage Enqueue(string to, string subject, string bodyText, string? link = null, string? userId = null);
}
