using Partnership.Core.Common;

namespace Partnership.Core.PlanServices;

/// <summary>What kind of service serves a measure; the open data writes it in lower case.</summary>
public enum ServiceKind
{
    Subsidy = 1,
    Scheme = 2,
    Consultation = 3,
    Event = 4,
    Library = 5,
    Outreach = 6,
}

/// <summary>Where a service stands now; the open data writes open, closed, upcoming, budget-reached, ongoing.</summary>
public enum ServiceState
{
    Open = 1,
    Closed = 2,
    Upcoming = 3,
    BudgetReached = 4,
    Ongoing = 5,
}

/// <summary>
/// A link Metro officials add between a measure (by its stable key) and a service that serves it beyond the
/// service's own measure, e.g. TELEWORK-M05 (expert dispatch) to the TELEWORK-CENTER desk. The services' own
/// pointers (a scheme's or program's measure key, a desk's or event's measure) count without a link.
/// </summary>
public class MeasureServiceLink : AuditableEntity
{
    public int Id { get; set; }
    public required string MeasureKey { get; set; }
    public ServiceKind Kind { get; set; }
    /// <summary>The service's code: a scheme, program, desk or library article code, or an event's id.</summary>
    public required string ServiceCode { get; set; }
}

/// <summary>
/// The official note of a measure that is not served online (by its stable key): what to do instead and whom to
/// contact. Metro officials edit it.
/// </summary>
public class MeasureOfflineNote : AuditableEntity, IVersioned
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public required string MeasureKey { get; set; }
    public required string NoteJa { get; set; }
    public required string NoteEn { get; set; }
    public Guid Version { get; set; }
}

/// <summary>One service of a measure as its page and the open data show it.</summary>
/// <param name="StateDate">For an upcoming service, the day (Japan) it opens.</param>
/// <param name="Action">The resource key of its one action (申請する, 宣言する, 相談する, 参加を申し込む, 読む).</param>
public sealed record ServiceItem(
    ServiceKind Kind, string Code, string TitleJa, string TitleEn, string Url, ServiceState State, DateOnly? StateDate, string Action);

/// <summary>A measure a service serves, as its page links back to it.</summary>
public sealed record ServedMeasure(int Id, string Key, string TitleJa, string TitleEn);

/// <summary>What a measure offers: its services and, when it has none online, the official note.</summary>
public sealed record MeasureOffer(IReadOnlyList<ServiceItem> Services, MeasureOfflineNote? Offline);

public static class ServiceCodes
{
    public static string Kind(ServiceKind kind) => kind.ToString().ToLowerInvariant();

    public static string State(ServiceState state) => state == ServiceState.BudgetReached ? "budget-reached" : state.ToString().ToLowerInvariant();
}
