using Partnership.Core.Common;

namespace Partnership.Core.Outreach;

/// <summary>How the chamber reached its members (周知経路).</summary>
public enum OutreachChannel
{
    /// <summary>メールマガジン.</summary>
    MailMagazine = 1,
    /// <summary>東商新聞.</summary>
    Newspaper = 2,
    /// <summary>経営指導員による資料配布.</summary>
    AdvisorHandout = 3,
    Seminar = 4,
    /// <summary>見学会.</summary>
    Tour = 5,
    Desk = 6,
    Website = 7,
    Other = 8,
}

/// <summary>
/// One outreach activity (周知啓発活動) of the chamber: a date, a channel, the measures promoted, the branch, the
/// reach (recipients, copies or attendees), optionally the member companies reached, and a note. Imported rows
/// carry an <see cref="ImportKey"/> so the same row imported twice is one activity.
/// </summary>
public class OutreachActivity : AuditableEntity, IVersioned
{
    public const int NoteMaxLength = 1000;
    public const int MaxReach = 10_000_000;
    public const int ImportKeyLength = 64;

    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public OutreachChannel Channel { get; set; }
    public required string BranchCode { get; set; }
    public int Reach { get; set; }
    public string Note { get; set; } = "";
    /// <summary>The chamber user who logged it (or imported it); only they change or delete it.</summary>
    public required string LoggedByUserId { get; set; }
    /// <summary>SHA-256 (hex) of the imported row and its occurrence in its file; null for activities logged by hand.</summary>
    public string? ImportKey { get; set; }
    /// <summary>Set when the activity is a publication (掲載) answering a Metro official's publicity request.</summary>
    public int? PublicityRequestId { get; set; }
    public PublicityRequest? PublicityRequest { get; set; }
    /// <summary>The issue (号) or edition of a publication, e.g. 「6月号」; empty otherwise.</summary>
    public string Issue { get; set; } = "";
    /// <summary>The title under which it was published; empty for activities that are not publications.</summary>
    public string Title { get; set; } = "";
    public List<OutreachActivityMeasure> Measures { get; set; } = [];
    public List<OutreachActivityCompany> Companies { get; set; } = [];
    public Guid Version { get; set; }
}

public class OutreachActivityMeasure
{
    public int ActivityId { get; set; }
    public int MeasureId { get; set; }
    public Catalog.Measure? Measure { get; set; }
}

public class OutreachActivityCompany
{
    public int ActivityId { get; set; }
    public int CompanyId { get; set; }
    public Companies.Company? Company { get; set; }
}

/// <summary>How a referred company took up the measure.</summary>
public enum ConversionKind
{
    /// <summary>Joined the scheme (a declaration, certification or registration submitted).</summary>
    Scheme = 1,
    Consultation = 2,
    Subsidy = 3,
}

/// <summary>How the chamber referred the member (誘導の経路).</summary>
public enum ReferralChannel
{
    /// <summary>窓口.</summary>
    Desk = 1,
    /// <summary>訪問 (an advisor's visit).</summary>
    Visit = 2,
    Phone = 3,
    /// <summary>メール・文書.</summary>
    Mail = 4,
    Seminar = 5,
    Other = 9,
}

/// <summary>
/// A referral (誘導) of a Chamber member to a Metro measure (docs/adr/0031-referral-conversion.md,
/// docs/adr/0084-referrals-to-roster-members.md). The member is a roster entry, registered on the portal or not: a
/// referral to a member not yet registered has no <see cref="CompanyId"/> until a company registers with the member's
/// 法人番号 (<see cref="AttachedAt"/>). Marked converted, with the date and the service, when the company later submits
/// a scheme entry, a consultation request or a subsidy application under that measure; a referral recorded when the
/// company had already done so is <see cref="AlreadyTakenUp"/> and never converts.
/// </summary>
public class Referral : AuditableEntity, IVersioned
{
    public const int NoteMaxLength = 1000;
    public const int ServiceMaxLength = 64;

    public int Id { get; set; }
    /// <summary>The registered company; null while the referred member has not registered.</summary>
    public int? CompanyId { get; set; }
    public Companies.Company? Company { get; set; }
    /// <summary>The roster entry referred; null for referrals recorded before the roster (to a registered company only).</summary>
    public int? RosterMemberId { get; set; }
    public Members.RosterMember? RosterMember { get; set; }
    public int MeasureId { get; set; }
    public Catalog.Measure? Measure { get; set; }
    public required string BranchCode { get; set; }
    /// <summary>Null for referrals recorded before the channel was asked.</summary>
    public ReferralChannel? Channel { get; set; }
    /// <summary>UTC instant of the referral; conversions count from here.</summary>
    public DateTime ReferredAt { get; set; }
    public required string ReferredByUserId { get; set; }
    public string Note { get; set; } = "";
    /// <summary>UTC; when a company registered with the member's 法人番号 and the referral attached to it. Null when the member was registered already.</summary>
    public DateTime? AttachedAt { get; set; }
    /// <summary>The company had already taken the measure up when the referral was recorded: not a conversion.</summary>
    public bool AlreadyTakenUp { get; set; }
    /// <summary>UTC; when the company first submitted something under the measure after the referral.</summary>
    public DateTime? ConvertedAt { get; set; }
    public ConversionKind? ConvertedBy { get; set; }
    /// <summary>The code of the service taken up (scheme, desk or subsidy program code).</summary>
    public string? ConvertedService { get; set; }
    /// <summary>Whether an invitation mail was queued to the member's contact address.</summary>
    public bool MailQueued { get; set; }
    public Guid Version { get; set; }
}

public enum PublicityStatus
{
    /// <summary>依頼中: waiting for the chamber's answer.</summary>
    Requested = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>
/// A Metro official's request that the chamber publicise a measure (周知依頼). The chamber accepts or declines
/// with a reason, then records each publication, which is one <see cref="OutreachActivity"/> pointing here.
/// </summary>
public class PublicityRequest : AuditableEntity, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public required string RequestedByUserId { get; set; }
    public int MeasureId { get; set; }
    public Catalog.Measure? Measure { get; set; }
    /// <summary>What is to be publicised.</summary>
    public required string Title { get; set; }
    /// <summary>Why, and what the official would like said.</summary>
    public string Reason { get; set; } = "";
    public DateOnly? WishedFrom { get; set; }
    public DateOnly? WishedTo { get; set; }
    /// <summary>The channels wished for, as channel names separated by commas.</summary>
    public string WishedChannels { get; set; } = "";
    public PublicityStatus Status { get; set; } = PublicityStatus.Requested;
    public string? DeclineReason { get; set; }
    /// <summary>UTC.</summary>
    public DateTime RequestedAt { get; set; }
    /// <summary>UTC; when the chamber accepted or declined.</summary>
    public DateTime? AnsweredAt { get; set; }
    public List<OutreachActivity> Publications { get; set; } = [];
    public List<PublicityAttachment> Attachments { get; set; } = [];
    /// <summary>The key of the form that sent it (unique): the same form sent twice is one request.</summary>
    public Guid? SubmissionKey { get; set; }
    public Guid Version { get; set; }
}

/// <summary>後援 (the chamber lends its name) or 共催 (the chamber co-hosts).</summary>
public enum CoSponsorKind
{
    Sponsorship = 1,
    CoHosting = 2,
}

public enum CoSponsorStatus
{
    Requested = 1,
    Approved = 2,
    Declined = 3,
}

/// <summary>
/// A Metro official's request that the chamber sponsor (後援) or co-host (共催) an event. The chamber approves
/// (with conditions) or declines (with a reason); afterwards either side records the result. Both sides see the
/// same record; every change is in the audit log.
/// </summary>
public class CoSponsorshipRequest : AuditableEntity, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public required string RequestedByUserId { get; set; }
    public CoSponsorKind Kind { get; set; }
    public int MeasureId { get; set; }
    public Catalog.Measure? Measure { get; set; }
    public required string EventTitle { get; set; }
    public DateOnly EventDate { get; set; }
    public string Venue { get; set; } = "";
    public string Description { get; set; } = "";
    public CoSponsorStatus Status { get; set; } = CoSponsorStatus.Requested;
    /// <summary>The chamber's conditions when approving, or its reason when declining.</summary>
    public string Answer { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime RequestedAt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime? AnsweredAt { get; set; }
    public int? Participants { get; set; }
    public int? MemberParticipants { get; set; }
    /// <summary>UTC.</summary>
    public DateTime? ResultRecordedAt { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// Material a Metro official attaches to a publicity request (a leaflet PDF, an image): judged by its content
/// (PDF, PNG, JPEG; no active PDFs), up to 10 MB, kept in the document store outside the web root.
/// </summary>
public class PublicityAttachment
{
    public const int MaxPerRequest = 5;
    public const int FileNameMaxLength = Documents.DocumentContent.FileNameMaxLength;

    public int Id { get; set; }
    public int PublicityRequestId { get; set; }
    public PublicityRequest? Request { get; set; }
    /// <summary>The name shown and offered on download: flattened, checked, with the extension of its content.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; set; }
    public required string UploadedByUserId { get; set; }
}

/// <summary>
/// One case of support for a member company's own initiative (会員企業が独自に行う取組の支援): the date, the program
/// area, what was advised and when to follow up. Chamber staff write it; Metro officials read it.
/// </summary>
public class MemberSupportCase : AuditableEntity, IVersioned
{
    public const int AdviceMaxLength = 2000;

    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Companies.Company? Company { get; set; }
    public DateOnly Date { get; set; }
    public required string AreaCode { get; set; }
    public required string BranchCode { get; set; }
    /// <summary>What the company is doing on its own and what was advised.</summary>
    public required string Advice { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    /// <summary>Set when the follow-up was done; a case with a follow-up date and no done date is due from that date.</summary>
    public DateOnly? FollowedUpOn { get; set; }
    public required string RecordedByUserId { get; set; }
    /// <summary>The key of the form that sent it (unique): the same form sent twice is one case.</summary>
    public Guid? SubmissionKey { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Who wants to change a chamber record: their id, their branch and whether they manage it (支部の管理者).</summary>
public sealed record ChamberEditor(string UserId, string? BranchCode, bool IsBranchManager);
