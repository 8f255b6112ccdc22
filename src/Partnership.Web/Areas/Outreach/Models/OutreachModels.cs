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
    [Display(Name = "Field.ActivityBranch")]
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

public sealed record ActivityFormViewModel(ActivityFormModel Form, int? Id, IReadOnlyList<Measure> Measures, IReadOnlyList<ChamberBranch> Branches, IReadOnlyList<MemberOption> Members);

public sealed record ActivityListViewModel(
    ActivityFilter Filter, IReadOnlyList<ActivityRow> Rows, ActivityTotals Totals, int Shown, IReadOnlyList<ProgramArea> Areas,
    IReadOnlyList<Measure> Measures, IReadOnlyList<ChamberBranch> Branches, ChamberEditor? Editor, string Query)
{
    public bool CanLog => Editor is not null;

    public string? MyBranch => Editor?.BranchCode;

    /// <summary>The same rule the server enforces (<see cref="OutreachRules.MayChange"/>); the links only mirror it.</summary>
    public bool MayChange(ActivityRow row) => Editor is not null && OutreachRules.MayChange(row.LoggedByUserId, row.BranchCode, Editor);
}

public sealed record ImportViewModel(IReadOnlyList<ImportRowError> Errors, string? FileError, ImportResult? Result);

public sealed record ReferralRow(int Id, string MemberName, string MeasureJa, string MeasureEn, string BranchCode, DateTime ReferredAt, DateTime? ConvertedAt,
    ConversionKind? ConvertedBy, string Note, bool Registered, DateTime? AttachedAt, bool AlreadyTakenUp, string? ConvertedService, ReferralChannel? Channel,
    bool ToRosterMember = false);

/// <summary>The printed invitation of a referral: the letter, each measure's title and page, the registration link and its QR code (a data URI), the day printed.</summary>
public sealed record ReferralLetterViewModel(ReferralLetter Letter, IReadOnlyList<(string TitleJa, string Url)> Measures, string RegisterUrl, string QrCodeDataUri, DateTime PrintedAt);

public sealed record ReferralsViewModel(
    ReferralFilter Filter, IReadOnlyList<ReferralRow> Rows, IReadOnlyList<(string Branch, string MeasureJa, string MeasureEn, int Open, int Converted)> Summary,
    ReferralFunnel Funnel, IReadOnlyList<Measure> MetroMeasures, IReadOnlyList<ChamberBranch> Branches, ReferralFormModel Form,
    IReadOnlyList<RosterChoice> Found, RosterChoice? Chosen, bool CanRefer);

/// <summary>The referral form: the roster search text, the member chosen, the measures, branch, channel, note and whether to mail.</summary>
public sealed class ReferralFormModel
{
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Referral.Search")]
    public string? Query { get; set; }

    public int? RosterMemberId { get; set; }

    public List<int> MeasureIds { get; set; } = [];

    public string? BranchCode { get; set; }

    public ReferralChannel? Channel { get; set; }

    public string? Note { get; set; }

    public bool SendMail { get; set; }
}

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

    /// <summary>A key per form shown: the same form sent twice is one request.</summary>
    public Guid? SubmissionKey { get; set; }

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

public sealed record PublicityListViewModel(IReadOnlyList<PublicityRow> Rows, PublicityFormModel Form, IReadOnlyList<Measure> Measures, bool CanRequest);

public sealed record PublicityDetailsViewModel(PublicityRequest Request, IReadOnlyList<OutreachActivity> Publications, PublicationFormModel Form,
    IReadOnlyList<ChamberBranch> Branches, bool IsChamber, bool IsRequester)
{
    public bool CanAttach => IsRequester && Request.Status != PublicityStatus.Declined && Request.Attachments.Count < PublicityAttachment.MaxPerRequest;
}

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

public sealed class SupportCaseFormModel
{
    [Display(Name = "Field.MemberCompany")]
    public int? CompanyId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.SupportDate")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [StringLength(32, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Outreach.Area")]
    public string? AreaCode { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [StringLength(8, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.ActivityBranch")]
    public string? BranchCode { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(MemberSupportCase.AdviceMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Advice")]
    public string? Advice { get; set; }

    [Display(Name = "Field.FollowUpOn")]
    public DateOnly? FollowUpOn { get; set; }

    [Display(Name = "Field.FollowedUpOn")]
    public DateOnly? FollowedUpOn { get; set; }

    public Guid Version { get; set; }

    /// <summary>A key per form shown: the same form sent twice is one case.</summary>
    public Guid? SubmissionKey { get; set; }

    public SupportCaseInput ToInput() => new(CompanyId, Date, AreaCode, BranchCode, Advice, FollowUpOn, FollowedUpOn);

    public static SupportCaseFormModel From(MemberSupportCase c) => new()
    {
        CompanyId = c.CompanyId, Date = c.Date, AreaCode = c.AreaCode, BranchCode = c.BranchCode, Advice = c.Advice, FollowUpOn = c.FollowUpOn,
        FollowedUpOn = c.FollowedUpOn, Version = c.Version,
    };
}

public sealed record SupportListViewModel(IReadOnlyList<SupportCaseRow> Rows, MemberOption? Company, bool DueOnly, string? Branch, int DueCount, ChamberEditor? Editor,
    IReadOnlyList<ChamberBranch> Branches, IReadOnlyList<ProgramArea> Areas, DateOnly Today)
{
    public bool CanWrite => Editor is not null;

    public bool MayChange(SupportCaseRow row) => Editor is not null && OutreachRules.MayChange(row.RecordedByUserId, row.BranchCode, Editor);

    public static bool IsDue(SupportCaseRow row, DateOnly today) => row.FollowUpOn is { } on && on <= today && row.FollowedUpOn is null;
}

public sealed record SupportFormViewModel(SupportCaseFormModel Form, int? Id, IReadOnlyList<MemberOption> Members, IReadOnlyList<ChamberBranch> Branches, IReadOnlyList<ProgramArea> Areas);

public sealed record RosterImportViewModel(IReadOnlyList<Partnership.Core.Members.RosterRowError> Errors, string? FileError, Partnership.Core.Members.RosterImportResult? Result);

public sealed record RosterRowView(string MemberNumber, string? CorporateNumber, string Name, string NameKana, string BranchCode, DateOnly JoinedOn,
    Partnership.Core.Members.RosterStatus Status, DateOnly? LeftOn, int Id = 0, bool Matched = false);

/// <summary>The match by hand of a member without a 法人番号: the entry, the search typed, the companies found, the one chosen.</summary>
public sealed record RosterMatchViewModel(MatchEntry Entry, string? Query, IReadOnlyList<MatchCandidate> Candidates, int? Chosen);

public sealed record RosterIndexViewModel(IReadOnlyList<RosterRowView> Rows, int Current, int Left, string? Branch);
