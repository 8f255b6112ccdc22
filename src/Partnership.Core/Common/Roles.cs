namespace Partnership.Core.Common;

/// <summary>Role names, declared once. Administrators grant more than one role only deliberately.</summary>
public static class Roles
{
    public const string Company = "Company";
    public const string ChamberStaff = "ChamberStaff";
    public const string MetroOfficial = "MetroOfficial";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Company, ChamberStaff, MetroOfficial, Administrator];
}
