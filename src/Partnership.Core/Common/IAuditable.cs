namespace Partnership.Core.Common;

/// <summary>Entities whose creation and last change are recorded. Set only by the audit interceptor.</summary>
public interface IAuditable
{
    DateTime CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTime UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}

/// <summary>Entities protected by an application-managed concurrency token (portable across providers).</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

public abstract class AuditableEntity : IAuditable
{
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
