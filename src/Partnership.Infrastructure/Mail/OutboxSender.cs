using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Mail;

/// <summary>
/// Sends what is due in the outbox. A failed send is kept with its error and retried later with back-off
/// (1, 2, 4 … minutes, at most an hour); a message is never dropped. Each message is marked sent in its own
/// save, right after the transport accepted it.
/// </summary>
public sealed class OutboxProcessor(AppDbContext db, IMailTransport transport, TimeProvider clock, ILogger<OutboxProcessor> logger)
{
    public const int BatchSize = 20;

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Sends the due messages; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (!transport.IsConfigured)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                await transport.SendAsync(message, ct);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + Backoff(message.Attempts);
                logger.LogWarning("Mail {MessageId} not sent (attempt {Attempts}): {Error}", message.Id, message.Attempts, ex.GetType().Name);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}

/// <summary>Runs the <see cref="OutboxProcessor"/> every few seconds (<c>Mail:PollSeconds</c>).</summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxSender> logger, TimeSpan interval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox sender failed; it tries again on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
