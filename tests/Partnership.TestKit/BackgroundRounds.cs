using Partnership.Infrastructure.Background;

namespace Partnership.TestKit;

/// <summary>Waits for the portal's background work by the runners' rounds, not by the clock.</summary>
public static class BackgroundRounds
{
    /// <summary>
    /// Checks <paramref name="done"/> now and after each round that any of <paramref name="runners"/> ends, at most
    /// <paramref name="rounds"/> times; false when it never held. A round that does not end within a minute fails the test.
    /// </summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> done, int rounds, params BackgroundRunner[] runners)
    {
        for (var i = 0; i < rounds; i++)
        {
            if (await done())
            {
                return true;
            }
            var running = runners.Select(r => r.RoundEndedAsync()).Where(t => !t.IsFaulted).ToList();
            if (running.Count == 0)
            {
                break;
            }
            await Task.WhenAny(running).WaitAsync(TimeSpan.FromMinutes(1));
        }
        return await done();
    }

    public static Task<bool> UntilAsync(Func<bool> done, int rounds, params BackgroundRunner[] runners) =>
        UntilAsync(() => Task.FromResult(done()), rounds, runners);
}
