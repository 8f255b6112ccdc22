namespace Partnership.Core.Common;

/// <summary>Who is acting: the signed-in user's id, or null for the system (seeding, background work).</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    /// <summary>The client's address, for the audit log; null outside a request.</summary>
    string? IpAddress => null;
}

public sealed class SystemUser : ICurrentUser
{
    public string? UserId => null;
}
