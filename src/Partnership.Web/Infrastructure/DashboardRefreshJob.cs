using Partnership.Core.Common;
using Partnership.Core.Dashboards;
using Partnership.Infrastructure.Background;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Recomputes the dashboard buckets that writes marked dirty, every <c>Dashboards:RefreshSeconds</c>, on one node at
/// a time, and reads the current year on that node: a reader seldom pays for a recomputation itself. Readers still
/// refresh first, so a figure is never older than the records (docs/adr/0050-dashboard-facts.md).
/// </summary>
public sealed class DashboardRefreshJob(TimeSpan interval) : IBackgroundJob
{
    public string Name => "dashboard-refresh";

    public TimeSpan Interval => interval;

    public bool SingleInstance => true;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var recomputed = await services.GetRequiredService<DashboardFacts>().RefreshAsync(ct);
        if (recomputed > 0)
        {
            var clock = services.GetRequiredService<TimeProvider>();
            await services.GetRequiredService<DashboardReader>().ReadAsync(JapanTime.FiscalYearOf(clock.GetUtcNow().UtcDateTime), ct);
        }
    }
}
