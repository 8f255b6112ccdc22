namespace Partnership.Infrastructure.Identity;

/// <summary>
/// An administrator's invitation of a staff member (Metro official, chamber staff, expert, administrator):
/// a one-time link, valid for a limited time, where the person sets a password and then two-factor sign-in.
/// </summary>
public class StaffInvitation
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromHours(72);

    public int Id { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public string? Bureau { get; set; }
    public string? Division { get; set; }
    public string? ChamberBranchCode { get; set; }
    public bool IsManagementAdvisor { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedUserId { get; set; }

    public bool IsOpenAt(DateTime utcNow) => AcceptedAt is null && utcNow < ExpiresAt;
}
