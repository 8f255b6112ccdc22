using System.Text.Json;

namespace Partnership.Web.Areas.Guide;

/// <summary>One page checked by axe at one viewport width: how many WCAG 2.1 AA rules it broke, and since when.</summary>
/// <param name="Page">The address's path with its ids replaced (<c>/catalog/measures/{id}</c>).</param>
/// <param name="Width">The viewport width in CSS pixels.</param>
/// <param name="Violations">The number of axe rules the page broke (0: none).</param>
/// <param name="Checked">The day (Japan time) this result was first seen; it stays while the result stays the same.</param>
public sealed record AxeResult(string Page, int Width, int Violations, DateOnly Checked);

/// <summary>One scan of a page during a browser test run, before it is merged into the file.</summary>
public sealed record AxeScan(string Page, int Width, int Violations);

/// <summary>The results file: the axe-core version of the latest run and one result per page and width.</summary>
public sealed record AxeResultsFile(string Engine, IReadOnlyList<AxeResult> Pages)
{
    public static readonly AxeResultsFile Empty = new("", []);

    /// <summary>The newest day among the results: the date of the check the statement shows.</summary>
    public DateOnly? LastChecked => Pages.Count == 0 ? null : Pages.Max(p => p.Checked);
}

/// <summary>
/// The automated accessibility checks' results, as the browser tests write them to
/// <c>docs/accessibility/axe-results.json</c> and the accessibility statement shows them
/// (docs/adr/0091-accessibility-results-from-the-browser-tests.md). The file is compiled into the portal as an
/// embedded resource, so the statement shows the results of the code it runs.
/// </summary>
public static class AxeResults
{
    /// <summary>The name of the embedded resource (see Partnership.Web.csproj).</summary>
    public const string ResourceName = "Partnership.Web.axe-results.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    private static readonly Lazy<AxeResultsFile> Embedded = new(LoadEmbedded);

    /// <summary>The results compiled into this build of the portal.</summary>
    public static AxeResultsFile Published => Embedded.Value;

    /// <summary>
    /// The page name of an address: its path without the query, each segment that is an id (digits, a GUID) written
    /// <c>{id}</c> and each long opaque token (32 characters or more, as in invitation links) written <c>{token}</c>,
    /// so the same page reached with other data has one name. Codes (<c>/schemes/WLB-DECLARATION</c>) stay: they
    /// name the page.
    /// </summary>
    public static string PageName(Uri address)
    {
        var segments = address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.All(char.IsAsciiDigit) || Guid.TryParse(s, out _) ? "{id}" : s.Length >= 32 ? "{token}" : s);
        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// Merges a run's scans into the previous results. Scans of the same page and width count the worst of them.
    /// A page and width whose number of violations is unchanged keeps its entry (and date), so a run that changes no
    /// result changes no byte; a new or changed result is dated <paramref name="today"/>. Pages the run did not scan
    /// keep their previous result. Sorted by page (ordinal) and width.
    /// </summary>
    public static AxeResultsFile Merge(AxeResultsFile previous, IEnumerable<AxeScan> scans, string engine, DateOnly today)
    {
        var merged = previous.Pages
            .GroupBy(p => (p.Page, p.Width))
            .ToDictionary(g => g.Key, g => g.Last());
        foreach (var scan in scans.GroupBy(s => (s.Page, s.Width)))
        {
            var violations = scan.Max(s => s.Violations);
            if (!merged.TryGetValue(scan.Key, out var before) || before.Violations != violations)
            {
                merged[scan.Key] = new AxeResult(scan.Key.Page, scan.Key.Width, violations, today);
            }
        }
        return new AxeResultsFile(
            string.IsNullOrEmpty(engine) ? previous.Engine : engine,
            merged.Values.OrderBy(p => p.Page, StringComparer.Ordinal).ThenBy(p => p.Width).ToList());
    }

    public static string Serialize(AxeResultsFile file) =>
        JsonSerializer.Serialize(new FileJson(file.Engine, [.. file.Pages]), Json)
            .ReplaceLineEndings("\n") + "\n";

    public static AxeResultsFile Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileJson>(json, Json);
        return file is null
            ? AxeResultsFile.Empty
            : new AxeResultsFile(file.Engine ?? "", file.Pages ?? []);
    }

    private static AxeResultsFile LoadEmbedded()
    {
        using var stream = typeof(AxeResults).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return AxeResultsFile.Empty;
        }
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed record FileJson(string? Engine, List<AxeResult>? Pages);
}
