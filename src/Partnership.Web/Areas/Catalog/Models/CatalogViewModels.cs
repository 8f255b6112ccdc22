using System.ComponentModel.DataAnnotations;
using Partnership.Core.Catalog;

namespace Partnership.Web.Areas.Catalog.Models;

public sealed record CatalogIndexViewModel(int? FiscalYear, IReadOnlyList<int> FiscalYears, IReadOnlyList<ProgramArea> Areas);

public sealed record AreaViewModel(AreaColumns Columns, IReadOnlyList<int> FiscalYears);

public sealed record ManageIndexViewModel(IReadOnlyList<int> FiscalYears, int? LatestFiscalYear, IReadOnlyList<ProgramArea> Areas);

public sealed class MeasureEditModel
{
    public int Id { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Measure.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.TitleJa")]
    public string? TitleJa { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Measure.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.TitleEn")]
    public string? TitleEn { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Kind")]
    public MeasureKind? Kind { get; set; }

    /// <summary>The version the official started from; a change made meanwhile is never overwritten.</summary>
    public Guid Version { get; set; }

    public MeasureDetail? Current { get; set; }
}

public sealed class NewMeasureModel
{
    [Range(CatalogRules.FirstFiscalYear, CatalogRules.LastFiscalYear, ErrorMessage = "Validation.Invalid")]
    public int FiscalYear { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(32)]
    public string? AreaCode { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Side")]
    public MeasureSide? Side { get; set; }

    [Display(Name = "Field.Parent")]
    public int? ParentId { get; set; }

    [Required(ErrorMessage = "Validation.RequiredChoice")]
    [Display(Name = "Field.Kind")]
    public MeasureKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Measure.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.TitleJa")]
    public string? TitleJa { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Measure.TitleMaxLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.TitleEn")]
    public string? TitleEn { get; set; }

    public AreaColumns? Columns { get; set; }
}

/// <summary>A measure's page: the measure, what it offers now, and whether the reader is chamber staff or a Metro official.</summary>
public sealed record MeasurePageViewModel(MeasureDetail Detail, Partnership.Core.PlanServices.MeasureOffer Offer, bool Staff);

/// <summary>The offline note as the official types it, with the version they started from (null: there was none).</summary>
public sealed class NoteFormModel
{
    public string? NoteJa { get; set; }

    public string? NoteEn { get; set; }

    public Guid? Version { get; set; }
}

/// <summary>The officials' page of a measure's services: its links, the services to choose from and the offline note.</summary>
public sealed record MeasureServicesViewModel(
    MeasureDetail Detail,
    IReadOnlyList<Partnership.Core.PlanServices.LinkRow> Links,
    IReadOnlyList<Partnership.Core.PlanServices.ServiceChoice> Choices,
    NoteFormModel Note,
    string? ChosenService);
