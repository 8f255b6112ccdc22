using Partnership.Core.Schemes;
using Partnership.Infrastructure.Background;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// The daily expiry work (reminders and expiry of scheme entries), every <c>Schemes:ExpiryCheckMinutes</c>, on one
/// node at a time (its lease), so a reminder is not composed twice by two nodes at the same moment.
/// </summary>
public sealed class SchemeExpiryJob(TimeSpan interval) : IBackgroundJob
{
    public string Name => "scheme-expiry";

    public TimeSpan Interval => interval;

    public bool SingleInstance => true;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await services.GetRequiredService<SchemeExpiryService>().RunAsync(ct);
        if (result.Reminded + result.Expired > 0)
        {
            services.GetRequiredService<ILogger<SchemeExpiryJob>>()
                .LogInformation("Scheme expiry: {Reminded} reminded, {Expired} expired", result.Reminded, result.Expired);
        }
    }
}
