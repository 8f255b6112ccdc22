using System.Net;
using System.Net.Http.Json;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.PlanServices;

/// <summary>Each measure of the seeded plan leads to what serves it, over real HTTP: the open data and the pages agree.</summary>
public class PlanServicesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private sealed record ServiceJson(string Kind, string Code, string TitleJa, string TitleEn, string Url, string State);

    private sealed record OfflineJson(string NoteJa, string NoteEn);

    private sealed record MeasureJson(int Id, int? ParentId, string Key, string Side, string TitleJa, string TitleEn, int Order, List<ServiceJson> Services, OfflineJson? Offline);

    private sealed record MeasuresJson(int FiscalYear, List<MeasureJson> Measures);

    private static readonly string[] Kinds = ["subsidy", "scheme", "consultation", "event", "library", "outreach"];
    private static readonly string[] States = ["open", "closed", "upcoming", "budget-reached", "ongoing"];

    private async Task<List<MeasureJson>> MeasuresAsync() =>
        (await portal.CreatePortalClient().GetFromJsonAsync<MeasuresJson>("/api/v1/catalog/measures?fiscalYear=2021"))!.Measures;

    [Fact]
    public async Task Every_measure_that_is_not_a_heading_has_a_service_or_an_offline_note_in_the_open_data()
    {
        var measures = await MeasuresAsync();
        Assert.Equal(59, measures.Count);
        var headings = measures.Where(m => m.ParentId is not null).Select(m => m.ParentId!.Value).ToHashSet();
        var unserved = measures.Where(m => !headings.Contains(m.Id) && m.Services.Count == 0 && m.Offline is null).Select(m => m.Key).ToList();
        Assert.Empty(unserved);
        Assert.All(measures.SelectMany(m => m.Services), s =>
        {
            Assert.Contains(s.Kind, Kinds);
            Assert.Contains(s.State, States);
            Assert.StartsWith("/", s.Url);
            Assert.False(string.IsNullOrWhiteSpace(s.TitleJa));
            Assert.False(string.IsNullOrWhiteSpace(s.TitleEn));
        });
    }

    [Fact]
    public async Task The_open_data_keeps_its_fields_and_adds_services_and_the_offline_note()
    {
        var measures = await MeasuresAsync();
        var equipment = measures.Single(m => m.Key == "TELEWORK-M06");
        Assert.Equal("テレワーク機器導入に係る経費補助", equipment.TitleJa);
        var program = Assert.Single(equipment.Services);
        Assert.Equal(("subsidy", "TELEWORK-EQUIP", "/subsidies/programs/TELEWORK-EQUIP"), (program.Kind, program.Code, program.Url));
        Assert.Null(equipment.Offline);

        var kaisha = measures.Single(m => m.Key == "TALENT-M05");
        Assert.Empty(kaisha.Services);
        Assert.Contains("東京カイシャハッケン伝", kaisha.Offline!.NoteJa);
        Assert.Contains("Tokyo Kaisha Hakkenden", kaisha.Offline.NoteEn);

        Assert.All(measures.Where(m => m.Side == "chamber"), m => Assert.Contains(m.Services, s => s.Kind == "outreach"));
    }

    [Fact]
    public async Task Every_listed_service_url_answers_and_each_measure_page_links_to_every_one_of_its_services()
    {
        var client = portal.CreatePortalClient();
        var measures = await MeasuresAsync();
        foreach (var url in measures.SelectMany(m => m.Services).Select(s => s.Url.Split('#')[0]).Distinct())
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }
        foreach (var measure in measures)
        {
            var html = await client.GetStringAsync($"/catalog/measures/{measure.Id}");
            foreach (var service in measure.Services)
            {
                Assert.True(html.Contains($"href=\"{service.Url}\"", StringComparison.Ordinal), $"{measure.Key} does not link to {service.Url}");
            }
            if (measure.Offline is { } note)
            {
                Assert.Contains(note.NoteJa[..10], WebUtility.HtmlDecode(html));
            }
        }
    }

    [Fact]
    public async Task A_service_page_links_back_to_the_measures_it_serves()
    {
        var measures = await MeasuresAsync();
        var client = portal.CreatePortalClient();
        foreach (var (url, key) in new[]
        {
            ("/subsidies/programs/TELEWORK-EQUIP", "TELEWORK-M06"), ("/schemes/TELEWORK-RULE", "TELEWORK-M03"),
            ("/desks/TELEWORK-CENTER", "TELEWORK-M05"), ("/library/WS-OVERTIME", "WORKSTYLE-M03"),
        })
        {
            var html = await client.GetStringAsync(url);
            Assert.Contains($"href=\"/catalog/measures/{measures.Single(m => m.Key == key).Id}\"", html);
        }
    }

    [Fact]
    public async Task Headings_point_to_their_children_and_chamber_measures_say_what_the_chamber_does()
    {
        var measures = await MeasuresAsync();
        var client = portal.CreatePortalClient();
        var heading = measures.Single(m => m.Key == "TELEWORK-M02");
        var html = await client.GetStringAsync($"/catalog/measures/{heading.Id}");
        foreach (var child in measures.Where(m => m.ParentId == heading.Id))
        {
            Assert.Contains($"href=\"/catalog/measures/{child.Id}\"", html);
        }
        var referral = measures.Single(m => m.Key == "TELEWORK-C04");
        var chamber = await client.GetStringAsync($"/catalog/measures/{referral.Id}");
        Assert.Contains("data-testid=\"chamber-does\"", chamber);
        Assert.Contains("href=\"/contact#chamber\"", chamber);
        Assert.DoesNotContain("data-testid=\"outreach-records\"", chamber);
    }

    [Fact]
    public async Task Subsidies_lists_every_program_with_its_state_not_only_open_windows()
    {
        var html = await portal.CreatePortalClient().GetStringAsync("/subsidies");
        foreach (var code in new[] { "TELEWORK-EQUIP", "SATELLITE", "CARE-LEAVE", "REEMPLOY", "FERTILITY", "DAYCARE" })
        {
            Assert.Contains($"href=\"/subsidies/programs/{code}\"", html);
        }
    }

    [Theory]
    [InlineData("/help", "ご利用ガイド")]
    [InlineData("/help/company", "企業の方向けご利用ガイド")]
    [InlineData("/help/chamber", "東京商工会議所の職員向けご利用ガイド")]
    [InlineData("/help/metro", "東京都の職員向けご利用ガイド")]
    [InlineData("/help/expert", "専門家向けご利用ガイド")]
    [InlineData("/faq", "よくある質問")]
    [InlineData("/contact", "お問い合わせ")]
    [InlineData("/privacy", "個人情報の取扱い")]
    [InlineData("/terms", "利用規約")]
    [InlineData("/accessibility", "JIS X 8341-3:2016")]
    [InlineData("/chamber", "東京商工会議所による会員企業への支援")]
    [InlineData("/library", "ノウハウ・事例集")]
    [InlineData("/desks", "相談窓口")]
    [InlineData("/schemes", "宣言・認定・登録制度")]
    public async Task The_pages_that_explain_the_portal_answer_and_the_footer_links_them(string path, string text)
    {
        var html = await portal.CreatePortalClient().GetStringAsync(path);
        Assert.Contains(text, html);
        foreach (var footer in new[] { "/help", "/faq", "/contact", "/privacy", "/terms", "/accessibility" })
        {
            Assert.Contains($"href=\"{footer}\"", html);
        }
        Assert.Contains("action=\"/search\"", html);
    }

    [Fact]
    public async Task An_unknown_guide_scheme_program_desk_or_article_is_404()
    {
        var client = portal.CreatePortalClient();
        foreach (var path in new[] { "/help/nobody", "/schemes/NOPE", "/subsidies/programs/NOPE", "/desks/NOPE", "/library/NOPE" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task The_search_page_groups_what_it_finds_by_kind_whatever_kana_is_typed()
    {
        var client = portal.CreatePortalClient();
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("てれわーく"));
        Assert.Contains("data-kind=\"measure\"", html);
        Assert.Contains("data-kind=\"program\"", html);
        Assert.Contains("data-kind=\"desk\"", html);
        Assert.Contains("テレワーク機器導入に係る経費補助", html);
        var english = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("telework"));
        Assert.Contains("テレワーク機器導入に係る経費補助", english);
        var refused = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.Contains("class=\"error-summary\"", refused);
        Assert.DoesNotContain("<script>", refused.Split("<main")[1]);
        Assert.DoesNotContain("data-testid=\"search-group\"", refused);
    }
}
