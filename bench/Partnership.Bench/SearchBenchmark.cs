using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnership.Core.Events;
using Partnership.Core.Library;
using Partnership.Core.Search;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;
using Partnership.Infrastructure.Search;
using Partnership.Infrastructure.Seeding;

namespace Partnership.Bench;

/// <summary>
/// The site search at 10,000 library articles and 10,000 events (docs/adr/0076-search.md): fills a fresh SQLite file
/// (the seeded plan, schemes, programs and desks, then the articles and events through the search-text interceptor
/// and the FTS5 triggers), times each kind of query through SearchService, and prints p50/p95 as JSON.
/// </summary>
public static class SearchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 10_000);
        var runs = Option(args, "--runs", 200);
        var dir = Path.Combine(Path.GetTempPath(), "partnership-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "bench.db")}");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        try
        {
            var seedWatch = Stopwatch.StartNew();
            await using (var db = Create(settings, clock))
            {
                await db.Database.MigrateAsync();
                await new CatalogSeeder(db).SeedAsync();
                await new SchemeSeeder(db, clock).SeedAsync();
                await new SubsidySeeder(db, clock).SeedAsync();
                await new ConsultationDeskSeeder(db).SeedAsync();
                await new PlanServicesSeeder(db).SeedAsync();
            }
            await FillAsync(settings, clock, count);
            seedWatch.Stop();

            var cases = new (string Name, string Query)[]
            {
                ("hiragana_word", "てれわーく"),
                ("katakana_half_width", "ﾃﾚﾜｰｸ"),
                ("kanji_compound", "働き方改革"),
                ("english_two_words", "telework seminar"),
                ("rare_word", "記事12345"),
                ("no_match", "該当なしの語句"),
                ("two_characters", "事例"),
            };
            var results = new Dictionary<string, object>();
            await using (var db = Create(settings, clock))
            {
                var search = new SearchService(db, new ProviderSearchIndex(db), clock);
                foreach (var (name, query) in cases)
                {
                    await search.SearchAsync(query);
                    var times = new List<double>(runs);
                    var hits = 0;
                    for (var i = 0; i < runs; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        hits = (await search.SearchAsync(query)).Hits.Count;
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    times.Sort();
                    results[name] = new { hits, p50_ms = Math.Round(times[runs / 2], 2), p95_ms = Math.Round(times[(int)(runs * 0.95)], 2) };
                }
            }
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "search",
                articles = count,
                events = count,
                runs,
                seed_seconds = Math.Round(seedWatch.Elapsed.TotalSeconds, 1),
                load_average = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "",
                searches = results,
            }));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static AppDbContext Create(DatabaseSettings settings, TimeProvider clock)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        options.AddInterceptors(new SearchTextInterceptor(), new AuditableEntityInterceptor(new Partnership.Core.Common.SystemUser(), clock));
        return new AppDbContext(options.Options);
    }

    private static async Task FillAsync(DatabaseSettings settings, TimeProvider clock, int count)
    {
        List<(int Id, string Key)> measures;
        await using (var db = Create(settings, clock))
        {
            measures = (await db.Measures.Select(m => new { m.Id, m.Key }).ToListAsync()).Select(m => (m.Id, m.Key)).ToList();
        }
        var topics = new[] { ("テレワーク", "telework"), ("働き方改革", "work-style reform"), ("女性の活躍", "women's advancement"), ("人材確保", "talent"), ("育児と仕事の両立", "childcare and work"), ("時差出勤", "staggered commuting") };
        var now = clock.GetUtcNow().UtcDateTime;
        const int batch = 2_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = Create(settings, clock);
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var (ja, en) = topics[i % topics.Length];
                var measure = measures[i % measures.Count];
                db.LibraryArticles.Add(new LibraryArticle
                {
                    Code = $"BENCH-{i}", MeasureKey = measure.Key, Kind = (ArticleKind)(i % 3 + 1),
                    TitleJa = $"{ja}の進め方 記事{i}", TitleEn = $"How to approach {en}, article {i}",
                    SummaryJa = $"{ja}に取り組む中小企業の事例と、都の支援の使い方を紹介します。", SummaryEn = $"Cases of SMEs working on {en} and how to use Tokyo's support.",
                    BodyJa = string.Concat(Enumerable.Repeat($"{ja}の導入にあたっては、現状の把握、目標の設定、社内への周知が重要です。", 8)),
                    BodyEn = string.Concat(Enumerable.Repeat($"When introducing {en}, measure where you stand, set targets and tell everyone. ", 8)),
                    PublishedOn = new DateOnly(2025, 4, 1).AddDays(i % 365),
                });
                var starts = now.AddDays(i % 400 - 200);
                db.PartnershipEvents.Add(new PartnershipEvent
                {
                    MeasureId = measure.Id, Organiser = (OrganiserSide)(i % 3 + 1), TitleJa = $"{ja}セミナー 第{i}回", TitleEn = $"{en} seminar no. {i}",
                    DescriptionJa = $"{ja}について専門家が解説します。", DescriptionEn = $"An expert explains {en}.",
                    StartsAt = starts, EndsAt = starts.AddHours(2), Capacity = 50, RegistrationOpensAt = starts.AddDays(-30), RegistrationClosesAt = starts.AddDays(-1),
                });
            }
            await db.SaveChangesAsync();
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
