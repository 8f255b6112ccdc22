using Partnership.Core.Common;

namespace Partnership.Core.Library;

/// <summary>What a library entry is: an article (解説記事), a case study (事例紹介) or a downloadable guide (手引き).</summary>
public enum ArticleKind
{
    Article = 1,
    CaseStudy = 2,
    Guide = 3,
}

/// <summary>
/// An entry of the library (ノウハウ提供・普及啓発) that Metro officials publish for a measure of the plan, by the
/// measure's stable key so it follows the measure from year to year. Shown from <see cref="PublishedOn"/>.
/// </summary>
public class LibraryArticle : AuditableEntity, ISearchable, IVersioned
{
    public const int CodeMaxLength = 60;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1000;
    public const int BodyMaxLength = 20_000;

    public int Id { get; set; }
    /// <summary>Stable code used in addresses, e.g. WS-KNOWHOW-OVERTIME.</summary>
    public required string Code { get; set; }
    public required string MeasureKey { get; set; }
    public ArticleKind Kind { get; set; }
    public required string TitleJa { get; set; }
    public string TitleEn { get; set; } = "";
    public string SummaryJa { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    public string BodyJa { get; set; } = "";
    public string BodyEn { get; set; } = "";
    /// <summary>The day (Japan) it is published; it is listed from that day, unless it is a draft.</summary>
    public DateOnly PublishedOn { get; set; }
    /// <summary>
    /// A draft is never shown, whatever its date: an official publishes it when it is ready and can take it back
    /// (docs/adr/0085-officials-edit-plan-services-and-library.md).
    /// </summary>
    public bool IsDraft { get; set; }
    public Guid Version { get; set; }
    public List<LibraryAttachment> Attachments { get; set; } = [];
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchSources() => [Code, TitleJa, TitleEn, SummaryJa, SummaryEn, BodyJa, BodyEn];
}

/// <summary>A file offered with a library entry (a guide, a leaflet): checked by its content as every upload is.</summary>
public class LibraryAttachment
{
    public const int MaxPerArticle = 5;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public LibraryArticle? Article { get; set; }
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
