using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.PlanServices;

/// <summary>
/// Metro officials edit a measure's services, its offline note and the library over real HTTP; companies and chamber
/// staff are refused; a refused form changes nothing (docs/adr/0085-officials-edit-plan-services-and-library.md).
/// </summary>
public class PlanAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private sealed record ServiceJson(string Kind, string Code, string Url);

    private sealed record OfflineJson(string NoteJa, string NoteEn);

    private sealed record MeasureJson(int Id, string Key, List<ServiceJson> Services, OfflineJson? Offline);

    private sealed record MeasuresJson(List<MeasureJson> Measures);

    private async Task<MeasureJson> MeasureAsync(string key) =>
        (await portal.CreatePortalClient().GetFromJsonAsync<MeasuresJson>("/api/v1/catalog/measures?fiscalYear=2021"))!.Measures.Single(m => m.Key == key);

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task An_official_links_a_desk_to_a_measure_and_its_page_and_the_open_data_show_it_at_once()
    {
        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var measure = await MeasureAsync("WOMEN-M02");
        var page = $"/catalog/manage/measures/{measure.Id}/services";
        Assert.DoesNotContain(measure.Services, s => s.Url == "/desks/TELEWORK-CENTER");

        var added = await metro.PostFormAsync(page, $"{page}/links", [F("service", "Consultation:TELEWORK-CENTER")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("href=\"/desks/TELEWORK-CENTER\"", await portal.CreatePortalClient().GetStringAsync($"/catalog/measures/{measure.Id}"));
        Assert.Contains((await MeasureAsync("WOMEN-M02")).Services, s => s.Kind == "consultation" && s.Url == "/desks/TELEWORK-CENTER");
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "MeasureServiceLink" && a.Action == Partnership.Core.Audit.AuditActions.Created)));

        var link = await portal.WithDbAsync(db => db.MeasureServiceLinks.SingleAsync(l => l.MeasureKey == "WOMEN-M02" && l.ServiceCode == "TELEWORK-CENTER"));
        var removed = await metro.PostFormAsync(page, $"{page}/links/{link.Id}/remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain((await MeasureAsync("WOMEN-M02")).Services, s => s.Url == "/desks/TELEWORK-CENTER");
    }

    [Fact]
    public async Task A_service_that_is_not_in_the_lists_is_refused_in_Japanese_and_nothing_is_linked()
    {
        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var measure = await MeasureAsync("TALENT-M05");
        var page = $"/catalog/manage/measures/{measure.Id}/services";
        var before = await portal.WithDbAsync(db => db.MeasureServiceLinks.CountAsync());
        foreach (var value in new[] { "Consultation:NOPE", "Outreach:TALENT-M05", "Nothing", "" })
        {
            var response = await metro.PostFormAsync(page, $"{page}/links", [F("service", value)]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("class=\"error-summary\"", html);
            Assert.True(html.Contains("一覧から選び直してください", StringComparison.Ordinal) || html.Contains("を選択してください", StringComparison.Ordinal), value);
        }
        Assert.Equal(before, await portal.WithDbAsync(db => db.MeasureServiceLinks.CountAsync()));
    }

    [Fact]
    public async Task The_offline_note_is_edited_in_both_languages_and_half_a_note_is_refused_keeping_what_was_typed()
    {
        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var measure = await MeasureAsync("TALENT-M05");
        var page = $"/catalog/manage/measures/{measure.Id}/services";
        var version = await portal.WithDbAsync(db => db.MeasureOfflineNotes.Where(n => n.MeasureKey == "TALENT-M05").Select(n => n.Version).SingleAsync());

        var half = await metro.PostFormAsync(page, $"{page}/note", [F("NoteJa", "雇用就業部の窓口にお電話ください。"), F("NoteEn", ""), F("Version", version.ToString())]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, half.StatusCode);
        var html = WebUtility.HtmlDecode(await half.Content.ReadAsStringAsync());
        Assert.Contains("案内文（英語）を入力してください。", html);
        Assert.Contains("雇用就業部の窓口にお電話ください。", html);
        Assert.Contains("東京カイシャハッケン伝", (await MeasureAsync("TALENT-M05")).Offline!.NoteJa);

        var saved = await metro.PostFormAsync(page, $"{page}/note",
            [F("NoteJa", "雇用就業部の窓口にお電話ください。"), F("NoteEn", "Please call the Employment Division."), F("Version", version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var offline = (await MeasureAsync("TALENT-M05")).Offline!;
        Assert.Equal(("雇用就業部の窓口にお電話ください。", "Please call the Employment Division."), (offline.NoteJa, offline.NoteEn));
        Assert.Contains("雇用就業部の窓口にお電話ください。", WebUtility.HtmlDecode(await portal.CreatePortalClient().GetStringAsync($"/catalog/measures/{measure.Id}")));

        var stale = await metro.PostFormAsync(page, $"{page}/note", [F("NoteJa", "古い版"), F("NoteEn", "Old"), F("Version", version.ToString())]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Please call the Employment Division.", (await MeasureAsync("TALENT-M05")).Offline!.NoteEn);
    }

    [Fact]
    public async Task Companies_chamber_staff_and_visitors_cannot_reach_the_officials_pages_and_a_post_without_a_token_changes_nothing()
    {
        var measure = await MeasureAsync("WOMEN-M02");
        foreach (var email in new[] { DemoUsers.Company, DemoUsers.Chamber })
        {
            var client = await portal.SignedInAsync(email);
            await client.AssertRefusedAsync($"/catalog/manage/measures/{measure.Id}/services");
            await client.AssertRefusedAsync("/library/manage");
            await client.AssertRefusedAsync("/library/manage/new");
        }
        var anonymous = await portal.CreatePortalClient().GetAsync("/library/manage");
        Assert.Contains("/account/login", anonymous.Headers.Location?.OriginalString);

        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var before = await portal.WithDbAsync(db => db.MeasureServiceLinks.CountAsync());
        var forged = await metro.PostAsync($"/catalog/manage/measures/{measure.Id}/services/links",
            new FormUrlEncodedContent([F("service", "Consultation:TELEWORK-CENTER")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await portal.WithDbAsync(db => db.MeasureServiceLinks.CountAsync()));
    }

    [Fact]
    public async Task An_official_writes_a_draft_publishes_it_with_a_checked_attachment_and_withdraws_it()
    {
        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var visitor = portal.CreatePortalClient();
        var fields = new[]
        {
            F("Code", "wlb-guide-func"), F("MeasureKey", "WOMEN-M02"), F("Kind", "Guide"), F("TitleJa", "両立支援のはじめかた"), F("TitleEn", "Starting work-life support"),
            F("SummaryJa", "両立支援の始め方をまとめました。"), F("SummaryEn", ""), F("BodyJa", "最初に就業規則を確認します。"), F("BodyEn", ""), F("PublishedOn", "2021-04-01"),
        };
        var refused = await metro.PostFormAsync("/library/manage/new", "/library/manage/new", fields.Select(f => f.Key == "TitleJa" ? F("TitleJa", "") : f));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("名称（日本語）を入力してください。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await portal.WithDbAsync(db => db.LibraryArticles.AnyAsync(a => a.Code == "WLB-GUIDE-FUNC")));

        var created = await metro.PostFormAsync("/library/manage/new", "/library/manage/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        var id = await portal.WithDbAsync(db => db.LibraryArticles.Where(a => a.Code == "WLB-GUIDE-FUNC").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/library/WLB-GUIDE-FUNC")).StatusCode);
        Assert.DoesNotContain("/library/WLB-GUIDE-FUNC", await visitor.GetStringAsync("/library"));

        var token = WebPageHelpers.ExtractAntiforgeryToken(await metro.GetStringAsync(edit));
        async Task<HttpResponseMessage> AttachAsync(string name, byte[] bytes)
        {
            using var form = new MultipartFormDataContent { { new StringContent(token), WebPageHelpers.AntiforgeryFieldName } };
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(part, "files", name);
            return await metro.PostAsync($"/library/manage/{id}/attachments", form);
        }
        var script = await AttachAsync("script.pdf", PdfSamples.EscapedJavaScript);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, script.StatusCode);
        Assert.Contains("「script.pdf」はスクリプト", WebUtility.HtmlDecode(await script.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync("手引き.pdf", PdfSamples.Plain)).StatusCode);
        var attachment = await portal.WithDbAsync(db => db.LibraryAttachments.SingleAsync(a => a.ArticleId == id));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/library/WLB-GUIDE-FUNC/files/{attachment.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync(edit, $"/library/manage/{id}/publish", [])).StatusCode);
        Assert.Contains("両立支援のはじめかた", await visitor.GetStringAsync("/library"));
        Assert.Contains("両立支援のはじめかた", await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("ハジメカタ")));
        var file = await visitor.GetAsync($"/library/WLB-GUIDE-FUNC/files/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(PdfSamples.Plain, await file.Content.ReadAsByteArrayAsync());
        Assert.Contains((await MeasureAsync("WOMEN-M02")).Services, s => s.Url == "/library/WLB-GUIDE-FUNC");

        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync(edit, $"/library/manage/{id}/unpublish", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/library/WLB-GUIDE-FUNC")).StatusCode);
        Assert.DoesNotContain((await MeasureAsync("WOMEN-M02")).Services, s => s.Url == "/library/WLB-GUIDE-FUNC");
    }
}
