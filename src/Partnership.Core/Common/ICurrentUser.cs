namespace Partnership.Core.Common;

/// <summary>Who is acting: the signed-in user's id, or null for the system (seeding, background work).</summary>
public interface ICurrentUser
{
    string? UserId { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string? UserId => null;
}
