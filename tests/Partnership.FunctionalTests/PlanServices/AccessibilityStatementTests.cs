using System.Globalization;
using System.Net;
using Partnership.TestKit;
using Partnership.Web.Areas.Guide;

namespace Partnership.FunctionalTests.PlanServices;

/// <summary>
/// The accessibility statement (ウェブアクセシビリティ方針) shows the browser tests' axe results checked into
/// docs/accessibility/axe-results.json: the standard, the scope, the date of the check and every page and width
/// checked with its result, then the manual checks (docs/adr/0091-accessibility-results-from-the-browser-tests.md).
/// </summary>
public class AccessibilityStatementTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    /// <summary>
    /// The results the portal was built with. Not the file as it is now: the browser tests, running beside these in the
    /// same test run, write their new results into it when they end, and the portal shows them from its next build.
    /// </summary>
    private static AxeResultsFile Built
    {
        get
        {
            var built = AxeResults.Published;
            Assert.Contains(built.Pages, p => p.Page == "/accessibility");
            return built;
        }
    }

    private static List<string> Rows(string html) =>
        html[html.IndexOf("data-testid=\"axe-results\"", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)]
            .Split("<tr>", StringSplitOptions.None).Skip(2)
            .Select(r => System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(r, "<[^>]+>", " "), "\\s+", " ").Trim())
            .ToList();

    [Fact]
    public async Task The_statement_lists_every_page_and_width_of_the_results_file_with_its_result_in_Japanese()
    {
        var file = Built;

        var html = WebUtility.HtmlDecode(await portal.CreatePortalClient().GetStringAsync("/accessibility"));

        Assert.Contains("JIS X 8341-3:2016", html);
        Assert.Contains("対象範囲", html);
        Assert.Contains("試験実施日", html);
        Assert.Contains(file.LastChecked!.Value.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), html);
        Assert.Contains("手動試験", html);
        var rows = Rows(html);
        Assert.Equal(file.Pages.Count, rows.Count);
        foreach (var (page, row) in file.Pages.Zip(rows))
        {
            var result = page.Violations == 0 ? "問題なし" : $"{page.Violations}件の問題";
            Assert.Equal($"{page.Page} {page.Width} px {result} {page.Checked.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}", row);
        }
    }

    [Fact]
    public async Task The_statement_lists_the_same_results_in_English()
    {
        var file = Built;
        var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language?culture=en&returnUrl=%2Faccessibility")).StatusCode);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/accessibility"));

        Assert.Contains("JIS X 8341-3:2016", html);
        Assert.Contains("Date of the check", html);
        Assert.Contains("Manual checks", html);
        var rows = Rows(html);
        Assert.Equal(file.Pages.Count, rows.Count);
        Assert.All(file.Pages.Zip(rows), pr => Assert.StartsWith($"{pr.First.Page} {pr.First.Width} px", pr.Second, StringComparison.Ordinal));
    }
}
