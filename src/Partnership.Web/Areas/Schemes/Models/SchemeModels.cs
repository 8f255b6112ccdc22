using Partnership.Core.Reference;
using Partnership.Core.Schemes;

namespace Partnership.Web.Areas.Schemes.Models;

/// <summary>The entry page: the form (editable or frozen), what the company may do now, and the history.</summary>
public sealed record EntryPage(EntryForm Form, bool CanRenew, SchemeEntry? Renewal)
{
    public SchemeEntry Entry => Form.Entry;
    public Scheme Scheme => Form.Entry.Scheme!;
}

/// <summary>A form to render: definition, answers, whether it can be edited, and the prefix for error ids.</summary>
public sealed record FormView(FormDefinition Definition, FormAnswers Answers, bool Editable);

public sealed record ReviewQueuePage(ReviewQueue Queue, ReviewFilter Filter, IReadOnlyList<Scheme> Schemes, IReadOnlyList<Municipality> Municipalities, IReadOnlyList<(string Code, string Name)> Areas);

public sealed record ReviewPage(SchemeEntry Entry, string? Conflict);

public sealed record DirectoryPageView(DirectoryPage Page, DirectoryFilter Filter, IReadOnlyList<Scheme> Schemes, IReadOnlyList<Municipality> Municipalities, IReadOnlyList<Industry> Industries, IReadOnlyList<(string Code, string Name)> Areas);

/// <summary>The official's edit of a form before publishing it as the next version.</summary>
public sealed class FormEditModel
{
    public int CurrentVersion { get; set; }
    public List<FieldEdit> Fields { get; set; } = [];
}

public sealed class FieldEdit
{
    public string? Key { get; set; }
    public string? Ja { get; set; }
    public string? En { get; set; }
    public bool Required { get; set; }
    public List<OptionEdit> Options { get; set; } = [];
    public OptionEdit NewOption { get; set; } = new();
}

public sealed class OptionEdit
{
    public string? Code { get; set; }
    public string? Ja { get; set; }
    public string? En { get; set; }
    public bool Compulsory { get; set; }
    public bool Remove { get; set; }
}

public sealed record FormEditPage(Scheme Scheme, SchemeFormVersion Current, FormEditModel Edit);

/// <summary>A scheme's public page: the scheme, its current form (the commitments asked) and the measures it serves.</summary>
public sealed record SchemePublicPage(Scheme Scheme, FormDefinition Form, IReadOnlyList<Partnership.Core.PlanServices.ServedMeasure> Measures);
