using Partnership.Core.Common;

namespace Partnership.Core.Events;

/// <summary>Who runs an event: Tokyo (甲), the Chamber (乙), or both together (共同開催).</summary>
public enum OrganiserSide
{
    Metro = 1,
    Chamber = 2,
    Joint = 3,
}

/// <summary>
/// What an event is for, beyond its measure. A career-support event (キャリア形成支援) also serves WOMEN-M03, whatever
/// its own measure (docs/adr/0086-events-typed-as-career-support.md).
/// </summary>
public enum EventType
{
    General = 0,
    CareerSupport = 1,
}

/// <summary>
/// An event, seminar, EXPO or tour (イベント・セミナー・EXPO・見学会) that companies register for. Times are UTC
/// (shown in Japan time). <see cref="Registered"/> counts the places taken; it only ever changes through an
/// atomic conditional update, so it never passes <see cref="Capacity"/> (docs/adr/0021-event-capacity.md).
/// </summary>
public class PartnershipEvent : AuditableEntity, IVersioned, ISearchable
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int VenueMaxLength = 200;
    public const int UrlMaxLength = 400;
    public const int MaxCapacity = 100_000;

    public int Id { get; set; }
    public int MeasureId { get; set; }
    public Catalog.Measure? Measure { get; set; }
    public OrganiserSide Organiser { get; set; }
    public EventType Type { get; set; }
    public required string TitleJa { get; set; }
    public string TitleEn { get; set; } = "";
    public string DescriptionJa { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>Where it takes place; null for an online-only event.</summary>
    public string? Venue { get; set; }
    /// <summary>https link for online participation; null for an on-site-only event.</summary>
    public string? OnlineUrl { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime EndsAt { get; set; }
    public int Capacity { get; set; }
    /// <summary>UTC; registration is open from this instant…</summary>
    public DateTime RegistrationOpensAt { get; set; }
    /// <summary>…until this one (exclusive), UTC.</summary>
    public DateTime RegistrationClosesAt { get; set; }
    /// <summary>Places taken (status Registered). Changed only by conditional updates in <see cref="EventService"/>.</summary>
    public int Registered { get; set; }
    public Guid Version { get; set; }
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchSources() => [TitleJa, TitleEn, DescriptionJa, DescriptionEn];

    public bool IsRegistrationOpenAt(DateTime utcNow) => utcNow >= RegistrationOpensAt && utcNow < RegistrationClosesAt && utcNow < StartsAt;

    public bool IsPastAt(DateTime utcNow) => EndsAt <= utcNow;
}

public enum RegistrationStatus
{
    Registered = 1,
    Waiting = 2,
    Cancelled = 3,
}

/// <summary>One participant of a company at an event: registered, on the waiting list (in arrival order), or cancelled.</summary>
public class EventRegistration : AuditableEntity
{
    public const int NameMaxLength = 50;
    public const int EmailMaxLength = 256;

    /// <summary>Grows with arrival: the waiting list is ordered by it.</summary>
    public int Id { get; set; }
    public int EventId { get; set; }
    public PartnershipEvent? Event { get; set; }
    public int CompanyId { get; set; }
    public Companies.Company? Company { get; set; }
    public required string RegisteredByUserId { get; set; }
    public required string ParticipantName { get; set; }
    public required string ParticipantEmail { get; set; }
    /// <summary>
    /// The participant's e-mail, lower case, while the registration is active; null once cancelled. A unique
    /// index on (EventId, ActiveEmail) makes a second active registration of the same person impossible, even
    /// when both arrive at once.
    /// </summary>
    public string? ActiveEmail { get; set; }
    public RegistrationStatus Status { get; set; }
    /// <summary>UTC: when the request arrived.</summary>
    public DateTime RequestedAt { get; set; }
    /// <summary>UTC: when it moved up from the waiting list.</summary>
    public DateTime? PromotedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>Recorded by the organiser after the event; null until then.</summary>
    public bool? Attended { get; set; }
    /// <summary>Where mail about this registration goes (the company user who registered), and its language.</summary>
    public required string ContactEmail { get; set; }
    public string ContactCulture { get; set; } = "ja";
}
