using Partnership.Core.Schemes;

namespace Partnership.Web.Infrastructure;

/// <summary>Runs the daily expiry work (reminders and expiry of scheme entries) on a timer.</summary>
public sealed class SchemeExpiryWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SchemeExpiryWorker> logger, TimeSpan interval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<SchemeExpiryService>().RunAsync(stoppingToken);
                if (result.Reminded + result.Expired > 0)
                {
                    logger.LogInformation("Scheme expiry: {Reminded} reminded, {Expired} expired", result.Reminded, result.Expired);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The scheme expiry run failed; it tries again on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
