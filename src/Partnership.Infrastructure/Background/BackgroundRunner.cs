using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Partnership.Infrastructure.Background;

/// <summary>How the runner ticks and how long a single-instance job's lease lasts (<c>Background:*</c>).</summary>
public sealed record BackgroundOptions(TimeSpan Tick, TimeSpan LeaseDuration)
{
    public static BackgroundOptions Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
}

/// <summary>
/// The portal's one background loop: runs every registered <see cref="IBackgroundJob"/> when it is due. A
/// single-instance job runs only on the node holding its lease, renewed while the node lives (a third of the
/// lease before it ends) and given back when it stops; another node takes it over after a crash once the lease
/// expired. One job failing does not stop the others.
/// </summary>
public sealed class BackgroundRunner(
    IEnumerable<IBackgroundJob> jobs, IServiceScopeFactory scopes, TimeProvider clock, BackgroundNode node, BackgroundOptions options,
    ILogger<BackgroundRunner> logger) : BackgroundService
{
    private readonly IReadOnlyList<IBackgroundJob> _jobs = jobs.ToList();
    private readonly Dictionary<string, DateTimeOffset> _nextRun = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);

    private TaskCompletionSource _round = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The single-instance jobs whose lease this node holds now (for tests and health).</summary>
    public IReadOnlyCollection<string> HeldLeases => _heldUntil.Keys.ToList();

    /// <summary>
    /// Completes when the runner ends the round over every job it is in now (or its next one, between rounds), so
    /// that whoever waits for the background work waits for the work, not for the clock. Faults when the runner stops.
    /// </summary>
    public Task RoundEndedAsync() => Volatile.Read(ref _round).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Tick, clock);
        try
        {
            do
            {
                foreach (var job in _jobs)
                {
                    await TickAsync(job, stoppingToken);
                }
                Interlocked.Exchange(ref _round, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            await ReleaseAllAsync();
            Volatile.Read(ref _round).TrySetException(new OperationCanceledException("The background runner stopped."));
        }
    }

    private async Task TickAsync(IBackgroundJob job, CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            if (job.SingleInstance && !await HoldLeaseAsync(job, now, ct))
            {
                return;
            }
            if (_nextRun.TryGetValue(job.Name, out var next) && now < next)
            {
                return;
            }
            _nextRun[job.Name] = now + job.Interval;
            await using var scope = scopes.CreateAsyncScope();
            await job.RunAsync(scope.ServiceProvider, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The background job {Job} failed; it tries again when next due", job.Name);
        }
    }

    private async Task<bool> HoldLeaseAsync(IBackgroundJob job, DateTimeOffset now, CancellationToken ct)
    {
        if (_heldUntil.TryGetValue(job.Name, out var until) && now < until - options.LeaseDuration / 3)
        {
            return true;
        }
        await using var scope = scopes.CreateAsyncScope();
        var held = await scope.ServiceProvider.GetRequiredService<BackgroundLeaseStore>()
            .TryAcquireAsync(job.Name, node.Name, options.LeaseDuration, ct);
        if (held)
        {
            if (!_heldUntil.ContainsKey(job.Name))
            {
                logger.LogInformation("Node {Node} runs {Job}", node.Name, job.Name);
            }
            _heldUntil[job.Name] = now + options.LeaseDuration;
        }
        else if (_heldUntil.TryRemove(job.Name, out _))
        {
            // Lost it (this node stalled past the lease): the new holder runs it; here it is due at once when taken back.
            _nextRun.Remove(job.Name);
        }
        return held;
    }

    private async Task ReleaseAllAsync()
    {
        foreach (var name in _heldUntil.Keys.ToList())
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BackgroundLeaseStore>().ReleaseAsync(name, node.Name, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The lease of {Job} was not given back; it expires by itself", name);
            }
        }
        _heldUntil.Clear();
    }
}
