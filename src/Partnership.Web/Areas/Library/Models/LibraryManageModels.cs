using Partnership.Core.Library;

namespace Partnership.Web.Areas.Library.Models;

/// <summary>A library entry as the official types it; the code only when it is created.</summary>
public sealed class ArticleFormModel
{
    public string? Code { get; set; }
    public string? MeasureKey { get; set; }
    public ArticleKind? Kind { get; set; }
    public string? TitleJa { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryJa { get; set; }
    public string? SummaryEn { get; set; }
    public string? BodyJa { get; set; }
    public string? BodyEn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public Guid Version { get; set; }

    public ArticleInput ToInput() => new(Code, MeasureKey, Kind, TitleJa, TitleEn, SummaryJa, SummaryEn, BodyJa, BodyEn, PublishedOn);

    public static ArticleFormModel From(LibraryArticle a) => new()
    {
        Code = a.Code, MeasureKey = a.MeasureKey, Kind = a.Kind, TitleJa = a.TitleJa, TitleEn = a.TitleEn, SummaryJa = a.SummaryJa,
        SummaryEn = a.SummaryEn, BodyJa = a.BodyJa, BodyEn = a.BodyEn, PublishedOn = a.PublishedOn, Version = a.Version,
    };
}

/// <summary>The form page: the entry when it exists (its state and attachments), the form and the measures to file it under.</summary>
public sealed record ArticleEditViewModel(LibraryArticle? Article, ArticleFormModel Form, IReadOnlyList<MeasureChoice> Measures);
