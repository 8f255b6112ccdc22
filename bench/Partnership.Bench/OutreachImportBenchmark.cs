using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;
using Partnership.Infrastructure.Outreach;
using Partnership.Infrastructure.Seeding;

namespace Partnership.Bench;

/// <summary>
/// The outreach import at the size the issue names: builds an .xlsx and a CSV of N rows, then times reading the
/// file, checking every row and saving (with the audit interceptors the portal uses) into a fresh SQLite file,
/// the same file imported again (nothing added), and a file with one wrong row at the end (nothing saved).
/// </summary>
public static class OutreachImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--rows", 10_000);
        var results = new Dictionary<string, object>();
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var dir = Path.Combine(Path.GetTempPath(), "partnership-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "bench.db")}");
            try
            {
                await using (var db = Create(settings))
                {
                    await db.Database.MigrateAsync();
                    await new CatalogSeeder(db).SeedAsync();
                    await new ReferenceDataSeeder(db).SeedAsync();
                }
                var rows = Rows(count);
                var bytes = format == "xlsx"
                    ? OutreachSpreadsheet.Xlsx([[.. OutreachRules.Columns], .. rows])
                    : Encoding.UTF8.GetBytes(string.Join('\n', new[] { OutreachRules.Columns.ToArray() }.Concat(rows).Select(r => string.Join(',', r))));

                var first = await TimeAsync(settings, bytes, format);
                var again = await TimeAsync(settings, bytes, format);
                rows[^1][3] = "99999";
                var wrongBytes = format == "xlsx"
                    ? OutreachSpreadsheet.Xlsx([[.. OutreachRules.Columns], .. rows])
                    : Encoding.UTF8.GetBytes(string.Join('\n', new[] { OutreachRules.Columns.ToArray() }.Concat(rows).Select(r => string.Join(',', r))));
                var wrong = await TimeAsync(settings, wrongBytes, format);
                results[format] = new { file_kb = bytes.Length / 1024, first, again, one_wrong_row = wrong };
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(dir, recursive: true);
            }
        }
        Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "outreach-import", rows = count, results }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static async Task<object> TimeAsync(DatabaseSettings settings, byte[] file, string format)
    {
        var watch = Stopwatch.StartNew();
        var read = OutreachSpreadsheet.Read(new MemoryStream(file), "bench." + format);
        var readMs = watch.Elapsed.TotalMilliseconds;
        await using var db = Create(settings);
        var result = await new OutreachService(db, TimeProvider.System).ImportAsync(read.Value!, "bench-user");
        return new
        {
            read_ms = Math.Round(readMs), total_ms = Math.Round(watch.Elapsed.TotalMilliseconds),
            added = result.Added, skipped = result.AlreadyImported, errors = result.Errors.Count,
        };
    }

    private static List<string[]> Rows(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new[]
        {
            new DateOnly(2021, 4, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            OutreachRules.ChannelNames.Keys.ElementAt(i % 8),
            i % 3 == 0 ? "TELEWORK-M01;LWB-M01" : "TELEWORK-M04",
            (13101 + i % 23).ToString(CultureInfo.InvariantCulture),
            (i % 5000).ToString(CultureInfo.InvariantCulture),
            i % 10 == 0 ? $"第{i}号で周知" : "",
        }),
    ];

    private static AppDbContext Create(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        options.AddInterceptors(
            new AuditableEntityInterceptor(new SystemUser(), TimeProvider.System),
            new AuditLogInterceptor(new SystemUser(), TimeProvider.System));
        return new AppDbContext(options.Options);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
