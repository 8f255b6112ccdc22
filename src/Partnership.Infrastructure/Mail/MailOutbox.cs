using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Mail;

/// <summary>Adds mail to the outbox table in the caller's unit of work (committed by the caller's SaveChanges).</summary>
public sealed class MailOutbox(AppDbContext db, TimeProvider clock) : IMailOutbox
{
    public OutboxMessage Enqueue(string to, string subject, string bodyText)
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
        return message;
    }
}
