using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Mail;

/// <summary>The mail outbox as people read it: the latest messages, and sending one again.</summary>
public sealed class OutboxService(IAppDbContext db, TimeProvider clock)
{
    /// <summary>The newest messages first, queued, sent and failed alike.</summary>
    public Task<List<OutboxMessage>> LatestAsync(int count, CancellationToken ct = default) =>
        db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(count).ToListAsync(ct);

    /// <summary>Makes a message due now, whatever happened to it before (the change is in the audit log); null when there is none.</summary>
    public async Task<OutboxMessage?> ResendAsync(long id, CancellationToken ct = default)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return null;
        }
        message.SentAt = null;
        message.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return message;
    }
}
