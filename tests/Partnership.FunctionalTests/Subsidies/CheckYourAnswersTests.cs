using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Subsidies;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Subsidies;

/// <summary>
/// The subsidy application ends with a check-your-answers page: the expenses as typed Japanese-style, the amount,
/// the documents (those missing named), the eligibility declared; what was checked is what is sent, once.
/// </summary>
public sealed partial class CheckYourAnswersTests : IDisposable
{
    private static readonly byte[] Pdf = PdfSamples.Plain;
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private static string Version(string html) => VersionPattern().Match(html).Groups[1].Value;

    private static FormUrlEncodedContent Form(string html, params KeyValuePair<string, string>[] fields) =>
        new(fields.Append(new("version", Version(html))).Append(new(WebPageHelpers.AntiforgeryFieldName, WebPageHelpers.ExtractAntiforgeryToken(html))));

    private static async Task UploadAsync(HttpClient client, string page, string requirement)
    {
        var token = WebPageHelpers.ExtractAntiforgeryToken(await client.GetStringAsync(page));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), WebPageHelpers.AntiforgeryFieldName },
            { new StringContent(requirement), "requirement" },
        };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", requirement + ".pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(page + "/documents", form)).StatusCode);
    }

    private async Task<(HttpClient Company, string Page)> StartAsync()
    {
        var windowId = await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.Id).SingleAsync());
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var started = await company.PostFormAsync($"/subsidies/windows/{windowId}", $"/company/subsidies/windows/{windowId}/apply", []);
        return (company, started.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_application_is_checked_on_its_own_page_before_it_is_sent_and_sending_twice_is_harmless()
    {
        var (company, page) = await StartAsync();
        var html = await company.GetStringAsync(page);
        var document = new HtmlParser().ParseDocument(html);
        // The documents come before the step that sends, and the expense form sends to the check page, not to submit.
        Assert.Equal($"{page}/review", document.GetElementById("subsidy-form")!.GetAttribute("action"));
        Assert.True(html.IndexOf("id=\"documents-title\"", StringComparison.Ordinal) < html.IndexOf("data-testid=\"submit\"", StringComparison.Ordinal));

        var toReview = await company.PostAsync(page + "/review", Form(html,
            new("Items[0].Description", "業務用タブレット"), new("Items[0].Quantity", "２"), new("Items[0].UnitPrice", "１２８，５００"),
            new("Items[1].Description", ""), new("Items[1].Quantity", ""), new("Items[1].UnitPrice", "")));
        Assert.Equal(HttpStatusCode.Redirect, toReview.StatusCode);
        Assert.Equal($"{page}/review", toReview.Headers.Location!.OriginalString);
        Assert.Equal(ApplicationStatus.Draft, await _portal.WithDbAsync(db => db.SubsidyApplications.Select(a => a.Status).SingleAsync()));

        var review = new HtmlParser().ParseDocument(await company.GetStringAsync(page + "/review"));
        Assert.Contains("業務用タブレット", review.QuerySelector("[data-testid=review-expenses]")!.TextContent);
        Assert.Contains("257,000円", review.QuerySelector("[data-testid=review-eligible]")!.TextContent);
        Assert.Contains("128,000円", review.QuerySelector("[data-testid=review-requested]")!.TextContent);
        Assert.Equal(2, review.QuerySelectorAll("[data-testid=review-documents] .field-error").Length);
        Assert.Contains("中小企業基本法に定める中小企業者であること", review.QuerySelector("[data-testid=review-declarations]")!.TextContent);
        Assert.NotNull(review.QuerySelector("[data-testid=review-not-ready]"));

        await UploadAsync(company, page, "doc1");
        await UploadAsync(company, page, "doc2");
        var ready = await company.GetStringAsync(page + "/review");
        Assert.DoesNotContain("review-not-ready", ready);
        Assert.DoesNotContain("未提出です", ready);

        // Two sends at once from the check page, as a double click: one receipt, one submission.
        var both = await Task.WhenAll(company.PostAsync(page + "/submit", Form(ready)), company.PostAsync(page + "/submit", Form(ready)));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var application = await _portal.WithDbAsync(db => db.SubsidyApplications.Include(a => a.Events).SingleAsync());
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(128_000, application.RequestedYen);
        Assert.Single(application.Events, e => e.Action == "submitted");
        // Once sent, the check page leads back to the application.
        Assert.Equal(HttpStatusCode.Redirect, (await company.GetAsync(page + "/review")).StatusCode);
    }

    [Fact]
    public async Task A_draft_changed_after_it_was_checked_is_not_sent_unseen()
    {
        var (company, page) = await StartAsync();
        var html = await company.GetStringAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, (await company.PostAsync(page + "/review", Form(html,
            new("Items[0].Description", "ノートパソコン"), new("Items[0].Quantity", "1"), new("Items[0].UnitPrice", "150000")))).StatusCode);
        var checkedPage = await company.GetStringAsync(page + "/review");

        // Another tab changes the lines.
        var other = await company.GetStringAsync(page);
        var changed = await company.PostAsync(page + "/autosave", Form(other,
            new("Items[0].Description", "ノートパソコン"), new("Items[0].Quantity", "9"), new("Items[0].UnitPrice", "150000")));
        Assert.True(changed.IsSuccessStatusCode);

        var sent = await company.PostAsync(page + "/submit", Form(checkedPage));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("notice=Subsidy.ChangedElsewhere", sent.Headers.Location!.OriginalString);
        Assert.Equal(ApplicationStatus.Draft, await _portal.WithDbAsync(db => db.SubsidyApplications.Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_refused_form_comes_back_with_as_many_expense_rows_as_it_was_sent_with()
    {
        var (company, page) = await StartAsync();
        var html = await company.GetStringAsync(page);
        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("#subsidy-form tbody tr").Length;
        Assert.Equal(8, rows);
        var posted = Enumerable.Range(0, rows).SelectMany(i => new KeyValuePair<string, string>[]
        {
            new($"Items[{i}].Description", i < 2 ? $"経費{i + 1}" : ""),
            new($"Items[{i}].Quantity", i < 2 ? "1" : ""),
            new($"Items[{i}].UnitPrice", i == 0 ? "１２８，５００" : i == 1 ? "十万円" : ""),
        }).ToArray();
        var refused = await company.PostAsync(page + "/review", Form(html, posted));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(rows, again.QuerySelectorAll("#subsidy-form tbody tr").Length);
        Assert.Equal("十万円", again.QuerySelector("[name='Items[1].UnitPrice']")!.GetAttribute("value"));
        Assert.Contains("2行目の単価", again.DocumentElement.TextContent);
    }

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionPattern();
}
