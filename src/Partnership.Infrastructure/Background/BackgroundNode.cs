namespace Partnership.Infrastructure.Background;

/// <summary>
/// This portal process among the nodes sharing one database: the name it holds leases under
/// (<c>Portal:NodeName</c>, by default the host name, the process id and a random suffix, so a restarted node is a new owner).
/// </summary>
public sealed record BackgroundNode(string Name)
{
    public static BackgroundNode Anonymous { get; } = Create(null);

    public static BackgroundNode Create(string? configured) => new(
        configured is { Length: > 0 }
            ? configured
            : $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>A claim of this node, unique per call: the owner written on the outbox messages one batch takes.</summary>
    public string NewClaim()
    {
        var claim = $"{Name}/{Guid.NewGuid():N}";
        return claim.Length <= 200 ? claim : claim[^200..];
    }
}

/// <summary>Work the <see cref="BackgroundRunner"/> does every <see cref="Interval"/>.</summary>
public interface IBackgroundJob
{
    /// <summary>The job's name, also its lease's name.</summary>
    string Name { get; }

    TimeSpan Interval { get; }

    /// <summary>True when only one node may run it at a time: it runs only where its lease is held.</summary>
    bool SingleInstance { get; }

    /// <summary>Runs once, with the services of a fresh scope.</summary>
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}
