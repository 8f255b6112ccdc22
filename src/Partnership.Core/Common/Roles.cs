namespace Partnership.Core.Common;

/// <summary>Role names, declared once. Administrators grant more than one role only deliberately.</summary>
public static class Roles
{
    public const string Company = "Company";
    public const string ChamberStaff = "ChamberStaff";
    public const string MetroOfficial = "MetroOfficial";
    public const string Administrator = "Administrator";
    /// <summary>An adviser who can be dispatched to companies; sees only the requests assigned to them.</summary>
    public const string Expert = "Expert";

    public static readonly IReadOnlyList<string> All = [Company, ChamberStaff, MetroOfficial, Administrator, Expert];

    /// <summary>Accounts that administrators create and that must use two-factor sign-in.</summary>
    public static readonly IReadOnlyList<string> Staff = [MetroOfficial, ChamberStaff, Expert, Administrator];
}
