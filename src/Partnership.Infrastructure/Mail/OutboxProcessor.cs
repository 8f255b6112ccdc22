using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnership.Infrastructure.Background;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Mail;

/// <summary>
/// Sends what is due in the outbox. A failed send is kept with its error and retried later with back-off
/// (1, 2, 4 … minutes, at most an hour); a message is never dropped. With several portal nodes each sender first
/// claims a batch with a lease (a conditional update: only messages nobody holds, or whose holder's lease ran out),
/// sends only what it holds and marks each message sent in its own update, right after the transport accepted it
/// (docs/adr/0042-outbox-and-background-leases.md).
/// </summary>
public sealed class OutboxProcessor(AppDbContext db, IMailTransport transport, TimeProvider clock, ILogger<OutboxProcessor> logger, BackgroundNode? node = null)
{
    public const int BatchSize = 20;

    /// <summary>How long a claim holds a batch; a sender that dies mid-batch leaves it to the others after this.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Sends the due messages this sender could claim; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (!transport.IsConfigured)
        {
            return 0;
        }
        var now = Now;
        var candidates = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }
        // The claim: one statement, so of two senders racing for a message exactly one gets it (the other's WHERE
        // no longer matches once the row is updated: a lock and a re-check on PostgreSQL and SQL Server, one writer on SQLite).
        var claim = (node ?? BackgroundNode.Anonymous).NewClaim();
        var until = now + LeaseDuration;
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.SentAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, claim).SetProperty(m => m.LeaseUntil, until), ct);
        var mine = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.LeaseOwner == claim && m.SentAt == null)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var message in mine)
        {
            message.Attempts++;
            var held = db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseOwner == claim);
            try
            {
                await transport.SendAsync(message, ct);
                var sentAt = Now;
                var marked = await held.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
                if (marked == 0)
                {
                    logger.LogWarning("Mail {MessageId} was sent after its lease ran out; another sender may send it too", message.Id);
                }
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                var next = Now + Backoff(message.Attempts);
                await held.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
                logger.LogWarning("Mail {MessageId} not sent (attempt {Attempts}): {Error}", message.Id, message.Attempts, ex.GetType().Name);
            }
        }
        // Stopped mid-batch: what was not tried is given back at once rather than after the lease.
        await db.OutboxMessages.Where(m => m.LeaseOwner == claim && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
        return sent;
    }
}

/// <summary>Sends the outbox's due mail every <c>Mail:PollSeconds</c>, on every node (claims keep each message to one sender).</summary>
public sealed class OutboxJob(TimeSpan interval) : IBackgroundJob
{
    public string Name => "mail-outbox";

    public TimeSpan Interval => interval;

    public bool SingleInstance => false;

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OutboxProcessor>().SendDueAsync(ct);
}
