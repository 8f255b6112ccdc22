using Partnership.Core.Reminders;
using Partnership.Infrastructure.Background;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// The reminders (drafts in a closing window, events tomorrow, chamber follow-ups, result reports due), every
/// <c>Reminders:CheckMinutes</c>, on the one node holding its lease; the unique key of the sent reminders keeps each
/// reminder single even if two nodes ever ran it at once (docs/adr/0082-reminders-sent-once.md).
/// </summary>
public sealed class ReminderJob(TimeSpan interval) : IBackgroundJob
{
    public string Name => "reminders";

    public TimeSpan Interval => interval;

    public bool SingleInstance => true;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await services.GetRequiredService<ReminderService>().RunAsync(ct);
        if (result.Total > 0)
        {
            services.GetRequiredService<ILogger<ReminderJob>>().LogInformation(
                "Reminders: {Drafts} drafts, {Events} event participants, {FollowUps} follow-ups, {Reports} result reports",
                result.Drafts, result.Events, result.FollowUps, result.Reports);
        }
    }
}
