using Partnership.Core.Common;

namespace Partnership.Core.Events;

/// <summary>What an organiser types for an event; times are Japan time as the form shows them.</summary>
public sealed record EventInput(
    int MeasureId,
    OrganiserSide? Organiser,
    string? TitleJa,
    string? TitleEn,
    string? DescriptionJa,
    string? DescriptionEn,
    string? Venue,
    string? OnlineUrl,
    DateTime? StartsAtJapan,
    DateTime? EndsAtJapan,
    int? Capacity,
    DateTime? RegistrationOpensAtJapan,
    DateTime? RegistrationClosesAtJapan,
    EventType Type = EventType.General);

/// <summary>An event as checked, times in UTC.</summary>
public sealed record ValidEvent(
    int MeasureId, OrganiserSide Organiser, string TitleJa, string TitleEn, string DescriptionJa, string DescriptionEn,
    string? Venue, string? OnlineUrl, DateTime StartsAt, DateTime EndsAt, int Capacity, DateTime RegistrationOpensAt, DateTime RegistrationClosesAt,
    EventType Type = EventType.General)
{
    public void ApplyTo(PartnershipEvent e)
    {
        e.MeasureId = MeasureId;
        e.Organiser = Organiser;
        e.TitleJa = TitleJa;
        e.TitleEn = TitleEn;
        e.DescriptionJa = DescriptionJa;
        e.DescriptionEn = DescriptionEn;
        e.Venue = Venue;
        e.OnlineUrl = OnlineUrl;
        e.StartsAt = StartsAt;
        e.EndsAt = EndsAt;
        e.Capacity = Capacity;
        e.RegistrationOpensAt = RegistrationOpensAt;
        e.RegistrationClosesAt = RegistrationClosesAt;
        e.Type = Type;
    }
}

/// <summary>Pure rules for events and their waiting lists.</summary>
public static class EventRules
{
    /// <summary>
    /// Checks an organiser's input. A new event, or a changed start, may not lie in the past; the capacity may not
    /// fall below the places already taken.
    /// </summary>
    public static (ValidEvent? Event, List<FieldError> Errors) Validate(EventInput input, DateTime utcNow, int alreadyRegistered, DateTime? previousStartUtc)
    {
        var errors = new List<FieldError>();
        string Required(string field, string? value, int max)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0)
            {
                errors.Add(new(field, "Validation.Required"));
            }
            else if (text.Length > max)
            {
                errors.Add(new(field, "Validation.TooLong"));
            }
            return text;
        }
        string? Optional(string field, string? value, int max)
        {
            var text = value?.Trim() ?? "";
            if (text.Length > max)
            {
                errors.Add(new(field, "Validation.TooLong"));
            }
            return text.Length == 0 ? null : text;
        }

        if (input.Organiser is not { } organiser || !Enum.IsDefined(organiser))
        {
            errors.Add(new(nameof(input.Organiser), "Validation.RequiredChoice"));
            organiser = OrganiserSide.Metro;
        }
        var titleJa = Required(nameof(input.TitleJa), input.TitleJa, PartnershipEvent.TitleMaxLength);
        var titleEn = Optional(nameof(input.TitleEn), input.TitleEn, PartnershipEvent.TitleMaxLength) ?? "";
        var descriptionJa = Optional(nameof(input.DescriptionJa), input.DescriptionJa, PartnershipEvent.DescriptionMaxLength) ?? "";
        var descriptionEn = Optional(nameof(input.DescriptionEn), input.DescriptionEn, PartnershipEvent.DescriptionMaxLength) ?? "";
        var venue = Optional(nameof(input.Venue), input.Venue, PartnershipEvent.VenueMaxLength);
        var url = Optional(nameof(input.OnlineUrl), input.OnlineUrl, PartnershipEvent.UrlMaxLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            errors.Add(new(nameof(input.OnlineUrl), "Event.UrlInvalid"));
        }
        if (venue is null && url is null)
        {
            errors.Add(new(nameof(input.Venue), "Event.VenueOrUrlRequired"));
        }

        var startsAt = Instant(nameof(input.StartsAtJapan), input.StartsAtJapan, errors);
        var endsAt = Instant(nameof(input.EndsAtJapan), input.EndsAtJapan, errors);
        var opensAt = Instant(nameof(input.RegistrationOpensAtJapan), input.RegistrationOpensAtJapan, errors);
        var closesAt = Instant(nameof(input.RegistrationClosesAtJapan), input.RegistrationClosesAtJapan, errors);
        if (startsAt is { } s && s <= utcNow && s != previousStartUtc)
        {
            errors.Add(new(nameof(input.StartsAtJapan), "Event.StartInPast"));
        }
        if (startsAt is { } start && endsAt is { } end && end <= start)
        {
            errors.Add(new(nameof(input.EndsAtJapan), "Event.EndBeforeStart"));
        }
        if (opensAt is { } open && closesAt is { } close && close <= open)
        {
            errors.Add(new(nameof(input.RegistrationClosesAtJapan), "Event.RegistrationCloseBeforeOpen"));
        }
        if (closesAt is { } c && startsAt is { } st && c > st)
        {
            errors.Add(new(nameof(input.RegistrationClosesAtJapan), "Event.RegistrationCloseAfterStart"));
        }

        if (input.Capacity is not { } capacity || capacity < 1 || capacity > PartnershipEvent.MaxCapacity)
        {
            errors.Add(new(nameof(input.Capacity), "Event.CapacityInvalid"));
            capacity = 0;
        }
        else if (capacity < alreadyRegistered)
        {
            errors.Add(new(nameof(input.Capacity), "Event.CapacityBelowRegistered"));
        }

        var type = input.Type;
        if (!Enum.IsDefined(type))
        {
            errors.Add(new(nameof(input.Type), "Validation.RequiredChoice"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ValidEvent(input.MeasureId, organiser, titleJa, titleEn, descriptionJa, descriptionEn, venue, url,
            startsAt!.Value, endsAt!.Value, capacity, opensAt!.Value, closesAt!.Value, type), errors);
    }

    private static DateTime? Instant(string field, DateTime? japan, List<FieldError> errors)
    {
        if (japan is not { } value)
        {
            errors.Add(new(field, "Validation.Required"));
            return null;
        }
        if (value.Year < 2000 || value.Year > 2100)
        {
            errors.Add(new(field, "Validation.Invalid"));
            return null;
        }
        return JapanTime.ToUtc(value);
    }

    /// <summary>
    /// Who moves up from the waiting list when <paramref name="freePlaces"/> places are free: the earliest arrivals
    /// (lowest id), as many as there are places, never more than are waiting.
    /// </summary>
    public static IReadOnlyList<EventRegistration> ToPromote(IEnumerable<EventRegistration> registrations, int freePlaces) =>
        freePlaces <= 0
            ? []
            : registrations.Where(r => r.Status == RegistrationStatus.Waiting).OrderBy(r => r.Id).Take(freePlaces).ToList();

    /// <summary>A registration's place on the waiting list (1 = next to move up); null when it is not waiting.</summary>
    public static int? WaitingPosition(IEnumerable<EventRegistration> registrations, EventRegistration registration) =>
        registration.Status != RegistrationStatus.Waiting
            ? null
            : registrations.Count(r => r.Status == RegistrationStatus.Waiting && r.Id < registration.Id) + 1;

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
