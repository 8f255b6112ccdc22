using Partnership.TestKit;
using Partnership.Web.Areas.Guide;

namespace Partnership.UnitTests.Web;

/// <summary>
/// How the browser tests' axe scans become the results file the accessibility statement shows: page names without
/// ids, one entry per page and width, sorted, and no change when no result changed
/// (docs/adr/0091-accessibility-results-from-the-browser-tests.md).
/// </summary>
public class AxeResultsTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly DateOnly Earlier = new(2026, 11, 2);

    [Theory]
    [InlineData("http://127.0.0.1:5000/catalog/measures/55", "/catalog/measures/{id}")]
    [InlineData("http://127.0.0.1:5000/catalog/manage/measures/12/services?saved=1", "/catalog/manage/measures/{id}/services")]
    [InlineData("http://127.0.0.1:5000/company/subsidies/3f2504e0-4f89-11d3-9a0c-0305e82c3301", "/company/subsidies/{id}")]
    [InlineData("http://127.0.0.1:5000/invitations/Qm9uam91ci1sZXMtYW1pcy1kdS1wb3J0YWlsLWRlLVRva3lv", "/invitations/{token}")]
    [InlineData("http://127.0.0.1:5000/schemes/WLB-DECLARATION", "/schemes/WLB-DECLARATION")]
    [InlineData("http://127.0.0.1:5000/", "/")]
    [InlineData("http://127.0.0.1:5000/search?q=%E3%81%A6", "/search")]
    public void A_page_is_named_by_its_path_with_ids_and_tokens_replaced(string address, string name) =>
        Assert.Equal(name, AxeResults.PageName(new Uri(address)));

    [Fact]
    public void Scans_merge_into_one_entry_per_page_and_width_sorted_with_the_worst_result_of_the_run()
    {
        var merged = AxeResults.Merge(AxeResultsFile.Empty,
        [
            new AxeScan("/subsidies", 390, 0),
            new AxeScan("/catalog/measures/{id}", 1280, 0),
            new AxeScan("/catalog/measures/{id}", 1280, 2),
            new AxeScan("/catalog", 1280, 0),
            new AxeScan("/catalog", 390, 0),
            new AxeScan("/subsidies", 1280, 0),
        ], "4.10.2", Monday);

        Assert.Equal(
        [
            new AxeResult("/catalog", 390, 0, Monday),
            new AxeResult("/catalog", 1280, 0, Monday),
            new AxeResult("/catalog/measures/{id}", 1280, 2, Monday),
            new AxeResult("/subsidies", 390, 0, Monday),
            new AxeResult("/subsidies", 1280, 0, Monday),
        ], merged.Pages);
        Assert.Equal("4.10.2", merged.Engine);
        Assert.Equal(Monday, merged.LastChecked);
    }

    [Fact]
    public void A_run_that_changes_no_result_leaves_the_file_byte_for_byte_as_it_was()
    {
        var previous = new AxeResultsFile("4.10.2", [new AxeResult("/catalog", 390, 0, Earlier), new AxeResult("/faq", 1280, 0, Earlier)]);
        var before = AxeResults.Serialize(previous);

        var after = AxeResults.Serialize(AxeResults.Merge(AxeResults.Parse(before), [new AxeScan("/faq", 1280, 0), new AxeScan("/catalog", 390, 0)], "4.10.2", Monday));

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_changed_result_is_dated_the_day_of_the_run_and_pages_not_scanned_keep_theirs()
    {
        var previous = new AxeResultsFile("4.10.2", [new AxeResult("/catalog", 390, 0, Earlier), new AxeResult("/faq", 1280, 0, Earlier)]);

        var merged = AxeResults.Merge(previous, [new AxeScan("/faq", 1280, 1), new AxeScan("/contact", 1280, 0)], "", Monday);

        Assert.Equal(
        [
            new AxeResult("/catalog", 390, 0, Earlier),
            new AxeResult("/contact", 1280, 0, Monday),
            new AxeResult("/faq", 1280, 1, Monday),
        ], merged.Pages);
        Assert.Equal("4.10.2", merged.Engine);
    }

    [Fact]
    public void The_file_reads_back_as_it_was_written_with_iso_dates()
    {
        var file = new AxeResultsFile("4.10.2", [new AxeResult("/catalog/measures/{id}", 1280, 0, Monday)]);

        var json = AxeResults.Serialize(file);

        Assert.Contains("\"checked\": \"2026-12-07\"", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        var read = AxeResults.Parse(json);
        Assert.Equal(file.Engine, read.Engine);
        Assert.Equal(file.Pages, read.Pages);
    }

    [Fact]
    public void The_file_in_the_repository_is_sorted_with_one_entry_per_page_and_width()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "accessibility", "axe-results.json"));
        var file = AxeResults.Parse(text);

        Assert.Equal(file.Pages.OrderBy(p => p.Page, StringComparer.Ordinal).ThenBy(p => p.Width), file.Pages);
        Assert.Equal(file.Pages.Count, file.Pages.Select(p => (p.Page, p.Width)).Distinct().Count());
        Assert.Equal(AxeResults.Serialize(file), text);
    }
}
