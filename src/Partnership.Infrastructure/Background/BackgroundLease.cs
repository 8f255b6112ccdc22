namespace Partnership.Infrastructure.Background;

/// <summary>
/// Who runs a background job that must run on one node only, and until when. One row per job name, taken and
/// renewed by a conditional update (docs/adr/0042-outbox-and-background-leases.md).
/// </summary>
public class BackgroundLease
{
    public required string Name { get; set; }
    /// <summary>The node holding the lease; null when nobody does.</summary>
    public string? Owner { get; set; }
    /// <summary>UTC; after this another node may take the lease.</summary>
    public DateTime ExpiresAt { get; set; }
}
