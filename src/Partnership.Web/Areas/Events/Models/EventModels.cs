using System.ComponentModel.DataAnnotations;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Events;

namespace Partnership.Web.Areas.Events.Models;

public sealed record EventListViewModel(
    IReadOnlyList<EventRow> Rows, IReadOnlyList<ProgramArea> Areas, string? Area, string? Month, OrganiserSide? Organiser, bool Past);

public sealed record EventDetailsViewModel(
    PartnershipEvent Event, int Waiting, int Attended, bool IsPast, bool RegistrationOpen, bool IsCompanyUser, bool HasCompany,
    IReadOnlyList<RegistrationRow> MyRegistrations, RegisterModel Form);

public sealed class RegisterModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(EventRegistration.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.ParticipantName")]
    public string? ParticipantName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(EventRegistration.EmailMaxLength, ErrorMessage = "Validation.TooLong")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Field.ParticipantEmail")]
    public string? ParticipantEmail { get; set; }
}

public sealed class EventFormModel
{
    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Measure")]
    public int? MeasureId { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Organiser")]
    public OrganiserSide? Organiser { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PartnershipEvent.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.EventTitleJa")]
    public string? TitleJa { get; set; }

    [StringLength(PartnershipEvent.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.EventTitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(PartnershipEvent.DescriptionMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.DescriptionJa")]
    public string? DescriptionJa { get; set; }

    [StringLength(PartnershipEvent.DescriptionMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(PartnershipEvent.VenueMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Venue")]
    public string? Venue { get; set; }

    [StringLength(PartnershipEvent.UrlMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.OnlineUrl")]
    public string? OnlineUrl { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.StartsAt")]
    public DateTime? StartsAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.EndsAt")]
    public DateTime? EndsAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, PartnershipEvent.MaxCapacity, ErrorMessage = "Event.CapacityInvalid")]
    [Display(Name = "Field.Capacity")]
    public int? Capacity { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.RegistrationOpensAt")]
    public DateTime? RegistrationOpensAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.RegistrationClosesAt")]
    public DateTime? RegistrationClosesAt { get; set; }

    /// <summary>Career support (WOMEN-M03) or not; a form without the field keeps an event general.</summary>
    [Display(Name = "Field.EventType")]
    public EventType Type { get; set; }

    public Guid Version { get; set; }

    public EventInput ToInput() => new(MeasureId ?? 0, Organiser, TitleJa, TitleEn, DescriptionJa, DescriptionEn, Venue, OnlineUrl,
        StartsAt, EndsAt, Capacity, RegistrationOpensAt, RegistrationClosesAt, Type);

    public static EventFormModel From(PartnershipEvent e) => new()
    {
        MeasureId = e.MeasureId, Organiser = e.Organiser, TitleJa = e.TitleJa, TitleEn = e.TitleEn, DescriptionJa = e.DescriptionJa, DescriptionEn = e.DescriptionEn,
        Venue = e.Venue, OnlineUrl = e.OnlineUrl, StartsAt = JapanTime.ToJapan(e.StartsAt), EndsAt = JapanTime.ToJapan(e.EndsAt), Capacity = e.Capacity,
        RegistrationOpensAt = JapanTime.ToJapan(e.RegistrationOpensAt), RegistrationClosesAt = JapanTime.ToJapan(e.RegistrationClosesAt), Type = e.Type, Version = e.Version,
    };
}

public sealed record EventFormViewModel(EventFormModel Form, IReadOnlyList<Measure> Measures, IReadOnlyList<OrganiserSide> Sides, int? Id, int Registered);

public sealed record RegistrationsViewModel(PartnershipEvent Event, IReadOnlyList<RegistrationRow> Rows, IReadOnlyDictionary<int, string> CompanyNames, bool Started);

public static class EventText
{
    /// <summary>A datetime-local input's value in Japan time.</summary>
    public static string Local(DateTime? japan) => japan?.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string Title(PartnershipEvent e) => Partnership.Web.Infrastructure.Languages.Pick(e.TitleJa, e.TitleEn);

    public static string Description(PartnershipEvent e) => Partnership.Web.Infrastructure.Languages.Pick(e.DescriptionJa, e.DescriptionEn);
}
