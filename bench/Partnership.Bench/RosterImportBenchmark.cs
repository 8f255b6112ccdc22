using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Members;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;
using Partnership.Infrastructure.Members;
using Partnership.Infrastructure.Seeding;
using Partnership.Infrastructure.Spreadsheets;

namespace Partnership.Bench;

/// <summary>
/// The member roster import at TCCI's size (issue 27): builds an .xlsx roster of N members, then times reading it
/// through the bounded reader, checking every row and saving (with the portal's audit interceptors) into a fresh
/// SQLite file, then the same file again (nothing added or changed). The last line is one JSON object with rows,
/// seconds, again_seconds, again_added and peak_rss_mb (the process's peak working set).
/// </summary>
public static class RosterImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--rows");
        var count = index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var n) ? n : 80_000;
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
            var file = RosterSpreadsheet.Xlsx([[.. RosterRules.Columns], .. Enumerable.Range(1, count).Select(Row)]);
            var (seconds, first) = await ImportAsync(settings, file);
            var (againSeconds, again) = await ImportAsync(settings, file);
            using var process = Process.GetCurrentProcess();
            Console.Error.WriteLine($"file {file.Length / 1024} KiB; first: {first}; again: {again}");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "roster-import", rows = count, seconds = Math.Round(seconds, 2), again_seconds = Math.Round(againSeconds, 2),
                again_added = again.Added, again_updated = again.Updated, peak_rss_mb = process.PeakWorkingSet64 / 1024 / 1024,
            }));
            return first.Added == count && again.Added == 0 && again.Updated == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string[] Row(int i)
    {
        var base12 = (100_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
        return
        [
            CorporateNumber.CheckDigit(base12).ToString(CultureInfo.InvariantCulture) + base12, $"M{i:D7}", $"会員{i}株式会社", "カイインカブシキ",
            (13101 + i % 23).ToString(CultureInfo.InvariantCulture), new DateOnly(2000, 4, 1).AddDays(i % 9000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            i % 3 == 0 ? "山田 花子" : "", i % 2 == 0 ? $"東京都千代田区丸の内{i % 9 + 1}-{i % 30 + 1}" : "",
        ];
    }

    private static async Task<(double Seconds, RosterImportResult Result)> ImportAsync(DatabaseSettings settings, byte[] file)
    {
        var watch = Stopwatch.StartNew();
        var read = RosterSpreadsheet.Read(BoundedSpreadsheetReader.Instance, new MemoryStream(file), "roster.xlsx");
        if (!read.Succeeded)
        {
            throw new InvalidOperationException("The roster was refused: " + read.Errors[0].Code);
        }
        await using var db = Create(settings);
        var result = await new MemberRosterService(db, TimeProvider.System).ImportAsync(read.Value!);
        if (result.Refused)
        {
            throw new InvalidOperationException("The roster was refused: " + string.Join(", ", result.Errors.Take(3)));
        }
        return (watch.Elapsed.TotalSeconds, result);
    }

    private static AppDbContext Create(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        options.AddInterceptors(
            new AuditableEntityInterceptor(new SystemUser(), TimeProvider.System),
            new AuditLogInterceptor(new SystemUser(), TimeProvider.System));
        return new AppDbContext(options.Options);
    }
}
