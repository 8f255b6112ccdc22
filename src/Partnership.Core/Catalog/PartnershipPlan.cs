using Partnership.Core.Common;

namespace Partnership.Core.Catalog;

/// <summary>One fiscal year's partnership plan (連携内容一覧), holding that year's measures.</summary>
public class PartnershipPlan : AuditableEntity
{
    public int Id { get; set; }
    /// <summary>The Western year in which the fiscal year starts (2021 = 令和3年度, April 2021 – March 2022).</summary>
    public int FiscalYear { get; set; }
    public required string TitleJa { get; set; }
    public required string TitleEn { get; set; }
    /// <summary>The plan this one was started from, when it was started as a copy.</summary>
    public int? CopiedFromPlanId { get; set; }
    public List<Measure> Measures { get; set; } = [];
}
