using System.ComponentModel.DataAnnotations;
using Partnership.Core.Consultations;

namespace Partnership.Web.Areas.Consultations.Models;

/// <summary>The request form; also what the autosave posts. Nothing is required for a draft: the service checks on submission.</summary>
public sealed class ConsultationFormModel
{
    [Display(Name = "Field.Desk")]
    public int? DeskId { get; set; }

    [Display(Name = "Field.Topic")]
    public int? TopicId { get; set; }

    [StringLength(ConsultationRequest.DescriptionMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Problem")]
    public string? Description { get; set; }

    [Display(Name = "Field.PreferredMode")]
    public ConsultationMode? PreferredMode { get; set; }

    [Display(Name = "Field.PreferredDate1")]
    public DateOnly? PreferredDate1 { get; set; }

    [Display(Name = "Field.PreferredDate2")]
    public DateOnly? PreferredDate2 { get; set; }

    [Display(Name = "Field.PreferredDate3")]
    public DateOnly? PreferredDate3 { get; set; }

    [Display(Name = "Field.WantsExpert")]
    public bool WantsExpert { get; set; }

    public ConsultationInput ToInput() => new(DeskId, TopicId, Description, PreferredMode, PreferredDate1, PreferredDate2, PreferredDate3, WantsExpert);

    public static ConsultationFormModel From(ConsultationRequest r) => new()
    {
        DeskId = r.DeskId, TopicId = r.TopicId, Description = r.Description, PreferredMode = r.PreferredMode,
        PreferredDate1 = r.PreferredDate1, PreferredDate2 = r.PreferredDate2, PreferredDate3 = r.PreferredDate3, WantsExpert = r.WantsExpert,
    };

    public static readonly IReadOnlyDictionary<string, (string, int)> Fields = new Dictionary<string, (string, int)>
    {
        ["DeskId"] = ("Field.Desk", 0),
        ["TopicId"] = ("Field.Topic", 0),
        ["Description"] = ("Field.Problem", ConsultationRequest.DescriptionMaxLength),
        ["PreferredMode"] = ("Field.PreferredMode", 0),
        ["PreferredDate1"] = ("Field.PreferredDate1", 0),
        ["PreferredDate2"] = ("Field.PreferredDate2", 0),
        ["PreferredDate3"] = ("Field.PreferredDate3", 0),
        ["WantsExpert"] = ("Field.WantsExpert", 0),
        ["Reason"] = ("Field.DeclineReason", ConsultationRequest.ReasonMaxLength),
        ["AssigneeId"] = ("Field.Assignee", 0),
        ["ScheduledAt"] = ("Field.ScheduledAt", 0),
        ["Mode"] = ("Field.Mode", 0),
        ["Advice"] = ("Field.Advice", ConsultationSession.TextMaxLength),
        ["NextStep"] = ("Field.NextStep", ConsultationSession.TextMaxLength),
        ["Outcome"] = ("Field.Outcome", 0),
        ["OutcomeNote"] = ("Field.OutcomeNote", ConsultationRequest.ReasonMaxLength),
        ["Rating"] = ("Field.Rating", 0),
        ["RatingComment"] = ("Field.RatingComment", ConsultationRequest.ReasonMaxLength),
    };
}

public sealed record ConsultationFormViewModel(ConsultationFormModel Form, IReadOnlyList<ConsultationDesk> Desks, DateTime? SavedAt);

/// <summary>Who is looking at a request: the page shows each what is theirs to see and do.</summary>
public enum Viewer
{
    Company,
    Official,
    Expert,
}

public sealed record Person(string Id, string Name);

public sealed record RequestViewModel(
    ConsultationRequest Request, Viewer Viewer, IReadOnlyDictionary<string, string> Names, IReadOnlyList<ConsultationDesk> Desks,
    IReadOnlyList<Person> Experts, DateTime Now);

public sealed class SessionRecordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ConsultationSession.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Advice")]
    public string? Advice { get; set; }

    [StringLength(ConsultationSession.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NextStep")]
    public string? NextStep { get; set; }

    [Display(Name = "Field.SharedWithCompany")]
    public bool SharedWithCompany { get; set; }
}

public sealed record DesksViewModel(IReadOnlyList<ConsultationDesk> Desks, IReadOnlyList<Person> Experts, IReadOnlyList<Partnership.Core.Catalog.Measure> Measures);
