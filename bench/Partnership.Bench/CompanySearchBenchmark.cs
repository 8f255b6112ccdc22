using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnership.Core.Companies;
using Partnership.Core.Reference;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;

namespace Partnership.Bench;

/// <summary>
/// The officials' company search at Tokyo scale: fills a fresh SQLite file with N companies spread over the 62
/// municipalities, 20 industries and all sizes, then times each kind of search (first page, a deep keyset page,
/// each filter, name and reading text, corporate number) through CompanyService, and prints p50/p95 as JSON.
/// </summary>
public static class CompanySearchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 100_000);
        var runs = Option(args, "--runs", 200);
        var dir = Path.Combine(Path.GetTempPath(), "partnership-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "bench.db")}");
        try
        {
            var seedWatch = Stopwatch.StartNew();
            await using (var db = Create(settings))
            {
                await db.Database.MigrateAsync();
                await new ReferenceDataSeeder(db).SeedAsync();
            }
            await FillAsync(settings, count);
            seedWatch.Stop();

            var cases = new (string Name, CompanySearch Search)[]
            {
                ("first_page", new(null, null, null, null, false, null)),
                ("deep_page", new(null, null, null, null, false, count - 60)),
                ("municipality", new(null, "132021", null, null, false, null)),
                ("industry", new(null, null, "G", null, false, null)),
                ("size_large", new(null, null, null, SizeBand.Large, false, null)),
                ("chamber_members", new(null, null, null, null, true, null)),
                ("municipality_and_size_deep", new(null, "131016", null, SizeBand.SmallEnterprise, false, count / 2)),
                ("kana_prefix", new("ﾍﾞﾝﾁ", null, null, null, false, null)),
                ("name_contains", new("工業", null, null, null, false, null)),
                // The worst case: a text no company has, so every name is looked at.
                ("name_no_match", new("該当なし", null, null, null, false, null)),
                ("filter_no_match_deep", new(null, "133647", "T", SizeBand.Large, false, null)),
                ("corporate_number", new(CorporateNumberOf(count / 3), null, null, null, false, null)),
            };
            var results = new Dictionary<string, object>();
            await using (var db = Create(settings))
            {
                var service = new CompanyService(db, new MailOutbox(db, TimeProvider.System), new Partnership.Infrastructure.Identity.CompanyRecipients(db), TimeProvider.System);
                foreach (var (name, search) in cases)
                {
                    await service.SearchAsync(search);
                    var times = new List<double>(runs);
                    var rows = 0;
                    for (var i = 0; i < runs; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        rows = (await service.SearchAsync(search)).Count;
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    times.Sort();
                    results[name] = new { rows, p50_ms = Math.Round(times[runs / 2], 2), p95_ms = Math.Round(times[(int)(runs * 0.95)], 2) };
                }
            }
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "companies",
                companies = count,
                runs,
                seed_seconds = Math.Round(seedWatch.Elapsed.TotalSeconds, 1),
                peak_rss_mb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
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

    private static AppDbContext Create(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        options.AddInterceptors(new AuditableEntityInterceptor(new Partnership.Core.Common.SystemUser(), new FakeTimeProvider(DateTimeOffset.UtcNow)));
        return new AppDbContext(options.Options);
    }

    private static async Task FillAsync(DatabaseSettings settings, int count)
    {
        List<Municipality> municipalities;
        List<string> industries;
        await using (var db = Create(settings))
        {
            municipalities = await db.Municipalities.OrderBy(m => m.Order).ToListAsync();
            industries = await db.Industries.Select(i => i.Code).ToListAsync();
        }
        var random = new Random(20210401);
        var words = new[] { ("ベンチ", "工業"), ("トウキョウ", "商事"), ("タマ", "製作所"), ("シンジュク", "サービス"), ("ミナト", "情報") };
        const int batch = 5_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = Create(settings);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                // 23 wards hold most companies, as in Tokyo.
                var municipality = municipalities[random.NextDouble() < 0.8 ? random.Next(23) : random.Next(municipalities.Count)];
                var (kana, word) = words[i % words.Length];
                var employees = (int)Math.Round(Math.Exp(random.NextDouble() * 7));
                var company = new Company
                {
                    Name = $"{word}{i}株式会社", NameKana = $"{kana}{ToKanaDigits(i)}", CorporateNumber = CorporateNumberOf(i),
                    PostalCode = "100-0001", Prefecture = "東京都", MunicipalityCode = municipality.Code, CityName = municipality.NameJa,
                    Street = "1-1-1", Phone = "03-0000-0000", IndustryCode = industries[random.Next(industries.Count)],
                    SmeCategory = SmeCategory.ManufacturingAndOther, CapitalYen = (long)(random.NextDouble() * 1_000_000_000), RegularEmployees = employees,
                    IsChamberMember = random.NextDouble() < 0.3, ContactName = "担当",
                };
                company.ApplySizeRule();
                db.Companies.Add(company);
            }
            await db.SaveChangesAsync();
        }
    }

    public static string CorporateNumberOf(int i)
    {
        var base12 = (100_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return CorporateNumber.CheckDigit(base12).ToString(System.Globalization.CultureInfo.InvariantCulture) + base12;
    }

    private static string ToKanaDigits(int i) => string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => "ゼイニサシゴロナハキ"[c - (int)'0']));

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
