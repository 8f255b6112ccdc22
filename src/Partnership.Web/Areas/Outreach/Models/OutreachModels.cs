using System.ComponentModel.DataAnnotations;
using Partnership.Core.Catalog;
using Partnership.Core.Outreach;
using Partnership.Core.Reference;

namespace Partnership.Web.Areas.Outreach.Models;

/// <summary>The activity form: what a chamber user types to log one activity.</summary>
public sealed class ActivityFormModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.ActivityDate")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Channel")]
    public OutreachChannel? Channel { get; set; }

    [Display(Name = "Field.Measures")]
    public List<int> MeasureIds { get; set; } = [];

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [StringLength(8, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Branch")]
    public string? BranchCode { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, OutreachActivity.MaxReach, ErrorMessage = "Outreach.ReachOutOfRange")]
    [Display(Name = "Field.Reach")]
    public int? Reach { get; set; }

    [Display(Name = "Field.MemberCompanies")]
    public List<int> CompanyIds { get; set; } = [];

    [StringLength(OutreachActivity.NoteMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Note")]
    public string? Note { get; set; }

    public Guid Version { get; set; }

    public ActivityInput ToInput() => new(Date, Channel, MeasureIds, BranchCode, Reach, CompanyIds, Note);

    public static ActivityFormModel From(OutreachActivity a) => new()
    {
        Date = a.Date, Channel = a.Channel, MeasureIds = [.. a.Measures.Select(m => m.MeasureId)], BranchCode = a.BranchCode, Reach = a.Reach,
        CompanyIds = [.. a.Companies.Select(c => c.CompanyId)], Note = a.Note, Version = a.Version,
    };
}

public sealed record MemberOption(int Id, string Name);

public sealed record ActivityFormViewModel(ActivityFormModel Form, int? Id, IReadOnlyList<Measure> Measures, IReadOnlyList<ChamberBranch> Branches, IReadOnlyList<MemberOption> Members);

public sealed record ActivityRow(int Id, DateOnly Date, OutreachChannel Channel, string BranchCode, int Reach, string Note, string LoggedByUserId, IReadOnlyList<string> MeasureTitlesJa, IReadOnlyList<string> MeasureTitlesEn, int Companies);

public sealed record ActivityListViewModel(
    ActivityFilter Filter, IReadOnlyList<ActivityRow> Rows, ActivityTotals Totals, int Shown, IReadOnlyList<ProgramArea> Areas,
    IReadOnlyList<Measure> Measures, IReadOnlyList<ChamberBranch> Branches, string? MyUserId, string? MyBranch, bool CanLog, string Query);

public sealed record ImportViewModel(IReadOnlyList<ImportRowError> Errors, string? FileError, ImportResult? Result);

public sealed record ReferralRow(int Id, string CompanyName, string MeasureJa, string MeasureEn, string BranchCode, DateTime ReferredAt, DateTime? ConvertedAt, ConversionKind? ConvertedBy, string Note);

public sealed record ReferralsViewModel(
    ReferralFilter Filter, IReadOnlyList<ReferralRow> Rows, IReadOnlyList<(string Branch, string MeasureJa, string MeasureEn, int Open, int Converted)> Summary,
    IReadOnlyList<Measure> MetroMeasures, IReadOnlyList<ChamberBranch> Branches, IReadOnlyList<MemberOption> Members, bool CanRefer, string? MyBranch);

public sealed class PublicityFormModel
{
    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Measure")]
    public int? MeasureId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PublicityRequest.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.PublicityTitle")]
    public string? Title { get; set; }

    [StringLength(PublicityRequest.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.PublicityReason")]
    public string? Reason { get; set; }

    [Display(Name = "Field.WishedFrom")]
    public DateOnly? WishedFrom { get; set; }

    [Display(Name = "Field.WishedTo")]
    public DateOnly? WishedTo { get; set; }

    [Display(Name = "Field.WishedChannels")]
    public List<OutreachChannel> WishedChannels { get; set; } = [];

    public PublicityInput ToInput() => new(MeasureId, Title, Reason, WishedFrom, WishedTo, WishedChannels);
}

public sealed class PublicationFormModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.ActivityDate")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Channel")]
    public OutreachChannel? Channel { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Issue")]
    public string? Issue { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PublicityRequest.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.PublishedTitle")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, OutreachActivity.MaxReach, ErrorMessage = "Outreach.ReachOutOfRange")]
    [Display(Name = "Field.Reach")]
    public int? Reach { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [StringLength(8, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.ActivityBranch")]
    public string? BranchCode { get; set; }

    public PublicationInput ToInput() => new(Date, Channel, Issue, Title, Reach, BranchCode);
}

public sealed record PublicityRow(int Id, string Title, string MeasureJa, string MeasureEn, PublicityStatus Status, DateTime RequestedAt, int Publications, long Reach);

public sealed record PublicityListViewModel(IReadOnlyList<PublicityRow> Rows, PublicityFormModel Form, IReadOnlyList<Measure> Measures, bool CanRequest);

public sealed record PublicityDetailsViewModel(PublicityRequest Request, IReadOnlyList<OutreachActivity> Publications, PublicationFormModel Form,
    IReadOnlyList<ChamberBranch> Branches, bool IsChamber);

public sealed class CoSponsorshipFormModel
{
    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.CoSponsorKind")]
    public CoSponsorKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Measure")]
    public int? MeasureId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(CoSponsorshipRequest.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.CoEventTitle")]
    public string? EventTitle { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.CoEventDate")]
    public DateOnly? EventDate { get; set; }

    [StringLength(CoSponsorshipRequest.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Venue")]
    public string? Venue { get; set; }

    [StringLength(CoSponsorshipRequest.TextMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.CoDescription")]
    public string? Description { get; set; }

    public CoSponsorshipInput ToInput() => new(Kind, MeasureId, EventTitle, EventDate, Venue, Description);
}

public sealed record CoSponsorshipListViewModel(IReadOnlyList<CoSponsorshipRequest> Rows, CoSponsorshipFormModel Form, IReadOnlyList<Measure> Measures, bool CanRequest);

public sealed record CoSponsorshipDetailsViewModel(CoSponsorshipRequest Request, bool IsChamber, bool CanRecordResult);
