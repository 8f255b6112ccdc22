using Partnership.Core.Companies;

namespace Partnership.Core.Subsidies;

/// <summary>One eligibility rule and whether the company meets it; the web layer words it from the code.</summary>
public sealed record EligibilityCheck(string Code, bool Passed, string? Detail = null);

/// <summary>Pure rules of subsidies: the amount, the expense lines, eligibility and the life cycle.</summary>
public static class SubsidyRules
{
    public const int MaxItems = 20;
    public const int MaxQuantity = 10_000;
    public const long MaxUnitPriceYen = 100_000_000;
    public const int MaxDescriptionLength = 100;

    /// <summary>rate × eligible expenses, capped per applicant, rounded down to 1,000 yen.</summary>
    public static long Amount(long eligibleYen, int rateNumerator, int rateDenominator, long capYen)
    {
        if (eligibleYen <= 0 || rateNumerator <= 0 || rateDenominator <= 0)
        {
            return 0;
        }
        var byRate = (long)(new System.Numerics.BigInteger(eligibleYen) * rateNumerator / rateDenominator);
        var capped = Math.Min(byRate, capYen);
        return capped / SubsidyWindow.Unit * SubsidyWindow.Unit;
    }

    public static IReadOnlyList<EligibilityCheck> Eligibility(SubsidyWindow window, Company company, bool holdsPrerequisite)
    {
        var checks = new List<EligibilityCheck>();
        if (window.RequireTokyo)
        {
            checks.Add(new("Tokyo", company.MunicipalityCode is not null));
        }
        if (window.RequireSme)
        {
            checks.Add(new("Sme", company.IsSme));
        }
        if (window.MinEmployees is { } min)
        {
            checks.Add(new("MinEmployees", company.RegularEmployees >= min, min.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (window.MaxEmployees is { } max)
        {
            checks.Add(new("MaxEmployees", company.RegularEmployees <= max, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (window.PrerequisiteSchemeCode is { } scheme)
        {
            checks.Add(new("Prerequisite", holdsPrerequisite, scheme));
        }
        return checks;
    }

    private static readonly Dictionary<(ApplicationStatus, SubsidyAction), ApplicationStatus> Transitions = new()
    {
        [(ApplicationStatus.Draft, SubsidyAction.Edit)] = ApplicationStatus.Draft,
        [(ApplicationStatus.Returned, SubsidyAction.Edit)] = ApplicationStatus.Returned,
        [(ApplicationStatus.Draft, SubsidyAction.Submit)] = ApplicationStatus.Submitted,
        [(ApplicationStatus.Draft, SubsidyAction.Queue)] = ApplicationStatus.Waitlisted,
        [(ApplicationStatus.Returned, SubsidyAction.Resubmit)] = ApplicationStatus.UnderReview,
        [(ApplicationStatus.Submitted, SubsidyAction.StartReview)] = ApplicationStatus.UnderReview,
        [(ApplicationStatus.Submitted, SubsidyAction.Return)] = ApplicationStatus.Returned,
        [(ApplicationStatus.UnderReview, SubsidyAction.Return)] = ApplicationStatus.Returned,
        [(ApplicationStatus.Submitted, SubsidyAction.Grant)] = ApplicationStatus.Granted,
        [(ApplicationStatus.UnderReview, SubsidyAction.Grant)] = ApplicationStatus.Granted,
        [(ApplicationStatus.Submitted, SubsidyAction.Refuse)] = ApplicationStatus.NotGranted,
        [(ApplicationStatus.UnderReview, SubsidyAction.Refuse)] = ApplicationStatus.NotGranted,
        [(ApplicationStatus.Waitlisted, SubsidyAction.Refuse)] = ApplicationStatus.NotGranted,
        [(ApplicationStatus.Draft, SubsidyAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.Submitted, SubsidyAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.UnderReview, SubsidyAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.Returned, SubsidyAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.Waitlisted, SubsidyAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.Waitlisted, SubsidyAction.Promote)] = ApplicationStatus.Submitted,
        [(ApplicationStatus.Granted, SubsidyAction.Report)] = ApplicationStatus.Reported,
        [(ApplicationStatus.Reported, SubsidyAction.Confirm)] = ApplicationStatus.Confirmed,
        [(ApplicationStatus.Confirmed, SubsidyAction.Pay)] = ApplicationStatus.Paid,
    };

    public static bool Can(ApplicationStatus status, SubsidyAction action) => Transitions.ContainsKey((status, action));

    public static ApplicationStatus? Next(ApplicationStatus status, SubsidyAction action) =>
        Transitions.TryGetValue((status, action), out var next) ? next : null;

    /// <summary>
    /// The allotment rule of a first submission: first come first served reserves the amount from the budget,
    /// queueing when the budget is short if the window keeps a waiting list; screening only numbers the
    /// application (the budget is held at the grant).
    /// </summary>
    public static ReservationRequest ReservationFor(SubsidyWindow window, long amountYen) =>
        window.Allotment == Allotment.FirstCome ? new(window.Id, amountYen, window.WaitingList) : new(window.Id, null, false);

    /// <summary>The action a reservation leads to: reserved or numbered, submit; queued, queue; refused, none.</summary>
    public static SubsidyAction? ActionFor(ReservationOutcome outcome) => outcome switch
    {
        ReservationOutcome.Reserved or ReservationOutcome.Numbered => SubsidyAction.Submit,
        ReservationOutcome.Queued => SubsidyAction.Queue,
        _ => null,
    };

    /// <summary>The receipt number (受付番号): the window's prefix and the sequence number in six digits.</summary>
    public static string ReceiptNumber(SubsidyWindow window, int seq) => ReceiptNumber(window.ReceiptPrefix, seq);

    /// <summary>The window's prefix and the sequence number in at least six digits.</summary>
    public static string ReceiptNumber(string prefix, int seq) => prefix + seq.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Granted (交付決定) and every step after it.</summary>
    public static bool IsGranted(ApplicationStatus status) =>
        status is ApplicationStatus.Granted or ApplicationStatus.Reported or ApplicationStatus.Confirmed or ApplicationStatus.Paid;

    /// <summary>Statuses before a decision: a withdrawal is still possible and releases what is held.</summary>
    public static bool BeforeDecision(ApplicationStatus status) =>
        status is ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.UnderReview or ApplicationStatus.Returned or ApplicationStatus.Waitlisted;
}

public enum SubsidyAction
{
    Edit,
    Submit,
    /// <summary>A first submission the budget cannot cover goes on the waiting list (順番待ち).</summary>
    Queue,
    Resubmit,
    StartReview,
    Return,
    Grant,
    Refuse,
    Withdraw,
    Promote,
    Report,
    Confirm,
    Pay,
}
