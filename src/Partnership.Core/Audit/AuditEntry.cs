namespace Partnership.Core.Audit;

/// <summary>
/// One state change of one entity: who, when, from which address, what, and the changed fields before and
/// after (JSON). Append-only: written in the same transaction as the change; nothing edits or deletes it.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>created, modified or deleted.</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>{"Field":{"before":…,"after":…}}; secrets are masked.</summary>
    public required string Changes { get; set; }
}

public static class AuditActions
{
    public const string Created = "created";
    public const string Modified = "modified";
    public const string Deleted = "deleted";
    public static readonly IReadOnlyList<string> All = [Created, Modified, Deleted];
}
