using Partnership.Core.Mail;
using Partnership.Core.Notices;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Mail;

/// <summary>
/// Adds mail to the outbox table in the caller's unit of work (committed by the caller's SaveChanges), and beside it
/// the notice for the portal user the mail is for, so a person never depends on mail alone
/// (docs/adr/0073-notices-beside-mail.md).
/// </summary>
public sealed class MailOutbox(AppDbContext db, TimeProvider clock) : IMailOutbox
{
    public OutboxMessage Enqueue(string to, string subject, string bodyText, string? link = null, string? userId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            To = to,
            Subject = subject,
            BodyText = bodyText,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        if ((userId ?? UserIdOf(to)) is { } recipient)
        {
            db.Notices.Add(new Notice
            {
                UserId = recipient,
                Title = subject.Length <= 400 ? subject : subject[..400],
                Text = Notice.ShortText(bodyText),
                Link = link is { Length: <= 500 } && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : null,
                CreatedAt = now,
            });
        }
        return message;
    }

    /// <summary>
    /// The account with this e-mail address, matched as Identity matches it (the upper-invariant normalised address);
    /// null for an address without an account. Synchronous because Enqueue is: one indexed lookup.
    /// </summary>
    private string? UserIdOf(string email)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefault();
    }
}
