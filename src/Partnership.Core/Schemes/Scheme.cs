using System.Globalization;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Companies;

namespace Partnership.Core.Schemes;

public enum SchemeKind
{
    Declaration = 1,
    Certification = 2,
    Registration = 3,
}

/// <summary>
/// A scheme a company joins (宣言・認定・登録制度). It implements one measure of the plan (by its stable key,
/// so it follows the measure from year to year). <see cref="ValidityMonths"/>: how long an acceptance lasts,
/// or null for no end; <see cref="ValidUntilField"/>: a date answer that ends it instead (an action plan's end).
/// </summary>
public class Scheme : AuditableEntity, ISearchable
{
    public int Id { get; set; }
    /// <summary>Stable code used in addresses and open data, e.g. TELEWORK-RULE.</summary>
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public SchemeKind Kind { get; set; }
    public required string AreaCode { get; set; }
    public required string MeasureKey { get; set; }
    /// <summary>Letters before an entry's number, e.g. TWR for TWR-2026-00012.</summary>
    public required string NumberPrefix { get; set; }
    public int? ValidityMonths { get; set; }
    public string? ValidUntilField { get; set; }
    /// <summary>Accepted entries may be renewed from this many days before they end.</summary>
    public int RenewalWindowDays { get; set; } = 90;
    /// <summary>Whether accepted entries report progress against their numeric targets (the action plan).</summary>
    public bool HasProgressReports { get; set; }
    public int Order { get; set; }
    public List<SchemeFormVersion> FormVersions { get; set; } = [];
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchSources() => [Code, NameJa, NameEn];

    public string Name(CultureInfo culture) => JapanTime.IsJapanese(culture) ? NameJa : NameEn;
}

/// <summary>A published version of a scheme's form. Never changed once published; the newest is current.</summary>
public class SchemeFormVersion : AuditableEntity
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public Scheme? Scheme { get; set; }
    /// <summary>1, 2, … per scheme.</summary>
    public int Number { get; set; }
    /// <summary>The <see cref="FormDefinition"/> as JSON.</summary>
    public required string DefinitionJson { get; set; }
    /// <summary>UTC.</summary>
    public DateTime PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    private FormDefinition? _definition;
    public FormDefinition Definition => _definition ??= FormDefinition.FromJson(DefinitionJson);
}

public enum EntryStatus
{
    /// <summary>下書き.</summary>
    Draft = 1,
    /// <summary>申請中（審査待ち）.</summary>
    Submitted = 2,
    /// <summary>差戻し: the company corrects and resubmits.</summary>
    Returned = 3,
    /// <summary>受理・認定・登録済.</summary>
    Accepted = 4,
    /// <summary>不受理.</summary>
    Rejected = 5,
    /// <summary>取下げ.</summary>
    Withdrawn = 6,
    /// <summary>期間満了.</summary>
    Expired = 7,
}

/// <summary>
/// A company's entry in a scheme, from its draft to acceptance and expiry. The working answers live here; each
/// submission freezes a copy in <see cref="SchemeSubmission"/>. <see cref="LiveKey"/> is set while the entry is
/// live (company:scheme, or company:scheme:renewal for a renewal) and a unique index on it keeps a company from
/// holding two live entries of one scheme, on every provider.
/// </summary>
public class SchemeEntry : AuditableEntity, IVersioned
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public Scheme? Scheme { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    public EntryStatus Status { get; set; }
    public int FormVersionId { get; set; }
    public SchemeFormVersion? FormVersion { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public string? LiveKey { get; set; }
    /// <summary>The accepted entry this one renews; the renewal keeps its number.</summary>
    public int? RenewalOfId { get; set; }
    public SchemeEntry? RenewalOf { get; set; }
    /// <summary>Given at acceptance, e.g. TWR-2026-00012; a renewal shows the number of the entry it renews.</summary>
    public string? Number { get; set; }
    /// <summary>The number when this entry was the one to receive it (null for a renewal): unique, so two acceptances never share one.</summary>
    public string? IssuedNumber { get; set; }
    /// <summary>UTC of the last autosave or save.</summary>
    public DateTime? DraftSavedAt { get; set; }
    /// <summary>UTC of the latest submission.</summary>
    public DateTime? SubmittedAt { get; set; }
    /// <summary>UTC of the first submission (the queue's "submitted date").</summary>
    public DateTime? FirstSubmittedAt { get; set; }
    /// <summary>UTC of the decision (accept or reject).</summary>
    public DateTime? DecidedAt { get; set; }
    /// <summary>The reason the company sees for a return or a rejection.</summary>
    public string? Reason { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public bool ListInDirectory { get; set; }
    public DateTime? Reminder90SentAt { get; set; }
    public DateTime? Reminder30SentAt { get; set; }
    public Guid Version { get; set; }
    public List<SchemeSubmission> Submissions { get; set; } = [];
    public List<SchemeEntryEvent> Events { get; set; } = [];
    public List<SchemeProgressReport> ProgressReports { get; set; } = [];

    public FormAnswers Answers
    {
        get => FormAnswers.FromJson(AnswersJson);
        set => AnswersJson = value.ToJson();
    }

    public static string LiveKeyFor(int companyId, int schemeId, bool renewal) =>
        string.Create(CultureInfo.InvariantCulture, $"{companyId}:{schemeId}{(renewal ? ":renewal" : "")}");

    /// <summary>In force on a day: accepted and within its validity.</summary>
    public bool IsInForceOn(DateOnly day) =>
        Status == EntryStatus.Accepted && ValidFrom is { } from && from <= day && (ValidUntil is null || day <= ValidUntil);
}

/// <summary>A frozen copy of what was submitted: later edits (after a return) make a new submission.</summary>
public class SchemeSubmission
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public SchemeEntry? Entry { get; set; }
    /// <summary>1, 2, … per entry.</summary>
    public int Sequence { get; set; }
    public int FormVersionId { get; set; }
    public SchemeFormVersion? FormVersion { get; set; }
    public required string AnswersJson { get; set; }
    /// <summary>UTC.</summary>
    public DateTime SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }
}

/// <summary>Who did what to an entry, and when: the history both sides see.</summary>
public class SchemeEntryEvent
{
    public long Id { get; set; }
    public int EntryId { get; set; }
    public SchemeEntry? Entry { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public required string Action { get; set; }
    /// <summary>company, metro or system.</summary>
    public required string Side { get; set; }
    public string? UserId { get; set; }
    /// <summary>Who it was, as shown to officials (the account's name or e-mail at that moment).</summary>
    public string? ActorName { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A progress report on an accepted action plan: the achieved value for each numeric target.</summary>
public class SchemeProgressReport
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public SchemeEntry? Entry { get; set; }
    /// <summary>The day the figures refer to.</summary>
    public DateOnly AsOf { get; set; }
    public required string ValuesJson { get; set; }
    public string Note { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime ReportedAt { get; set; }
    public required string ReportedBy { get; set; }

    public FormAnswers Values => FormAnswers.FromJson(ValuesJson);
}
