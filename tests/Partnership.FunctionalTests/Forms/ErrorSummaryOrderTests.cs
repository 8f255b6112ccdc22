using System.Net;
using AngleSharp.Html.Parser;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Forms;

/// <summary>A refused form's error summary lists the fields in the order the form shows them, under their own labels.</summary>
public sealed class ErrorSummaryOrderTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_activity_form_summary_follows_the_form_and_says_branch_as_its_label_does()
    {
        var chamber = await portal.SignedInAsync(DemoUsers.Chamber);
        var refused = await chamber.PostFormAsync("/outreach/new", "/outreach/new", [new("Date", ""), new("Reach", "")]);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        var document = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());

        var targets = document.QuerySelectorAll(".error-summary li a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
        // The refused fields as the form shows them: each field's own message, in document order.
        var formOrder = document.QuerySelectorAll(".field-error").Select(e => e.Id![..^"-error".Length]).ToList();
        Assert.True(targets.Count >= 4, string.Join(",", targets));
        Assert.Equal(formOrder, targets.Distinct().ToList());
        Assert.True(targets.IndexOf("BranchCode") < targets.IndexOf("MeasureIds"), string.Join(",", targets));
        // Every link of the summary leads to something on the page.
        Assert.All(targets, id => Assert.NotNull(document.GetElementById(id)));

        var branchLabel = document.QuerySelector("label[for=BranchCode]")!.TextContent.Trim();
        var branchError = document.QuerySelector(".error-summary a[href='#BranchCode']")!.TextContent;
        Assert.Equal("支部", branchLabel);
        Assert.StartsWith(branchLabel + "を", branchError);
    }
}
