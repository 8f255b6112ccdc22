using Partnership.Core.Common;

namespace Partnership.Core.Consultations;

/// <summary>
/// A consultation desk (相談窓口) from the seed: 働き方改革, 東京テレワーク推進センター, テレワーク推進デスク,
/// 人材確保相談窓口, 外国人材受入れ支援拠点, 企業主導型保育施設. Each points at the measure it implements.
/// </summary>
public class ConsultationDesk : ISearchable
{
    public int Id { get; set; }
    /// <summary>Stable code, e.g. TELEWORK-CENTER.</summary>
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public int MeasureId { get; set; }
    public Catalog.Measure? Measure { get; set; }
    /// <summary>Whether the desk can dispatch experts (専門家派遣).</summary>
    public bool OffersExpertDispatch { get; set; }
    public bool IsActive { get; set; } = true;
    public int Order { get; set; }
    public List<ConsultationTopic> Topics { get; set; } = [];
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchSources() => [Code, NameJa, NameEn];
}

/// <summary>A topic a desk handles.</summary>
public class ConsultationTopic
{
    public int Id { get; set; }
    public int DeskId { get; set; }
    public ConsultationDesk? Desk { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public int Order { get; set; }
}

public enum ConsultationMode
{
    Visit = 1,
    Online = 2,
    Phone = 3,
}

public enum ConsultationStatus
{
    Draft = 1,
    Submitted = 2,
    Accepted = 3,
    Assigned = 4,
    Scheduled = 5,
    Closed = 6,
    Declined = 7,
    Cancelled = 8,
}

public enum ConsultationOutcome
{
    Resolved = 1,
    ReferredToSupport = 2,
    Unresolved = 3,
    NoResponse = 4,
}

/// <summary>A company's request for advice or expert dispatch, from draft to close.</summary>
public class ConsultationRequest : AuditableEntity, IVersioned
{
    public const int DescriptionMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Companies.Company? Company { get; set; }
    public required string RequestedByUserId { get; set; }
    public int? DeskId { get; set; }
    public ConsultationDesk? Desk { get; set; }
    public int? TopicId { get; set; }
    public ConsultationTopic? Topic { get; set; }
    public string Description { get; set; } = "";
    public ConsultationMode? PreferredMode { get; set; }
    public DateOnly? PreferredDate1 { get; set; }
    public DateOnly? PreferredDate2 { get; set; }
    public DateOnly? PreferredDate3 { get; set; }
    public bool WantsExpert { get; set; }
    public ConsultationStatus Status { get; set; } = ConsultationStatus.Draft;
    /// <summary>受付番号, given on submission, e.g. C2026-000012.</summary>
    public string? ReceiptNumber { get; set; }
    /// <summary>Lead times for the dashboards, UTC: received → first contact → closed.</summary>
    public DateTime? SubmittedAt { get; set; }
    public DateTime? FirstContactAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? DeclineReason { get; set; }
    public string? AssignedExpertUserId { get; set; }
    public string? AssignedOfficerUserId { get; set; }
    public ConsultationOutcome? Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    /// <summary>1–5, given by the company after the close.</summary>
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    /// <summary>Where mail about the request goes (the user who submitted it), and its language.</summary>
    public string ContactEmail { get; set; } = "";
    public string ContactCulture { get; set; } = "ja";
    public Guid Version { get; set; }
    public List<ConsultationSession> Sessions { get; set; } = [];
}

/// <summary>A scheduled session of a request and, once held, its record.</summary>
public class ConsultationSession : AuditableEntity
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public ConsultationRequest? Request { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ScheduledAt { get; set; }
    public ConsultationMode Mode { get; set; }
    /// <summary>The expert or desk officer who holds it.</summary>
    public required string AdviserUserId { get; set; }
    /// <summary>Set when the session is recorded, UTC.</summary>
    public DateTime? RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public string? Advice { get; set; }
    public string? NextStep { get; set; }
    /// <summary>Whether the company may read the record (internal notes stay internal).</summary>
    public bool SharedWithCompany { get; set; }
}
