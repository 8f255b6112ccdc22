using Partnership.Core.Subsidies;

namespace Partnership.Web.Areas.Subsidies.Models;

public sealed class ExpenseLine
{
    public string? Description { get; set; }
    public string? Quantity { get; set; }
    public string? UnitPrice { get; set; }

    public ExpenseInput ToInput() => new(Description, Quantity, UnitPrice);
}

public sealed class ExpensesForm
{
    public Guid Version { get; set; }
    public List<ExpenseLine> Items { get; set; } = [];
}

/// <summary>A window's public page; <see cref="PrerequisiteName"/> is the required scheme's name in the reader's language.</summary>
public sealed record WindowPage(SubsidyWindow Window, WindowState State, EligibilityResult? Eligibility, SubsidyApplication? Mine, string? PrerequisiteName);

public sealed record ApplicationPage(SubsidyApplication Application, WindowState State, IReadOnlyList<ExpenseLine> Lines);

/// <summary>The check-your-answers page of an application: what will be sent, and the eligibility the company declares by sending it.</summary>
public sealed record ReviewPage(SubsidyApplication Application, IReadOnlyList<EligibilityCheck> Eligibility, string? PrerequisiteName)
{
    /// <summary>Required documents not yet uploaded, by their labels' codes.</summary>
    public IReadOnlyList<DocumentRequirement> MissingDocuments =>
        Application.Window!.RequiredDocuments.Where(r => !Application.Documents.Any(d => d.Stage == DocumentStage.Application && d.RequirementCode == r.Code)).ToList();
}

public sealed class WindowForm
{
    public string? ProgramCode { get; set; }
    public string? FiscalYear { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? Budget { get; set; }
    public string? Cap { get; set; }
    public string? Rate { get; set; }
    public Allotment? Allotment { get; set; }
    public bool WaitingList { get; set; }
    public bool RequireTokyo { get; set; } = true;
    public bool RequireSme { get; set; } = true;
    public string? MinEmployees { get; set; }
    public string? MaxEmployees { get; set; }
    public string? PrerequisiteSchemeCode { get; set; }
    public string? Documents { get; set; }

    public WindowInput ToInput() => new(ProgramCode, FiscalYear, Opens, Closes, Budget, Cap, Rate, Allotment, WaitingList, RequireTokyo, RequireSme,
        MinEmployees, MaxEmployees, PrerequisiteSchemeCode, Documents);
}

public sealed record NewWindowPage(WindowForm Form, IReadOnlyList<SubsidyProgram> Programs, IReadOnlyList<Partnership.Core.Schemes.Scheme> Schemes);

/// <summary>A program on /subsidies with its current state.</summary>
public sealed record ProgramRow(SubsidyProgram Program, Partnership.Core.PlanServices.ServiceItem Item);

/// <summary>/subsidies: every program with its state, then every window.</summary>
public sealed record SubsidiesIndexPage(IReadOnlyList<ProgramRow> Programs, IReadOnlyList<SubsidyWindow> Windows);

/// <summary>A program's public page: every window past, present and next, the state, and the measures it serves.</summary>
public sealed record ProgramPage(
    SubsidyProgram Program, IReadOnlyList<SubsidyWindow> Windows, Partnership.Core.PlanServices.ServiceItem Item, DateTime Now,
    IReadOnlyDictionary<string, string> PrerequisiteNames, IReadOnlyList<Partnership.Core.PlanServices.ServedMeasure> Measures);
