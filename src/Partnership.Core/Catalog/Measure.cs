using Partnership.Core.Common;

namespace Partnership.Core.Catalog;

/// <summary>Which party carries out a measure: 甲 (Tokyo Metropolitan Government) or 乙 (the Chamber).</summary>
public enum MeasureSide
{
    Metro = 1,
    Chamber = 2,
}

/// <summary>What kind of measure a line of the plan is. Services (schemes, subsidies, desks, events) point at measures.</summary>
public enum MeasureKind
{
    Program = 1,
    ConsultationDesk = 2,
    ExpertDispatch = 3,
    KnowHow = 4,
    Subsidy = 5,
    Declaration = 6,
    Certification = 7,
    Registration = 8,
    Event = 9,
    Publication = 10,
    SupportHub = 11,
    Campaign = 12,
    Awareness = 13,
    Publicity = 14,
    CoSponsorship = 15,
    Tour = 16,
    Referral = 17,
    MemberSupport = 18,
}

/// <summary>
/// A measure (取組): one ○ or ・ line of a fiscal year's plan. A ・ line sits under its ○ parent; there is no
/// deeper nesting. <see cref="Key"/> stays the same when a plan is copied to the next year.
/// </summary>
public class Measure : AuditableEntity, IVersioned, ISearchable
{
    public const int TitleMaxLength = 400;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public PartnershipPlan? Plan { get; set; }
    public int AreaId { get; set; }
    public ProgramArea? Area { get; set; }
    public MeasureSide Side { get; set; }
    public int? ParentId { get; set; }
    public Measure? Parent { get; set; }
    public List<Measure> Children { get; set; } = [];
    public MeasureKind Kind { get; set; }
    /// <summary>Stable across fiscal years, e.g. TELEWORK-M05.</summary>
    public required string Key { get; set; }
    public required string TitleJa { get; set; }
    public required string TitleEn { get; set; }
    /// <summary>Reading order in the plan (the seed's order for the seeded plan).</summary>
    public int Order { get; set; }
    public Guid Version { get; set; }
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchSources() => [Key, TitleJa, TitleEn];

    public static string SideCode(MeasureSide side) => side == MeasureSide.Metro ? "metro" : "chamber";
}
