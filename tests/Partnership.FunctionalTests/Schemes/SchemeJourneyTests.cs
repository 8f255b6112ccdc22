using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Schemes;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Schemes;

/// <summary>The schemes over HTTP: a company's path from draft to certificate, Metro's decisions, and who may do what.</summary>
public sealed partial class SchemeJourneyTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    public static KeyValuePair<string, string>[] TeleworkRule(params string[] rules) =>
    [
        .. (rules.Length == 0 ? ["rules", "leader", "offpeak"] : rules).Select(r => new KeyValuePair<string, string>("a_rules", r)),
        new("a_leader_name", "東京 花子"), new("a_leader_title", "総務部長"), new("a_telework_days", "３"),
        new("a_rules_summary", "全従業員を対象に、週3日までのテレワークを認めます。申請は前日までに上長へ行います。"),
    ];

    /// <summary>Posts to an action of the entry page with the page's antiforgery token and the entry's version.</summary>
    private static async Task<HttpResponseMessage> PostOnPageAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await client.GetStringAsync(page);
        var all = fields.Append(new("version", Version(html))).Append(new(WebPageHelpers.AntiforgeryFieldName, WebPageHelpers.ExtractAntiforgeryToken(html)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    private static string Version(string html) => VersionPattern().Match(html).Groups[1].Value;

    private async Task<int> StartAsync(HttpClient client, string scheme)
    {
        var started = await client.PostFormAsync("/company/schemes", $"/company/schemes/{scheme}/start", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return int.Parse(EntryIdPattern().Match(started.Headers.Location!.OriginalString).Groups[1].Value);
    }

    [Fact]
    public async Task A_company_declares_the_telework_rule_is_returned_corrects_it_is_accepted_prints_and_is_listed()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var id = await StartAsync(company, "TELEWORK-RULE");
        var entryPage = $"/company/schemes/entries/{id}";

        // Incomplete: both compulsory rules missing and a required text empty. Refused as a whole, answers kept.
        var refused = await PostOnPageAsync(company, entryPage, $"{entryPage}/submit",
            TeleworkRule("offpeak").Where(f => f.Key != "a_leader_name"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("「実践するテレワーク東京ルール」では「テレワークの実施ルール（対象者・頻度・手続）を定める」を必ず選んでください。", html);
        Assert.Contains("「実践するテレワーク東京ルール」では「テレワーク推進リーダーを任命する」を必ず選んでください。", html);
        Assert.Contains("「テレワーク推進リーダーの氏名」を入力または選択してください。", html);
        var kept = await _portal.WithDbAsync(db => db.SchemeEntries.Include(e => e.Submissions.OrderBy(s => s.Sequence)).SingleAsync(e => e.Id == id));
        Assert.Equal(EntryStatus.Draft, kept.Status);
        Assert.Empty(kept.Submissions);
        Assert.Equal("3", kept.Answers.Single("telework_days"));

        var submitted = await PostOnPageAsync(company, entryPage, $"{entryPage}/submit", [.. TeleworkRule(), new("listInDirectory", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("審査中", await company.GetStringAsync(entryPage));

        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var queue = await metro.GetStringAsync("/schemes/review?scheme=TELEWORK-RULE");
        Assert.Contains($"/schemes/review/{id}", queue);
        var returned = await PostOnPageAsync(metro, $"/schemes/review/{id}", $"/schemes/review/{id}/decide",
            [new("decision", "Return"), new("reason", "テレワーク推進リーダーの役職を正式名称で記入してください。")]);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var returnedPage = await company.GetStringAsync(entryPage);
        Assert.Contains("テレワーク推進リーダーの役職を正式名称で記入してください。", returnedPage);
        Assert.Contains("修正して再申請する", returnedPage);
        var resubmitted = await PostOnPageAsync(company, entryPage, $"{entryPage}/submit",
            [.. TeleworkRule().Where(f => f.Key != "a_leader_title"), new("a_leader_title", "総務部 部長"), new("listInDirectory", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        var accepted = await PostOnPageAsync(metro, $"/schemes/review/{id}", $"/schemes/review/{id}/decide", [new("decision", "Accept")]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var entry = await _portal.WithDbAsync(db => db.SchemeEntries.Include(e => e.Submissions.OrderBy(s => s.Sequence)).Include(e => e.Events).SingleAsync(e => e.Id == id));
        Assert.Equal(EntryStatus.Accepted, entry.Status);
        Assert.Matches(@"^TWR-\d{4}-00001$", entry.Number);
        Assert.Equal([1, 2], entry.Submissions.Select(s => s.Sequence));
        Assert.Contains("総務部長", entry.Submissions[0].AnswersJson);
        Assert.Contains("総務部 部長", entry.Submissions[1].AnswersJson);
        Assert.Equal(["started", "submitted", "returned", "resubmitted", "accepted"], entry.Events.OrderBy(e => e.Id).Select(e => e.Action));
        var mails = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == DemoUsers.Company).Select(m => m.Subject).ToListAsync());
        Assert.Contains(mails, m => m.Contains("修正をお願いします"));
        Assert.Contains(mails, m => m.Contains("受理しました"));
        var acceptedMail = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == DemoUsers.Company && m.Subject.Contains("受理しました")).Select(m => m.BodyText).FirstAsync());
        Assert.Contains($"http://localhost/company/schemes/entries/{id}", acceptedMail);

        var certificate = await company.GetStringAsync($"{entryPage}/certificate");
        Assert.Contains($"第 {entry.Number} 号", certificate);
        Assert.Contains("宣言書", certificate);
        Assert.Contains("デモ商事株式会社", certificate);

        Assert.Contains(entry.Number!, await _portal.CreatePortalClient().GetStringAsync("/directory?scheme=TELEWORK-RULE"));
        var json = JsonDocument.Parse(await _portal.CreatePortalClient().GetStringAsync("/api/v1/directory?scheme=TELEWORK-RULE"));
        var listed = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("デモ商事株式会社", listed.GetProperty("companyName").GetString());
        Assert.Equal(entry.Number, listed.GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("validUntil").ValueKind);

        var csv = await _portal.CreatePortalClient().GetAsync("/api/v1/directory?scheme=TELEWORK-RULE&format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("company_name,corporate_number,municipality_code,municipality,scheme,scheme_name,number,accepted_on,valid_until", lines[0]);
        Assert.StartsWith("デモ商事株式会社,", lines[1]);
        Assert.Equal(2, lines.Length);

        // Opting out removes it from every public list at once.
        var optOut = await PostOnPageAsync(company, entryPage, $"{entryPage}/directory", [new("listInDirectory", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, optOut.StatusCode);
        Assert.Equal("[]", await _portal.CreatePortalClient().GetStringAsync("/api/v1/directory?scheme=TELEWORK-RULE"));
    }

    [Fact]
    public async Task Starting_twice_and_submitting_twice_make_one_entry_and_one_submission()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var first = await StartAsync(company, "SMOOTHBIZ");
        var second = await StartAsync(company, "SMOOTHBIZ");
        Assert.Equal(first, second);

        var page = $"/company/schemes/entries/{first}";
        var html = await company.GetStringAsync(page);
        KeyValuePair<string, string>[] fields =
        [
            new("a_practices", "staggered"), new("a_practices", "telework"), new("a_telework_days", "2"), new("a_staff_covered", "45"),
            new("version", Version(html)), new(WebPageHelpers.AntiforgeryFieldName, WebPageHelpers.ExtractAntiforgeryToken(html)),
        ];
        // The same form posted twice, as a double click sends it.
        var responses = await Task.WhenAll(
            company.PostAsync($"{page}/submit", new FormUrlEncodedContent(fields)),
            company.PostAsync($"{page}/submit", new FormUrlEncodedContent(fields)));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect, r.StatusCode.ToString()));
        var entries = await _portal.WithDbAsync(db => db.SchemeEntries.Include(e => e.Submissions).Where(e => e.Scheme!.Code == "SMOOTHBIZ").ToListAsync());
        Assert.Equal(EntryStatus.Submitted, Assert.Single(entries).Status);
        Assert.Single(entries[0].Submissions);
    }

    [Fact]
    public async Task Autosave_keeps_what_was_typed_and_a_stale_tab_is_told_rather_than_overwriting()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var id = await StartAsync(company, "LWB-FAMILY");
        var page = $"/company/schemes/entries/{id}";
        var html = await company.GetStringAsync(page);
        var token = WebPageHelpers.ExtractAntiforgeryToken(html);
        var version = Version(html);

        var saved = await company.PostAsync($"{page}/autosave", new FormUrlEncodedContent(
            [new("a_measures", "childcare"), new("a_contact", "人事部　両立支援担当"), new("version", version), new(WebPageHelpers.AntiforgeryFieldName, token)]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var result = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement;
        Assert.NotEqual(version, result.GetProperty("version").GetString());
        Assert.Matches(@"^\d{1,2}:\d{2}に自動保存しました。$", result.GetProperty("message").GetString());

        var stale = await company.PostAsync($"{page}/autosave", new FormUrlEncodedContent(
            [new("a_contact", "古い画面からの入力"), new("version", version), new(WebPageHelpers.AntiforgeryFieldName, token)]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("別の画面で更新されています", await stale.Content.ReadAsStringAsync());

        var entry = await _portal.WithDbAsync(db => db.SchemeEntries.SingleAsync(e => e.Id == id));
        Assert.Equal("人事部　両立支援担当", entry.Answers.Single("contact"));
        Assert.Equal(["childcare"], entry.Answers.All("measures"));
        Assert.Contains("両立支援担当", await company.GetStringAsync(page));
    }

    [Fact]
    public async Task Another_company_cannot_see_or_change_an_entry_and_staff_who_are_not_metro_cannot_decide()
    {
        var owner = await _portal.SignedInAsync(DemoUsers.Company);
        var id = await StartAsync(owner, "TELEWORK-RULE");
        var page = $"/company/schemes/entries/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnPageAsync(owner, page, $"{page}/submit", TeleworkRule())).StatusCode);

        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{page}/certificate")).StatusCode);
        var token = WebPageHelpers.ExtractAntiforgeryToken(await other.GetStringAsync("/company/schemes"));
        var withdraw = await other.PostAsync($"{page}/withdraw", new FormUrlEncodedContent([new(WebPageHelpers.AntiforgeryFieldName, token), new("version", Guid.NewGuid().ToString())]));
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);

        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        Assert.StartsWith("/account/access-denied", (await chamber.GetAsync("/schemes/review")).Headers.Location!.PathAndQuery);
        var chamberToken = WebPageHelpers.ExtractAntiforgeryToken(await chamber.GetStringAsync("/me"));
        var decide = await chamber.PostAsync($"/schemes/review/{id}/decide", new FormUrlEncodedContent([new(WebPageHelpers.AntiforgeryFieldName, chamberToken), new("decision", "Accept")]));
        Assert.StartsWith("/account/access-denied", decide.Headers.Location!.PathAndQuery);
        Assert.StartsWith("/account/access-denied", (await owner.GetAsync($"/schemes/review/{id}")).Headers.Location!.PathAndQuery);
        Assert.Equal(EntryStatus.Submitted, await _portal.WithDbAsync(db => db.SchemeEntries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Two_officials_deciding_at_once_the_second_is_told_and_a_withdrawn_entry_cannot_be_accepted()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var id = await StartAsync(company, "TELEWORK-RULE");
        var page = $"/company/schemes/entries/{id}";
        await PostOnPageAsync(company, page, $"{page}/submit", TeleworkRule());

        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var html = await metro.GetStringAsync($"/schemes/review/{id}");
        var version = Version(html);
        var token = WebPageHelpers.ExtractAntiforgeryToken(html);
        var first = await metro.PostAsync($"/schemes/review/{id}/decide", new FormUrlEncodedContent(
            [new("decision", "Return"), new("reason", "添付の規程名を記入してください。"), new("version", version), new(WebPageHelpers.AntiforgeryFieldName, token)]));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await metro.PostAsync($"/schemes/review/{id}/decide", new FormUrlEncodedContent(
            [new("decision", "Accept"), new("version", version), new(WebPageHelpers.AntiforgeryFieldName, token)]));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var shown = await second.Content.ReadAsStringAsync();
        Assert.Contains("他の職員が先に処理しました", shown);
        Assert.Contains("差戻し", shown);
        Assert.Equal(EntryStatus.Returned, await _portal.WithDbAsync(db => db.SchemeEntries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync()));

        var withdrawn = await PostOnPageAsync(company, page, $"{page}/withdraw", []);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        // The page offers no decision for a withdrawn entry; a crafted request with the current version is still refused.
        var current = (await _portal.WithDbAsync(db => db.SchemeEntries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync())).ToString();
        var accept = await metro.PostAsync($"/schemes/review/{id}/decide", new FormUrlEncodedContent(
            [new("decision", "Accept"), new("version", current), new(WebPageHelpers.AntiforgeryFieldName, token)]));
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Contains("現在の状態ではその操作ができません", await accept.Content.ReadAsStringAsync());
        var entry = await _portal.WithDbAsync(db => db.SchemeEntries.SingleAsync(e => e.Id == id));
        Assert.Equal((EntryStatus.Withdrawn, (string?)null, (string?)null), (entry.Status, entry.Number, entry.LiveKey));
    }

    [Fact]
    public async Task A_return_or_rejection_without_a_reason_is_refused_and_changes_nothing()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var id = await StartAsync(company, "TELEWORK-RULE");
        await PostOnPageAsync(company, $"/company/schemes/entries/{id}", $"/company/schemes/entries/{id}/submit", TeleworkRule());
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var before = await _portal.WithDbAsync(db => db.SchemeEntries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

        var response = await PostOnPageAsync(metro, $"/schemes/review/{id}", $"/schemes/review/{id}/decide", [new("decision", "Reject"), new("reason", "  ")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("企業に伝える理由を入力してください", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _portal.WithDbAsync(db => db.SchemeEntries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync()));
    }

    [Fact]
    public async Task The_review_queue_filters_by_scheme_status_and_municipality_and_counts_each_status()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var id = await StartAsync(company, "TELEWORK-RULE");
        await PostOnPageAsync(company, $"/company/schemes/entries/{id}", $"/company/schemes/entries/{id}/submit", TeleworkRule());
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);

        var shinjuku = await metro.GetStringAsync("/schemes/review?municipality=131041&status=all");
        Assert.Contains($"/schemes/review/{id}", shinjuku);
        Assert.Matches(@"data-status=""Submitted"">1<", shinjuku);
        var tachikawa = await metro.GetStringAsync("/schemes/review?municipality=132021&status=all");
        Assert.DoesNotContain($"/schemes/review/{id}\"", tachikawa);
        Assert.Matches(@"data-status=""Accepted"">1<", tachikawa);
        var otherScheme = await metro.GetStringAsync("/schemes/review?scheme=LWB-CERT");
        Assert.DoesNotContain($"/schemes/review/{id}\"", otherScheme);
    }

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"/company/schemes/entries/(\d+)")]
    private static partial Regex EntryIdPattern();
}
