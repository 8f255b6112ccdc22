using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Background;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Saves what follows a subsidy receipt (the event, the mail and notice, the referral conversions) when the request that
/// took the receipt stopped before saving it, every <c>Subsidies:FollowUpSweepSeconds</c>, on one node at a time
/// (docs/adr/0095-receipt-in-one-statement.md).
/// </summary>
public sealed class ReceiptFollowUpJob(TimeSpan interval) : IBackgroundJob
{
    public string Name => "receipt-follow-up";

    public TimeSpan Interval => interval;

    public bool SingleInstance => true;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var saved = await services.GetRequiredService<SubsidyService>().FinishFollowUpsAsync(ct);
        if (saved > 0)
        {
            services.GetRequiredService<ILogger<ReceiptFollowUpJob>>()
                .LogWarning("Saved the follow-up of {Count} subsidy receipts whose request had stopped before saving it", saved);
        }
    }
}
