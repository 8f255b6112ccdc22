using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Subsidies;

/// <summary>
/// What a submission tells the company on the page it lands on: named in the address (?notice=), not kept in the
/// TempData cookie (docs/adr/0058-submission-notice-in-the-address.md), and only the known notices.
/// </summary>
public sealed partial class SubsidyJourneyTests
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>An application of the demo company with its expenses and both documents, ready to submit.</summary>
    private async Task<(HttpClient Company, string Page)> ReadyToSubmitAsync()
    {
        var windowId = await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.Id).SingleAsync());
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var started = await company.PostFormAsync($"/subsidies/windows/{windowId}", $"/company/subsidies/windows/{windowId}/apply", []);
        var page = started.Headers.Location!.OriginalString;
        await PostAsync(company, page, page + "/autosave", new("Items[0].Description", "ノートパソコン"), new("Items[0].Quantity", "2"), new("Items[0].UnitPrice", "150000"));
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(company, page, "doc1", "見積書.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(company, page, "doc2", "計画書.pdf", Pdf)).StatusCode);
        // The upload's own notice (TempData) is shown once, here; after it the page shows none.
        Assert.Contains("class=\"notice\"", await company.GetStringAsync(page));
        Assert.DoesNotContain("class=\"notice\"", await company.GetStringAsync(page));
        return (company, page);
    }

    private static bool SetsCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [Fact]
    public async Task A_received_submission_lands_on_its_page_with_the_receipt_in_the_notice_and_sets_no_TempData_cookie()
    {
        var (company, page) = await ReadyToSubmitAsync();

        var submitted = await PostAsync(company, page, page + "/submit");

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.False(SetsCookie(submitted, TempDataCookie));
        var location = submitted.Headers.Location!.OriginalString;
        Assert.Contains("notice=Subsidy.ReceivedNotice", location, StringComparison.Ordinal);
        var receipt = ReceiptPattern().Match(location).Value;
        Assert.Matches(@"^R\d+-TEL-000001$", receipt);
        var landed = await company.GetStringAsync(location);
        Assert.Contains($"<div class=\"notice\" role=\"status\">申請を受け付けました。受付番号は {receipt} です。</div>", landed);
        // The notice is the page's: without it in the address, the page shows none.
        Assert.DoesNotContain("class=\"notice\"", await company.GetStringAsync(page));
    }

    [Fact]
    public async Task A_submission_refused_for_the_budget_lands_on_its_page_with_the_budget_notice()
    {
        var (company, page) = await ReadyToSubmitAsync();
        await _portal.WithDbAsync(db => db.SubsidyWindows.ExecuteUpdateAsync(s => s.SetProperty(w => w.ReservedYen, w => w.BudgetYen)));

        var refused = await PostAsync(company, page, page + "/submit");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.False(SetsCookie(refused, TempDataCookie));
        var location = refused.Headers.Location!.OriginalString;
        Assert.EndsWith("?notice=Subsidy.BudgetExhausted", location, StringComparison.Ordinal);
        Assert.Contains("予算額に達したため受付を終了しました。", await company.GetStringAsync(location));
        Assert.Null(await _portal.WithDbAsync(db => db.SubsidyApplications.Select(a => a.ReceiptNumber).SingleAsync()));
    }

    [Theory]
    [InlineData("Nav.Audit")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Subsidy.NoSuchNotice")]
    public async Task Only_the_known_submission_notices_are_shown_from_the_address(string notice)
    {
        var (company, page) = await ReadyToSubmitAsync();

        var html = await company.GetStringAsync(page + "?notice=" + Uri.EscapeDataString(notice));

        Assert.DoesNotContain("class=\"notice\"", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public async Task A_received_notice_in_the_address_of_an_application_without_a_receipt_is_not_shown()
    {
        var (company, page) = await ReadyToSubmitAsync();

        var html = await company.GetStringAsync(page + "?notice=Subsidy.ReceivedNotice&receipt=R8-TEL-999999");

        Assert.DoesNotContain("class=\"notice\"", html);
        Assert.DoesNotContain("受付番号は", html);
    }
}
