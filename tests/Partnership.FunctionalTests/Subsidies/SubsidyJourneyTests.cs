using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Documents;
using Partnership.Core.Subsidies;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Subsidies;

/// <summary>A subsidy over HTTP: eligibility, expenses, documents, receipt, grant, report, confirmation, payment; and who may see what.</summary>
public sealed partial class SubsidyJourneyTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private static string Version(string html) => VersionPattern().Match(html).Groups[1].Value;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, params KeyValuePair<string, string>[] fields)
    {
        var html = await client.GetStringAsync(page);
        var all = fields.Append(new("version", Version(html))).Append(new(WebPageHelpers.AntiforgeryFieldName, WebPageHelpers.ExtractAntiforgeryToken(html)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string requirement, string fileName, byte[] content)
    {
        var token = WebPageHelpers.ExtractAntiforgeryToken(await client.GetStringAsync(page));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), WebPageHelpers.AntiforgeryFieldName },
            { new StringContent(requirement), "requirement" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync(page + "/documents", form);
    }

    private static readonly byte[] Pdf = PdfSamples.Plain;

    [Fact]
    public async Task A_company_applies_with_expenses_and_documents_gets_a_receipt_is_granted_reports_and_is_paid()
    {
        var windowId = await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.Id).SingleAsync());
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var windowPage = await company.GetStringAsync($"/subsidies/windows/{windowId}");
        Assert.Contains("満たしています：中小企業基本法に定める中小企業者であること", windowPage);

        var started = await company.PostFormAsync($"/subsidies/windows/{windowId}", $"/company/subsidies/windows/{windowId}/apply", []);
        var page = started.Headers.Location!.OriginalString;
        Assert.Matches(@"^/company/subsidies/applications/\d+$", page);

        // Expenses as typed, full-width digits and commas included; the server computes the amount.
        var saved = await PostAsync(company, page, page + "/autosave",
            new("Items[0].Description", "ノートパソコン"), new("Items[0].Quantity", "１０"), new("Items[0].UnitPrice", "123,457"),
            new("Items[1].Description", "Web会議用カメラ"), new("Items[1].Quantity", "3"), new("Items[1].UnitPrice", "9800"));
        var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("1,263,970円", json.GetProperty("eligible").GetString());
        Assert.Equal("631,000円", json.GetProperty("amount").GetString());

        // A renamed executable and an oversize file are refused; nothing is stored.
        var exe = await UploadAsync(company, page, "doc1", "見積書.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exe.StatusCode);
        Assert.Contains("ファイルの中身がこれらの形式ではありません", await exe.Content.ReadAsStringAsync());
        var big = new byte[DocumentContent.MaxBytes + 10];
        Pdf.CopyTo(big, 0);
        var oversize = await UploadAsync(company, page, "doc1", "big.pdf", big);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oversize.StatusCode);
        Assert.Contains("10MBを超えています", await oversize.Content.ReadAsStringAsync());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.SubsidyDocuments.CountAsync()));

        // Submitting without the second document is refused with what is missing.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(company, page, "doc1", "見積書.pdf", Pdf)).StatusCode);
        var incomplete = await PostAsync(company, page, page + "/submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Contains("「テレワーク導入計画書」を添付してください。", await incomplete.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(company, page, "doc2", "計画書.pdf", Pdf)).StatusCode);

        // Two submissions at once, as a double click sends them: one receipt.
        var html = await company.GetStringAsync(page);
        KeyValuePair<string, string>[] fields = [new("version", Version(html)), new(WebPageHelpers.AntiforgeryFieldName, WebPageHelpers.ExtractAntiforgeryToken(html))];
        var both = await Task.WhenAll(company.PostAsync(page + "/submit", new FormUrlEncodedContent(fields)), company.PostAsync(page + "/submit", new FormUrlEncodedContent(fields)));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var received = await company.GetStringAsync(page);
        var receipt = ReceiptPattern().Match(received).Value;
        Assert.Matches(@"^R\d+-TEL-000001$", receipt);
        var application = await _portal.WithDbAsync(db => db.SubsidyApplications.SingleAsync());
        var window = await _portal.WithDbAsync(db => db.SubsidyWindows.SingleAsync());
        Assert.Equal((ApplicationStatus.Submitted, 631_000L, 631_000L, 1), (application.Status, application.HeldYen, window.ReservedYen, window.LastReceiptSeq));

        // Another company reaches neither the application nor its documents.
        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        var documentId = await _portal.WithDbAsync(db => db.SubsidyDocuments.Select(d => d.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{page}/documents/{documentId}")).StatusCode);
        var download = await company.GetAsync($"{page}/documents/{documentId}");
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        Assert.StartsWith("/account/access-denied", (await chamber.GetAsync($"/subsidies/manage/applications/{application.Id}")).Headers.Location!.PathAndQuery);

        // Metro grants less than applied for; the difference goes back to the budget.
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        Assert.Contains(receipt, await metro.GetStringAsync($"/subsidies/manage/windows/{windowId}"));
        var review = $"/subsidies/manage/applications/{application.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(metro, review, review + "/decide", F("action", "StartReview"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(metro, review, review + "/decide", F("action", "Grant"), F("amount", "600,000"))).StatusCode);
        Assert.Equal(600_000, await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.ReservedYen).SingleAsync()));
        var csv = await metro.GetByteArrayAsync($"/subsidies/manage/windows/{windowId}/export.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.Contains($"{receipt},デモ商事株式会社,新宿区,交付決定", Encoding.UTF8.GetString(csv));

        // The result report needs its document; then Metro confirms the amount and pays.
        var noDocument = await PostAsync(company, page, page + "/report", F("reportText", "ノートパソコン10台とカメラ3台を導入しました。"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDocument.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(company, page, "report", "領収書.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(company, page, page + "/report", F("reportText", "ノートパソコン10台とカメラ3台を導入しました。"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(metro, review, review + "/decide", F("action", "Confirm"), F("amount", "590,000"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(metro, review, review + "/decide", F("action", "Pay"))).StatusCode);

        var paid = await _portal.WithDbAsync(db => db.SubsidyApplications.Include(a => a.Events).SingleAsync());
        Assert.Equal((ApplicationStatus.Paid, 600_000L, 590_000L, 590_000L), (paid.Status, paid.GrantedYen!.Value, paid.ConfirmedYen!.Value, paid.HeldYen));
        Assert.Equal(590_000, await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.ReservedYen).SingleAsync()));
        Assert.Equal(["started", "submitted", "startreview", "grant", "reported", "confirm", "pay"], paid.Events.Select(e => e.Action));
        var subjects = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == DemoUsers.Company).Select(m => m.Subject).ToListAsync());
        Assert.Contains(subjects, s => s.Contains("申請を受け付けました"));
        Assert.Contains(subjects, s => s.Contains("交付決定のお知らせ"));
        Assert.Contains(subjects, s => s.Contains("お支払いのお知らせ"));
    }

    [Fact]
    public async Task The_public_window_list_and_its_open_data_show_state_and_remaining_budget()
    {
        var anonymous = _portal.CreatePortalClient();
        Assert.Contains("受付中", await anonymous.GetStringAsync("/subsidies"));
        var windows = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/subsidies/windows")).RootElement;
        var window = Assert.Single(windows.EnumerateArray());
        Assert.Equal("TELEWORK-EQUIP", window.GetProperty("program").GetString());
        Assert.Equal("TELEWORK-M06", window.GetProperty("measure").GetString());
        Assert.Equal("open", window.GetProperty("state").GetString());
        Assert.Equal(50_000_000, window.GetProperty("budget").GetInt64());
        Assert.Equal(50_000_000, window.GetProperty("remaining").GetInt64());
        Assert.Equal("firstCome", window.GetProperty("allotment").GetString());
        Assert.EndsWith("+09:00", window.GetProperty("opens").GetString());
    }

    [Fact]
    public async Task An_official_opens_a_window_and_every_wrong_field_is_explained()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var refused = await metro.PostFormAsync("/subsidies/manage/windows/new", "/subsidies/manage/windows/new",
        [
            new("ProgramCode", "SATELLITE"), new("FiscalYear", "2026"), new("Opens", "2026-12-01T09:00"), new("Closes", "2026-11-30T17:00"),
            new("Budget", "10000000"), new("Cap", "20000000"), new("Rate", "3/2"), new("Allotment", "FirstCome"), new("Documents", "見積書"),
        ]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("受付終了日時は受付開始日時より後にしてください。", html);
        Assert.Contains("上限額は予算額以下にしてください。", html);
        Assert.Contains("1以下の分数", html);
        Assert.Contains("「日本語名|英語名」の形式", html);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.SubsidyWindows.CountAsync()));

        var created = await metro.PostFormAsync("/subsidies/manage/windows/new", "/subsidies/manage/windows/new",
        [
            new("ProgramCode", "SATELLITE"), new("FiscalYear", "2026"), new("Opens", "2026-12-01T09:00"), new("Closes", "2027-01-29T17:00"),
            new("Budget", "３０,０００,０００"), new("Cap", "2000000"), new("Rate", "2/3"), new("Allotment", "Screening"), new("RequireTokyo", "true"),
            new("Documents", "見積書|Quotation\n設置計画書|Installation plan"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var window = await _portal.WithDbAsync(db => db.SubsidyWindows.OrderBy(w => w.Id).LastAsync());
        Assert.Equal((30_000_000L, 2, 3, Allotment.Screening, "R8-SAT", 2), (window.BudgetYen, window.RateNumerator, window.RateDenominator, window.Allotment, window.ReceiptCode, window.RequiredDocuments.Count));
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), window.OpensAt);
    }

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"R\d+-TEL-\d{6}")]
    private static partial Regex ReceiptPattern();
}
