using System.Globalization;
using Partnership.Core.Common;
using Partnership.Core.Companies;

namespace Partnership.Core.Subsidies;

/// <summary>A subsidy, grant or incentive of the plan (補助金・助成金・奨励金), pointing at its measure.</summary>
public class SubsidyProgram : ISearchable
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public required string AreaCode { get; set; }
    public required string MeasureKey { get; set; }
    /// <summary>Letters in the receipt number, e.g. TEL in R8-TEL-000123.</summary>
    public required string ReceiptCode { get; set; }
    public int Order { get; set; }
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchSources() => [Code, NameJa, NameEn];

    public string Name(CultureInfo culture) => JapanTime.IsJapanese(culture) ? NameJa : NameEn;
}

public enum Allotment
{
    /// <summary>先着順: each submission reserves its amount until the budget is used.</summary>
    FirstCome = 1,
    /// <summary>審査: everything received before the close is screened; the budget is held at grant.</summary>
    Screening = 2,
}

public enum WindowState
{
    Upcoming,
    Open,
    /// <summary>予算額に達したため受付を終了しました.</summary>
    BudgetReached,
    Closed,
}

/// <summary>A document a window asks for, in both languages.</summary>
public sealed record DocumentRequirement(string Code, string Ja, string En)
{
    public string Label(CultureInfo culture) => JapanTime.IsJapanese(culture) ? Ja : En;
}

/// <summary>
/// An application window (受付期間) of one fiscal year: when it opens and closes (UTC), its budget, cap per
/// applicant, rate, allotment, eligibility and required documents. <see cref="ReservedYen"/> is the sum of
/// what applications hold (reserved or granted); it only changes through conditional updates that keep it
/// within <see cref="BudgetYen"/>. <see cref="LastReceiptSeq"/> numbers receipts without gaps.
/// </summary>
public class SubsidyWindow : AuditableEntity, IVersioned
{
    /// <summary>The smallest amount an application can hold: below it nothing more can be funded.</summary>
    public const long Unit = 1_000;

    public int Id { get; set; }
    public int ProgramId { get; set; }
    public SubsidyProgram? Program { get; set; }
    public int FiscalYear { get; set; }
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public long BudgetYen { get; set; }
    public long CapYen { get; set; }
    public int RateNumerator { get; set; }
    public int RateDenominator { get; set; }
    public Allotment Allotment { get; set; }
    /// <summary>First come: when the budget cannot cover an application it waits (キャンセル待ち) instead of being refused.</summary>
    public bool WaitingList { get; set; }
    public bool RequireTokyo { get; set; } = true;
    public bool RequireSme { get; set; } = true;
    public int? MinEmployees { get; set; }
    public int? MaxEmployees { get; set; }
    /// <summary>A scheme the company must hold, in force (e.g. TELEWORK-RULE).</summary>
    public string? PrerequisiteSchemeCode { get; set; }
    public string RequiredDocumentsJson { get; set; } = "[]";
    public long ReservedYen { get; set; }
    public int LastReceiptSeq { get; set; }
    /// <summary>
    /// UTC; the time of the last receipt, where the receipt is one statement (PostgreSQL): a receipt's time is the
    /// later of its node's clock and this, so the times of a window's receipts follow their numbers whichever node took
    /// them (docs/adr/0095-receipt-in-one-statement.md). Null elsewhere.
    /// </summary>
    public DateTime? LastReceiptAt { get; set; }
    public Guid Version { get; set; }

    private readonly JsonList<DocumentRequirement> _requiredDocumentsParsed = new();

    public IReadOnlyList<DocumentRequirement> RequiredDocuments
    {
        get => _requiredDocumentsParsed.Read(RequiredDocumentsJson);
        set => RequiredDocumentsJson = JsonList<DocumentRequirement>.Write(value);
    }

    public long RemainingYen => Math.Max(0, BudgetYen - ReservedYen);

    public WindowState StateAt(DateTime utcNow) =>
        utcNow < OpensAt ? WindowState.Upcoming
        : utcNow >= ClosesAt ? WindowState.Closed
        : Allotment == Allotment.FirstCome && RemainingYen < Unit && !WaitingList ? WindowState.BudgetReached
        : WindowState.Open;

    /// <summary>
    /// The receipt numbers' prefix, fixed when the window is opened: R8-TEL for the first FY2026 (令和8年度)
    /// window of the telework equipment subsidy, R8-TEL2 for its second round, so numbers never repeat.
    /// </summary>
    public string ReceiptCode { get; set; } = "";

    public string ReceiptPrefix => ReceiptCode + "-";

    /// <summary>R{era year}-{program code}{round}: the round is left out for the first window of a program and year.</summary>
    public static string ReceiptCodeFor(int fiscalYear, string programCode, int round) =>
        string.Create(CultureInfo.InvariantCulture, $"R{fiscalYear - 2018}-{programCode}{(round > 1 ? round.ToString(CultureInfo.InvariantCulture) : "")}");

    public string Rate => string.Create(CultureInfo.InvariantCulture, $"{RateNumerator}/{RateDenominator}");
}

public enum ApplicationStatus
{
    Draft = 1,
    /// <summary>受付済み: has a receipt; first come: its amount is reserved.</summary>
    Submitted = 2,
    UnderReview = 3,
    Returned = 4,
    /// <summary>交付決定.</summary>
    Granted = 5,
    /// <summary>不交付.</summary>
    NotGranted = 6,
    Withdrawn = 7,
    /// <summary>実績報告済み.</summary>
    Reported = 8,
    /// <summary>額の確定.</summary>
    Confirmed = 9,
    /// <summary>支払済み.</summary>
    Paid = 10,
    /// <summary>キャンセル待ち: received, waiting for budget freed by a withdrawal.</summary>
    Waitlisted = 11,
}

/// <summary>One expense line: what, how many, at what unit price (yen).</summary>
public sealed record ExpenseItem(string Description, int Quantity, long UnitPriceYen)
{
    public long TotalYen => Quantity * UnitPriceYen;
}

/// <summary>A company's application to a window, from draft to payment.</summary>
public class SubsidyApplication : AuditableEntity, IVersioned
{
    public int Id { get; set; }
    public int WindowId { get; set; }
    public SubsidyWindow? Window { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    public ApplicationStatus Status { get; set; }
    public string ExpensesJson { get; set; } = "[]";
    public long EligibleExpensesYen { get; set; }
    /// <summary>The amount applied for: rate × eligible expenses, capped, rounded down to 1,000 yen.</summary>
    public long RequestedYen { get; set; }
    /// <summary>What this application holds of the window's budget now (reserved, then granted, then confirmed).</summary>
    public long HeldYen { get; set; }
    public long? GrantedYen { get; set; }
    public long? ConfirmedYen { get; set; }
    public int? ReceiptSeq { get; set; }
    public string? ReceiptNumber { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>
    /// True from the moment the receipt is taken until what follows it (the event, the mail and notice, the referral
    /// conversions) is saved. On a server database the two are saved one after the other; when a node stops between
    /// them, <see cref="SubsidyService.FinishFollowUpsAsync"/> saves what follows (docs/adr/0095-receipt-in-one-statement.md).
    /// </summary>
    public bool FollowUpPending { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? ReportedAt { get; set; }
    /// <summary>The Japan-time day the result report (実績報告) is due, set by the official with the grant; null when none was set.</summary>
    public DateOnly? ResultReportDueOn { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime? DraftSavedAt { get; set; }
    public string? Reason { get; set; }
    public string ReportText { get; set; } = "";
    /// <summary>company:window while the application is not withdrawn; one per company and window.</summary>
    public string? LiveKey { get; set; }
    public Guid Version { get; set; }
    public List<SubsidyDocument> Documents { get; set; } = [];
    public List<SubsidyEvent> Events { get; set; } = [];

    private readonly JsonList<ExpenseItem> _expensesParsed = new();

    public IReadOnlyList<ExpenseItem> Expenses
    {
        get => _expensesParsed.Read(ExpensesJson);
        set => ExpensesJson = JsonList<ExpenseItem>.Write(value);
    }

    public static string LiveKeyFor(int companyId, int windowId) => string.Create(CultureInfo.InvariantCulture, $"{companyId}:{windowId}");
}

public enum DocumentStage
{
    Application = 1,
    Report = 2,
}

/// <summary>An uploaded document, checked by content; the bytes live in the document store under <see cref="StorageKey"/>.</summary>
public class SubsidyDocument
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public SubsidyApplication? Application { get; set; }
    public DocumentStage Stage { get; set; }
    public required string RequirementCode { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

public class SubsidyEvent
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public SubsidyApplication? Application { get; set; }
    public DateTime At { get; set; }
    public required string Action { get; set; }
    public required string Side { get; set; }
    public string? UserId { get; set; }
    public string? ActorName { get; set; }
    public string? Detail { get; set; }
}
