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

/// <summary>
/// A referral (誘導) of a member company to a Metro measure. Marked converted, with the date, when the company
/// later submits a scheme entry, a consultation request or a subsidy application under that measure
/// (docs/adr/0031-referral-conversion.md).
/// </summary>
public class Referral : AuditableEntity, IVersioned
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Companies.Company? Company { get; set; }
    public int MeasureId { get; set; }
    public Catalog.Measure? Measure { get; set; }
    public required string BranchCode { get; set; }
    /// <summary>UTC instant of the referral; conversions count from here.</summary>
    public DateTime ReferredAt { get; set; }
    public required string ReferredByUserId { get; set; }
    public string Note { get; set; } = "";
    /// <summary>UTC; when the company first submitted something under the measure after the referral.</summary>
    public DateTime? ConvertedAt { get; set; }
    public ConversionKind? ConvertedBy { get; set; }
    public Guid Version { get; set; }
}
