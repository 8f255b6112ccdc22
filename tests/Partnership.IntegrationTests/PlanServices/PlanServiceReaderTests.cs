using Microsoft.EntityFrameworkCore;
using Partnership.Core.Catalog;
using Partnership.Core.Events;
using Partnership.Core.Library;
using Partnership.Core.PlanServices;
using Partnership.Core.Search;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Search;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.PlanServices;

/// <summary>The measure → services mapping and the states, on the real database with the seeded plan.</summary>
public class PlanServiceReaderTests : DatabaseTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await new SchemeSeeder(db, Clock).SeedAsync();
        await new SubsidySeeder(db, Clock).SeedAsync();
        await new ConsultationDeskSeeder(db).SeedAsync();
        await new PlanServicesSeeder(db).SeedAsync();
    }

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private async Task<(AppDbContext Db, CatalogService Catalog, PlanServiceReader Reader)> ReaderAsync()
    {
        var db = Database.CreateContext();
        return (db, new CatalogService(db), new PlanServiceReader(db, Clock));
    }

    private static async Task<MeasureRow> MeasureAsync(CatalogService catalog, string key) =>
        (await catalog.MeasuresAsync(2021)).Single(m => m.Key == key);

    private async Task<SubsidyWindow> AddWindowAsync(string programCode, DateTime opens, DateTime closes, long budget, long reserved = 0)
    {
        await using var db = Database.CreateContext();
        var program = await db.SubsidyPrograms.SingleAsync(p => p.Code == programCode);
        var window = new SubsidyWindow
        {
            ReceiptCode = SubsidyWindow.ReceiptCodeFor(2026, program.ReceiptCode, await db.SubsidyWindows.CountAsync() + 1),
            ProgramId = program.Id, FiscalYear = 2026, OpensAt = opens, ClosesAt = closes,
            BudgetYen = budget, ReservedYen = reserved, CapYen = 1_500_000, RateNumerator = 1, RateDenominator = 2, Allotment = Allotment.FirstCome,
        };
        db.SubsidyWindows.Add(window);
        await db.SaveChangesAsync();
        return window;
    }

    [Fact]
    public async Task Every_measure_that_is_not_a_heading_has_a_service_or_an_offline_note()
    {
        var (db, catalog, reader) = await ReaderAsync();
        await using var _ = db;
        var measures = await catalog.MeasuresAsync(2021);
        var offers = await reader.ForMeasuresAsync(measures);
        var headings = measures.Where(m => m.ParentId is not null).Select(m => m.ParentId!.Value).ToHashSet();
        var unserved = measures.Where(m => !headings.Contains(m.Id))
            .Where(m => offers[m.Id].Services.Count == 0 && offers[m.Id].Offline is null)
            .Select(m => m.Key).ToList();
        Assert.Empty(unserved);
    }

    [Fact]
    public async Task The_four_measures_served_by_nothing_before_are_served_now()
    {
        var (db, catalog, reader) = await ReaderAsync();
        await using var _ = db;
        var workstyleKnowHow = await reader.ForMeasureAsync(await MeasureAsync(catalog, "WORKSTYLE-M03"));
        Assert.Contains(workstyleKnowHow.Services, s => s.Kind == ServiceKind.Library && s.Url == "/library/WS-OVERTIME");
        Assert.Contains((await reader.ForMeasureAsync(await MeasureAsync(catalog, "WOMEN-M02"))).Services, s => s.Kind == ServiceKind.Library);
        Assert.Contains((await reader.ForMeasureAsync(await MeasureAsync(catalog, "WOMEN-M03"))).Services, s => s.Kind == ServiceKind.Library);
        var kaisha = await reader.ForMeasureAsync(await MeasureAsync(catalog, "TALENT-M05"));
        Assert.Empty(kaisha.Services);
        Assert.Contains("東京カイシャハッケン伝", kaisha.Offline!.NoteJa);
    }

    [Fact]
    public async Task Expert_dispatch_measures_are_served_by_their_desks_through_a_link()
    {
        var (db, catalog, reader) = await ReaderAsync();
        await using var _ = db;
        var telework = await reader.ForMeasureAsync(await MeasureAsync(catalog, "TELEWORK-M05"));
        var desk = Assert.Single(telework.Services);
        Assert.Equal((ServiceKind.Consultation, "TELEWORK-CENTER", "/desks/TELEWORK-CENTER", ServiceState.Ongoing, "Service.Action.Consult"),
            (desk.Kind, desk.Code, desk.Url, desk.State, desk.Action));
        var workstyle = await reader.ForMeasureAsync(await MeasureAsync(catalog, "WORKSTYLE-M04"));
        Assert.Equal("WORKSTYLE", Assert.Single(workstyle.Services).Code);
    }

    [Fact]
    public async Task A_program_without_a_window_is_closed_then_upcoming_with_the_date_then_open_then_budget_reached()
    {
        var (db, catalog, reader) = await ReaderAsync();
        await using var _ = db;
        var measure = await MeasureAsync(catalog, "TELEWORK-M06");
        ServiceItem Program(MeasureOffer offer) => offer.Services.Single(s => s.Kind == ServiceKind.Subsidy);

        Assert.Equal(ServiceState.Closed, Program(await reader.ForMeasureAsync(measure)).State);

        // Opens on 10 April 2026 at 09:00 Japan time.
        var window = await AddWindowAsync("TELEWORK-EQUIP", new DateTime(2026, 4, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 10, 0, 0, 0, DateTimeKind.Utc), 10_000_000);
        var upcoming = Program(await reader.ForMeasureAsync(measure));
        Assert.Equal((ServiceState.Upcoming, new DateOnly(2026, 4, 10)), (upcoming.State, upcoming.StateDate));
        Assert.Equal("/subsidies/programs/TELEWORK-EQUIP", upcoming.Url);
        Assert.Equal("Service.Action.Apply", upcoming.Action);

        Clock.SetUtcNow(new DateTimeOffset(2026, 4, 10, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(ServiceState.Open, Program(await reader.ForMeasureAsync(measure)).State);

        await using (var change = Database.CreateContext())
        {
            await change.SubsidyWindows.Where(w => w.Id == window.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.ReservedYen, 10_000_000));
        }
        Assert.Equal(ServiceState.BudgetReached, Program(await reader.ForMeasureAsync(measure)).State);

        Clock.SetUtcNow(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(ServiceState.Closed, Program(await reader.ForMeasureAsync(measure)).State);
    }

    [Fact]
    public async Task Events_of_a_measure_are_upcoming_then_open_and_past_ones_are_not_listed()
    {
        var (db, catalog, reader) = await ReaderAsync();
        await using var _ = db;
        var measure = await MeasureAsync(catalog, "TELEWORK-M04");
        await using (var add = Database.CreateContext())
        {
            add.PartnershipEvents.Add(new PartnershipEvent
            {
                MeasureId = measure.Id, Organiser = OrganiserSide.Metro, TitleJa = "テレワーク体験セミナー（多摩）", TitleEn = "Telework experience seminar (Tama)",
                StartsAt = Now.AddDays(20), EndsAt = Now.AddDays(20).AddHours(2), Capacity = 30,
                RegistrationOpensAt = Now.AddDays(2), RegistrationClosesAt = Now.AddDays(19),
            });
            await add.SaveChangesAsync();
        }
        var item = (await reader.ForMeasureAsync(measure)).Services.Single(s => s.Kind == ServiceKind.Event);
        Assert.Equal((ServiceState.Upcoming, "Service.Action.Register"), (item.State, item.Action));
        Assert.NotNull(item.StateDate);
        Assert.NotNull((await reader.ForMeasureAsync(measure)).Offline);

        Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(ServiceState.Open, (await reader.ForMeasureAsync(measure)).Services.Single(s => s.Kind == ServiceKind.Event).State);

        Clock.Advance(TimeSpan.FromDays(30));
        Assert.DoesNotContain((await reader.ForMeasureAsync(measure)).Services, s => s.Kind == ServiceKind.Event);
    }

    [Fact]
    public async Task Chamber_side_measures_are_served_by_the_chambers_outreach_and_schemes_by_a_declaration()
    {
        var (db, catalog, reader) = await ReaderAsync();
        await using var _ = db;
        var referral = await reader.ForMeasureAsync(await MeasureAsync(catalog, "WORKSTYLE-C02"));
        var outreach = Assert.Single(referral.Services);
        Assert.Equal((ServiceKind.Outreach, "/chamber#referral"), (outreach.Kind, outreach.Url));

        var declaration = (await reader.ForMeasureAsync(await MeasureAsync(catalog, "TELEWORK-M03"))).Services.Single();
        Assert.Equal((ServiceKind.Scheme, "TELEWORK-RULE", "/schemes/TELEWORK-RULE", "Service.Action.Declare"),
            (declaration.Kind, declaration.Code, declaration.Url, declaration.Action));
        var certification = (await reader.ForMeasureAsync(await MeasureAsync(catalog, "LWB-M01"))).Services.Single();
        Assert.Equal("Service.Action.Apply", certification.Action);
    }

    [Fact]
    public async Task A_service_page_finds_the_measures_it_serves_its_own_and_the_linked_ones()
    {
        var (db, _, reader) = await ReaderAsync();
        await using var __ = db;
        var measures = await reader.MeasuresOfAsync(ServiceKind.Consultation, "TELEWORK-CENTER", "TELEWORK-M01");
        Assert.Equal(["TELEWORK-M01", "TELEWORK-M05", "TELEWORK-C03"], measures.Select(m => m.Key).ToArray());
    }

    [Fact]
    public async Task An_article_is_listed_only_from_its_publication_day()
    {
        await using (var add = Database.CreateContext())
        {
            add.LibraryArticles.Add(new LibraryArticle
            {
                Code = "WS-FUTURE", MeasureKey = "WORKSTYLE-M03", Kind = ArticleKind.Article, TitleJa = "来週の記事", PublishedOn = new DateOnly(2026, 4, 8),
            });
            await add.SaveChangesAsync();
        }
        var (db, catalog, reader) = await ReaderAsync();
        await using var _ = db;
        var measure = await MeasureAsync(catalog, "WORKSTYLE-M03");
        Assert.DoesNotContain((await reader.ForMeasureAsync(measure)).Services, s => s.Code == "WS-FUTURE");
        Clock.Advance(TimeSpan.FromDays(7));
        Assert.Contains((await reader.ForMeasureAsync(measure)).Services, s => s.Code == "WS-FUTURE");
    }

    [Fact]
    public async Task Search_finds_telework_typed_in_hiragana_half_width_katakana_or_English_grouped_by_kind()
    {
        await using var db = Database.CreateContext();
        var search = new SearchService(db, new ProviderSearchIndex(db), Clock);

        foreach (var typed in new[] { "てれわーく", "ﾃﾚﾜｰｸ", "テレワーク" })
        {
            var results = await search.SearchAsync(typed);
            var measures = results.Hits.Where(h => h.Kind == SearchKind.Measure).Select(h => h.TitleJa).ToList();
            Assert.Contains("テレワーク機器導入に係る経費補助", measures);
            Assert.Contains(results.Hits, h => h.Kind == SearchKind.Program && h.Url == "/subsidies/programs/TELEWORK-EQUIP");
            Assert.Contains(results.Hits, h => h.Kind == SearchKind.Desk && h.Url == "/desks/TELEWORK-CENTER");
            Assert.Contains(results.Hits, h => h.Kind == SearchKind.Scheme && h.Url == "/schemes/TELEWORK-RULE");
        }
        var english = await search.SearchAsync("ＴＥＬＥＷＯＲＫ equipment");
        Assert.Contains(english.Hits, h => h.Kind == SearchKind.Program && h.Url == "/subsidies/programs/TELEWORK-EQUIP");
        Assert.DoesNotContain(english.Hits, h => h.Kind == SearchKind.Desk);
    }

    [Fact]
    public async Task Search_finds_library_articles_and_events_through_the_index_and_follows_their_changes()
    {
        await using var db = Database.CreateContext();
        var search = new SearchService(db, new ProviderSearchIndex(db), Clock);
        Assert.Contains((await search.SearchAsync("びず推進企業")).Hits, h => h.Kind == SearchKind.Library && h.Url == "/library/SB-CASES");

        var measure = await db.Measures.FirstAsync(m => m.Key == "TELEWORK-M04");
        var added = new PartnershipEvent
        {
            MeasureId = measure.Id, Organiser = OrganiserSide.Chamber, TitleJa = "サテライトオフィス見学会", TitleEn = "Satellite office tour",
            StartsAt = Now.AddDays(20), EndsAt = Now.AddDays(20).AddHours(2), Capacity = 30, RegistrationOpensAt = Now, RegistrationClosesAt = Now.AddDays(19),
        };
        db.PartnershipEvents.Add(added);
        await db.SaveChangesAsync();
        Assert.Contains((await search.SearchAsync("さてらいと")).Hits, h => h.Kind == SearchKind.Event && h.Url == $"/events/{added.Id}");

        added.TitleJa = "シェアオフィス見学会";
        added.TitleEn = "Shared office tour";
        await db.SaveChangesAsync();
        Assert.DoesNotContain((await search.SearchAsync("さてらいと")).Hits, h => h.Kind == SearchKind.Event);
        Assert.Contains((await search.SearchAsync("しぇあおふぃす")).Hits, h => h.Kind == SearchKind.Event);
    }

    [Fact]
    public async Task Search_takes_wildcards_literally_and_an_empty_query_finds_nothing()
    {
        await using var db = Database.CreateContext();
        var search = new SearchService(db, new ProviderSearchIndex(db), Clock);
        Assert.Empty((await search.SearchAsync("%%%")).Hits);
        Assert.Empty((await search.SearchAsync("___")).Hits);
        // The library's index (FTS5 on SQLite) takes them literally too: "_" is not "any one character" there.
        Assert.Contains((await search.SearchAsync("びず推進企業")).Hits, h => h.Kind == SearchKind.Library);
        Assert.DoesNotContain((await search.SearchAsync("びず推_企業")).Hits, h => h.Kind == SearchKind.Library);
        Assert.DoesNotContain((await search.SearchAsync("びず%企業")).Hits, h => h.Kind == SearchKind.Library);
        Assert.Empty((await search.SearchAsync("　 ")).Hits);
    }
}
