using Microsoft.EntityFrameworkCore;
using Moq;
using Partnership.Core.Catalog;
using Partnership.Core.Documents;
using Partnership.Core.Events;
using Partnership.Core.Library;
using Partnership.Core.Outreach;
using Partnership.Core.PlanServices;
using Partnership.Core.Search;
using Partnership.Infrastructure.Search;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.PlanServices;

/// <summary>What officials edit about the plan's services and the library, on the real database (docs/adr/0085, 0086).</summary>
public class PlanAdminTests : DatabaseTest
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

    private static ArticleInput Input(string code, DateOnly publishedOn, string measureKey = "WOMEN-M02") =>
        new(code, measureKey, ArticleKind.Article, "両立支援の進め方ガイド", "A guide to work-life support", "概要です。", "", "本文です。", "", publishedOn);

    [Fact]
    public async Task A_link_to_an_existing_service_shows_on_the_measure_and_a_wrong_or_repeated_one_changes_nothing()
    {
        await using var db = Database.CreateContext();
        var editor = new PlanServiceEditor(db, Clock);
        var reader = new PlanServiceReader(db, Clock);
        var measure = (await new CatalogService(db).MeasuresAsync(2021)).Single(m => m.Key == "WOMEN-M02");
        var before = await db.MeasureServiceLinks.CountAsync();

        Assert.Equal("PlanAdmin.UnknownService", (await editor.AddLinkAsync(measure.Key, ServiceKind.Consultation, "NOPE")).Errors.Single().Code);
        Assert.Equal("Validation.RequiredChoice", (await editor.AddLinkAsync(measure.Key, ServiceKind.Outreach, measure.Key)).Errors.Single().Code);
        Assert.Equal("PlanAdmin.UnknownService", (await editor.AddLinkAsync(measure.Key, ServiceKind.Library, "TELEWORK-CENTER")).Errors.Single().Code);
        Assert.Equal(before, await db.MeasureServiceLinks.CountAsync());

        var added = await editor.AddLinkAsync(measure.Key, ServiceKind.Consultation, "TELEWORK-CENTER");
        Assert.True(added.Succeeded);
        Assert.Contains((await reader.ForMeasureAsync(measure)).Services, s => s.Kind == ServiceKind.Consultation && s.Url == "/desks/TELEWORK-CENTER");
        Assert.Equal("PlanAdmin.AlreadyLinked", (await editor.AddLinkAsync(measure.Key, ServiceKind.Consultation, "TELEWORK-CENTER")).Errors.Single().Code);
        Assert.Equal(before + 1, await db.MeasureServiceLinks.CountAsync());

        Assert.Equal("NotFound", OutcomeStatusOf(await editor.RemoveLinkAsync("TELEWORK-M01", added.Value)));
        Assert.True((await editor.RemoveLinkAsync(measure.Key, added.Value)).Succeeded);
        Assert.DoesNotContain((await reader.ForMeasureAsync(measure)).Services, s => s.Url == "/desks/TELEWORK-CENTER");
    }

    private static string OutcomeStatusOf<T>(Partnership.Core.Common.Outcome<T> outcome) => outcome.Status.ToString();

    [Fact]
    public async Task The_offline_note_needs_both_languages_is_never_overwritten_unseen_and_goes_when_both_are_emptied()
    {
        await using var db = Database.CreateContext();
        var editor = new PlanServiceEditor(db, Clock);
        var note = await editor.NoteAsync("TALENT-M05");
        Assert.NotNull(note);

        var half = await editor.SaveNoteAsync("TALENT-M05", "窓口にお電話ください。", "", note.Version);
        Assert.Equal(("NoteEn", "Validation.Required"), (half.Errors.Single().Field, half.Errors.Single().Code));
        var markup = await editor.SaveNoteAsync("TALENT-M05", "<script>x</script>", "Call us.", note.Version);
        Assert.Equal("Validation.Markup", markup.Errors.Single().Code);
        Assert.Equal(note.NoteJa, (await editor.NoteAsync("TALENT-M05"))!.NoteJa);

        Assert.True((await editor.SaveNoteAsync("TALENT-M05", "雇用就業部にお問い合わせください。", "Please contact the Employment Division.", note.Version)).Succeeded);
        var stale = await editor.SaveNoteAsync("TALENT-M05", "古い版からの変更", "A change from an old version", note.Version);
        Assert.Equal(Partnership.Core.Common.OutcomeStatus.Conflict, stale.Status);
        var saved = (await editor.NoteAsync("TALENT-M05"))!;
        Assert.Equal("雇用就業部にお問い合わせください。", saved.NoteJa);

        Assert.True((await editor.SaveNoteAsync("TALENT-M05", " ", "", saved.Version)).Succeeded);
        Assert.Null(await editor.NoteAsync("TALENT-M05"));
    }

    [Fact]
    public async Task A_new_library_entry_is_a_draft_shown_nowhere_until_published_and_withdrawing_hides_it_again()
    {
        await using var db = Database.CreateContext();
        var editor = new LibraryEditor(db, Mock.Of<IDocumentStore>(), Clock);
        var library = new LibraryService(db, Mock.Of<IDocumentStore>(), Clock);
        var reader = new PlanServiceReader(db, Clock);
        var search = new SearchService(db, new ProviderSearchIndex(db), Clock);
        var measure = (await new CatalogService(db).MeasuresAsync(2021)).Single(m => m.Key == "WOMEN-M02");
        var today = DateOnly.FromDateTime(Partnership.Core.Common.JapanTime.ToJapan(Now));

        var created = await editor.CreateAsync(Input("wlb-guide-2026", today));
        Assert.True(created.Succeeded);
        Assert.Null(await library.ArticleAsync("WLB-GUIDE-2026"));
        Assert.DoesNotContain(await library.PublishedAsync(), a => a.Code == "WLB-GUIDE-2026");
        Assert.DoesNotContain((await reader.ForMeasureAsync(measure)).Services, s => s.Code == "WLB-GUIDE-2026");
        Assert.DoesNotContain((await search.SearchAsync("両立支援の進め方")).Hits, h => h.Url == "/library/WLB-GUIDE-2026");

        Assert.True((await editor.SetPublishedAsync(created.Value, true)).Succeeded);
        Assert.NotNull(await library.ArticleAsync("WLB-GUIDE-2026"));
        Assert.Contains((await reader.ForMeasureAsync(measure)).Services, s => s.Kind == ServiceKind.Library && s.Url == "/library/WLB-GUIDE-2026");
        Assert.Contains((await search.SearchAsync("両立支援の進め方")).Hits, h => h.Url == "/library/WLB-GUIDE-2026");

        Assert.True((await editor.SetPublishedAsync(created.Value, false)).Succeeded);
        Assert.Null(await library.ArticleAsync("WLB-GUIDE-2026"));
        Assert.DoesNotContain((await search.SearchAsync("両立支援の進め方")).Hits, h => h.Url == "/library/WLB-GUIDE-2026");
    }

    [Fact]
    public async Task A_library_entry_with_a_taken_code_an_unknown_measure_or_a_stale_version_is_refused_and_changes_nothing()
    {
        await using var db = Database.CreateContext();
        var editor = new LibraryEditor(db, Mock.Of<IDocumentStore>(), Clock);
        var today = DateOnly.FromDateTime(Partnership.Core.Common.JapanTime.ToJapan(Now));
        var count = await db.LibraryArticles.CountAsync();

        Assert.Equal("Library.Edit.CodeTaken", (await editor.CreateAsync(Input("WS-OVERTIME", today))).Errors.Single().Code);
        Assert.Equal("Library.Edit.CodeInvalid", (await editor.CreateAsync(Input("ああ", today))).Errors.Single().Code);
        Assert.Equal(("MeasureKey", "Validation.Invalid"), (await editor.CreateAsync(Input("NEW-ONE", today, "NOPE-M99"))).Errors.Select(e => (e.Field, e.Code)).Single());
        Assert.Equal(count, await db.LibraryArticles.CountAsync());

        var article = await db.LibraryArticles.AsNoTracking().SingleAsync(a => a.Code == "WS-OVERTIME");
        var first = await editor.UpdateAsync(article.Id, Input("", today, article.MeasureKey), article.Version);
        Assert.True(first.Succeeded);
        var stale = await editor.UpdateAsync(article.Id, Input("", today.AddDays(1), article.MeasureKey) with { TitleJa = "古い版" }, article.Version);
        Assert.Equal(Partnership.Core.Common.OutcomeStatus.Conflict, stale.Status);
        Assert.Equal("両立支援の進め方ガイド", (await db.LibraryArticles.AsNoTracking().SingleAsync(a => a.Id == article.Id)).TitleJa);
    }

    [Fact]
    public async Task Attachments_are_judged_by_their_content_and_one_bad_file_stores_nothing()
    {
        await using var db = Database.CreateContext();
        var store = new Mock<IDocumentStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => Guid.NewGuid().ToString("N"));
        var editor = new LibraryEditor(db, store.Object, Clock);
        var article = await db.LibraryArticles.AsNoTracking().SingleAsync(a => a.Code == "WS-OVERTIME");
        UploadedFile File(string name, byte[] bytes) => new(name, bytes.Length, () => new MemoryStream(bytes));

        var refused = await editor.AddAttachmentsAsync(article.Id, [File("guide.pdf", PdfSamples.Plain), File("guide2.pdf", "%PDF-1.4 not really"u8.ToArray())], "metro-user");
        Assert.Equal("Library.Attachment.Unreadable", refused.Errors.Single().Code);
        var renamed = await editor.AddAttachmentsAsync(article.Id, [File("run.pdf", [0x4D, 0x5A, 0x90, 0x00])], "metro-user");
        Assert.Equal("Library.Attachment.Type", renamed.Errors.Single().Code);
        store.Verify(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(0, await db.LibraryAttachments.CountAsync());

        var accepted = await editor.AddAttachmentsAsync(article.Id, [File("手引き", PdfSamples.Plain)], "metro-user");
        Assert.Equal(1, accepted.Value);
        var stored = await db.LibraryAttachments.AsNoTracking().SingleAsync();
        Assert.Equal(("手引き.pdf", "application/pdf"), (stored.FileName, stored.ContentType));
    }

    [Fact]
    public async Task An_event_typed_as_career_support_serves_WOMEN_M03_besides_its_own_measure()
    {
        await using var db = Database.CreateContext();
        var catalog = new CatalogService(db);
        var reader = new PlanServiceReader(db, Clock);
        var measures = await catalog.MeasuresAsync(2021);
        var career = measures.Single(m => m.Key == PlanServiceReader.CareerSupportMeasureKey);
        var own = measures.Single(m => m.Key == "WOMEN-M01");
        PartnershipEvent Event(string title, EventType type) => new()
        {
            MeasureId = own.Id, Organiser = OrganiserSide.Metro, TitleJa = title, TitleEn = title, Type = type,
            StartsAt = Now.AddDays(20), EndsAt = Now.AddDays(20).AddHours(2), Capacity = 30, RegistrationOpensAt = Now, RegistrationClosesAt = Now.AddDays(19),
        };
        var typed = Event("女性のキャリアアップセミナー", EventType.CareerSupport);
        var general = Event("働き方改革セミナー", EventType.General);
        db.PartnershipEvents.AddRange(typed, general);
        await db.SaveChangesAsync();

        var services = (await reader.ForMeasureAsync(career)).Services.Where(s => s.Kind == ServiceKind.Event).ToList();
        Assert.Equal($"/events/{typed.Id}", Assert.Single(services).Url);
        Assert.Equal(2, (await reader.ForMeasureAsync(own)).Services.Count(s => s.Kind == ServiceKind.Event));
    }
}
