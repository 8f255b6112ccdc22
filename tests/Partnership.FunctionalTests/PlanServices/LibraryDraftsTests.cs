using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.PlanServices;

/// <summary>
/// A library entry that is a draft, or whose publication day has not come, is seen by the officials who keep the
/// library and by no one else: not in the library's list, not at its address, not in the search, not on its measure's
/// page and not in the open data — for visitors and for signed-in companies, Chamber staff and officials alike
/// (docs/adr/0085-officials-edit-plan-services-and-library.md). Each check is shown to pass once the entry is published.
/// </summary>
public class LibraryDraftsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string MeasureKey = "WORKSTYLE-M03";

    private sealed record ServiceJson(string Kind, string Code, string Url);

    private sealed record MeasureJson(int Id, string Key, List<ServiceJson> Services);

    private sealed record MeasuresJson(List<MeasureJson> Measures);

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private async Task<MeasureJson> MeasureAsync() =>
        (await portal.CreatePortalClient().GetFromJsonAsync<MeasuresJson>("/api/v1/catalog/measures?fiscalYear=2021"))!.Measures.Single(m => m.Key == MeasureKey);

    private async Task<int> WriteAsync(HttpClient metro, string code, string title, string publishedOn)
    {
        var created = await metro.PostFormAsync("/library/manage/new", "/library/manage/new",
        [
            F("Code", code), F("MeasureKey", MeasureKey), F("Kind", "Article"), F("TitleJa", title), F("TitleEn", "Draft note " + code),
            F("SummaryJa", "公開前の記事です。"), F("SummaryEn", "Not yet published."), F("BodyJa", "本文です。"), F("BodyEn", "Body."), F("PublishedOn", publishedOn),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await portal.WithDbAsync(db => db.LibraryArticles.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());
    }

    /// <summary>Whether the entry shows anywhere a reader could meet it, as each kind of reader.</summary>
    private async Task<List<string>> WhereShownAsync(string code, string title, string query)
    {
        var shown = new List<string>();
        var measure = await MeasureAsync();
        if (measure.Services.Any(s => s.Kind == "library" && s.Code == code))
        {
            shown.Add("open data");
        }
        var readers = new (string Who, HttpClient Client)[]
        {
            ("visitor", portal.CreatePortalClient()),
            ("company", await portal.SignedInAsync(DemoUsers.Company)),
            ("chamber", await portal.SignedInAsync(DemoUsers.Chamber)),
            ("metro", await portal.SignedInAsync(DemoUsers.Metro)),
        };
        foreach (var (who, client) in readers)
        {
            if ((await client.GetAsync($"/library/{code}")).StatusCode == HttpStatusCode.OK)
            {
                shown.Add($"{who}: its page");
            }
            if ((await client.GetStringAsync("/library")).Contains($"/library/{code}\"", StringComparison.Ordinal))
            {
                shown.Add($"{who}: the library");
            }
            if (WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=" + Uri.EscapeDataString(query))).Contains(title, StringComparison.Ordinal))
            {
                shown.Add($"{who}: the search");
            }
            if ((await client.GetStringAsync($"/catalog/measures/{measure.Id}")).Contains($"/library/{code}\"", StringComparison.Ordinal))
            {
                shown.Add($"{who}: the measure page");
            }
        }
        return shown;
    }

    [Fact]
    public async Task A_draft_is_listed_only_for_the_officials_who_keep_the_library_and_appears_everywhere_once_published()
    {
        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        var id = await WriteAsync(metro, "DRAFT-MIMOSA", "ミモザ通信の下書き", "2021-04-01");

        Assert.Empty(await WhereShownAsync("DRAFT-MIMOSA", "ミモザ通信の下書き", "みもざ通信"));
        Assert.Contains("ミモザ通信の下書き", WebUtility.HtmlDecode(await metro.GetStringAsync("/library/manage")));
        var chamber = await portal.SignedInAsync(DemoUsers.Chamber);
        await chamber.AssertRefusedAsync("/library/manage");

        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync($"/library/manage/{id}/edit", $"/library/manage/{id}/publish", [])).StatusCode);
        var shown = await WhereShownAsync("DRAFT-MIMOSA", "ミモザ通信の下書き", "みもざ通信");
        Assert.Equal(17, shown.Count);

        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync($"/library/manage/{id}/edit", $"/library/manage/{id}/unpublish", [])).StatusCode);
        Assert.Empty(await WhereShownAsync("DRAFT-MIMOSA", "ミモザ通信の下書き", "みもざ通信"));
    }

    [Fact]
    public async Task An_entry_published_for_a_day_still_to_come_shows_nowhere_until_that_day()
    {
        var metro = await portal.SignedInAsync(DemoUsers.Metro);
        // The portal runs on the real clock; the editor accepts a publication day up to a year ahead.
        var later = Partnership.Core.Common.JapanTime.Today(TimeProvider.System).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = await WriteAsync(metro, "LATER-CAMELLIA", "ツバキ便りの予告記事", later);
        Assert.Equal(HttpStatusCode.Redirect, (await metro.PostFormAsync($"/library/manage/{id}/edit", $"/library/manage/{id}/publish", [])).StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.LibraryArticles.Where(a => a.Id == id).Select(a => a.IsDraft).SingleAsync()));

        Assert.Empty(await WhereShownAsync("LATER-CAMELLIA", "ツバキ便りの予告記事", "つばき便り"));
        Assert.Contains("ツバキ便りの予告記事", WebUtility.HtmlDecode(await metro.GetStringAsync("/library/manage")));
    }

    [Fact]
    public async Task Drafts_never_take_the_places_of_published_entries_in_the_search()
    {
        await portal.WithDbAsync(async db =>
        {
            Partnership.Core.Library.LibraryArticle Entry(string code, string title, bool draft, DateOnly publishedOn) => new()
            {
                Code = code, MeasureKey = MeasureKey, Kind = Partnership.Core.Library.ArticleKind.Article, TitleJa = title, TitleEn = title,
                SummaryJa = "季報です。", BodyJa = "本文です。", PublishedOn = publishedOn, IsDraft = draft,
            };
            db.LibraryArticles.Add(Entry("SASANQUA-PUBLISHED", "サザンカ季報 公開版", false, new DateOnly(2021, 4, 1)));
            // Written after it, so newer in the index than the published one: more than a page of results.
            db.LibraryArticles.AddRange(Enumerable.Range(1, Partnership.Core.Search.SearchService.PerKind + 5)
                .Select(i => Entry($"SASANQUA-DRAFT-{i}", $"サザンカ季報 下書き{i}", true, new DateOnly(2021, 4, 1))));
            return await db.SaveChangesAsync();
        });

        var html = WebUtility.HtmlDecode(await portal.CreatePortalClient().GetStringAsync("/search?q=" + Uri.EscapeDataString("さざんか季報")));

        Assert.Contains("サザンカ季報 公開版", html);
        Assert.DoesNotContain("サザンカ季報 下書き", html);
    }

    [Fact]
    public async Task Officials_reach_the_library_from_the_navigation_and_their_home_and_other_staff_do_not_see_the_link()
    {
        var metro = await (await portal.SignedInAsync(DemoUsers.Metro)).GetStringAsync("/me");
        Assert.Contains("href=\"/library/manage\" data-nav=\"manage-library\"", metro);
        Assert.Equal(2, metro.Split("href=\"/library/manage\"").Length - 1);

        foreach (var email in new[] { DemoUsers.Chamber, DemoUsers.Company, DemoUsers.Expert })
        {
            Assert.DoesNotContain("href=\"/library/manage\"", await (await portal.SignedInAsync(email)).GetStringAsync("/me"));
        }
    }
}
