namespace Partnership.Core.Dashboards;

/// <summary>
/// One pre-aggregated figure of the dashboards: the count or sum of one metric over the records of one bucket
/// (a month of outreach, referrals or scheme entries; one subsidy window), for one scope (all areas, an area, a
/// measure) and optionally one dimension value (a channel, a branch, a municipality...). The facts of a bucket
/// are always recomputed as a whole from the records, so they are exact by construction; a write marks its
/// buckets dirty in the same transaction (docs/adr/0050-dashboard-facts.md).
/// </summary>
public class DashboardFact
{
    public long Id { get; set; }
    public required string Family { get; set; }
    public int Bucket { get; set; }
    public int FiscalYear { get; set; }
    /// <summary>Calendar month (1–12) of the records counted; 0 when the figure is for a whole subsidy window.</summary>
    public int Month { get; set; }
    /// <summary>Program area code; empty for all areas.</summary>
    public string AreaCode { get; set; } = "";
    /// <summary>Measure key; empty for all measures of the scope.</summary>
    public string MeasureKey { get; set; } = "";
    public required string Metric { get; set; }
    /// <summary>The dimension the figure is broken down by (see <see cref="Dims"/>); empty for a total.</summary>
    public string DimKind { get; set; } = "";
    public string DimValue { get; set; } = "";
    public long Value { get; set; }
}

/// <summary>
/// One row whose <see cref="Version"/> changes in the transaction of every recomputation: a node may keep a year's
/// facts in memory under it (see <see cref="DashboardReader"/>).
/// </summary>
public class DashboardStamp
{
    public const int SingleId = 1;

    public int Id { get; set; }
    public Guid Version { get; set; }
}

public static class Metrics
{
    public const string Activities = "act";
    public const string Reach = "reach";
    public const string ReferralsMade = "made";
    public const string ReferralsConverted = "conv";
    public const string Submitted = "sub";
    public const string Accepted = "acc";
    public const string Rejected = "rej";
    public const string From = "from";
    public const string Until = "until";
    public const string Applications = "apps";
    public const string Granted = "gr";
    public const string GrantedYen = "gryen";
    public const string NotGranted = "ng";
    /// <summary>Days from submission to decision, as a histogram (dimension <see cref="Dims.Days"/>).</summary>
    public const string DecisionDays = "days";
}

public static class Dims
{
    public const string Channel = "ch";
    public const string Branch = "br";
    public const string Municipality = "muni";
    public const string Size = "size";
    public const string Industry = "ind";
    public const string Day = "day";
    public const string Days = "days";
}
