using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
/// The member roster import at TCCI's size (issue 27): writes an .xlsx roster of N members to a file with a streaming
/// writer, migrates a fresh SQLite file, then times, in a child process of its own, reading the file through the bounded
/// reader, checking every row and saving (with the portal's audit interceptors), then the same file again (nothing added
/// or changed). The child's peak resident memory is the import's alone: the workbook's writing and the migration are
/// not in it. The last line is one JSON object with rows, seconds, again_seconds, again_added and peak_rss_mb.
/// </summary>
public static class RosterImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var child = Array.IndexOf(args, "--child");
        if (child >= 0 && child + 1 < args.Length)
        {
            return await ChildAsync(args[child + 1]);
        }
        var index = Array.IndexOf(args, "--rows");
        var count = index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var n) ? n : 80_000;
        var dir = Path.Combine(Path.GetTempPath(), "partnership-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await using (var db = Create(Settings(dir)))
            {
                await db.Database.MigrateAsync();
                await new CatalogSeeder(db).SeedAsync();
                await new ReferenceDataSeeder(db).SeedAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            WriteWorkbook(Path.Combine(dir, "roster.xlsx"), [[.. RosterRules.Columns], .. Enumerable.Range(1, count).Select(Row)]);
            Console.Error.WriteLine($"file {new FileInfo(Path.Combine(dir, "roster.xlsx")).Length / 1024} KiB");
            var measured = RunChild(dir);
            var first = measured.GetProperty("added").GetInt32();
            var againAdded = measured.GetProperty("again_added").GetInt32();
            var againUpdated = measured.GetProperty("again_updated").GetInt32();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "roster-import", rows = count, seconds = measured.GetProperty("seconds").GetDouble(), again_seconds = measured.GetProperty("again_seconds").GetDouble(),
                again_added = againAdded, again_updated = againUpdated, peak_rss_mb = measured.GetProperty("peak_rss_mb").GetInt64(),
            }));
            return first == count && againAdded == 0 && againUpdated == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static DatabaseSettings Settings(string dir) => new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "bench.db")}");

    /// <summary>Runs this program again as <c>roster-import --child DIR</c> and returns the JSON object of its last line.</summary>
    private static JsonElement RunChild(string dir)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the import in.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RosterImportBenchmark).Assembly.Location);
        }
        foreach (var arg in new[] { "roster-import", "--child", dir })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The import process did not start.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"The import process ended with {process.ExitCode}: {output}");
        }
        return JsonDocument.Parse(last).RootElement.Clone();
    }

    /// <summary>
    /// The measured part, alone in its process: the import of the file, then again. Resident memory and allocations after
    /// each step go to stderr, so a figure over the target says where it grows.
    /// </summary>
    private static async Task<int> ChildAsync(string dir)
    {
        var settings = Settings(dir);
        var file = Path.Combine(dir, "roster.xlsx");
        Report("start");
        var (seconds, first) = await ImportAsync(settings, file);
        Report("first import");
        var (againSeconds, again) = await ImportAsync(settings, file);
        Report("second import");
        using var process = Process.GetCurrentProcess();
        Console.Error.WriteLine($"first: {first}; again: {again}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            added = first.Added, seconds = Math.Round(seconds, 2), again_seconds = Math.Round(againSeconds, 2), again_added = again.Added, again_updated = again.Updated,
            peak_rss_mb = process.PeakWorkingSet64 / 1024 / 1024,
        }));
        return 0;
    }

    private static void Report(string step)
    {
        using var process = Process.GetCurrentProcess();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step}: rss {process.WorkingSet64 / 1024 / 1024} MB, peak {process.PeakWorkingSet64 / 1024 / 1024} MB, heap {GC.GetTotalMemory(false) / 1024 / 1024} MB, allocated {GC.GetTotalAllocatedBytes() / 1024 / 1024} MB"));
    }

    /// <summary>A one-sheet workbook written row by row to a file (inline strings, as the portal's own exports), never whole in memory.</summary>
    private static void WriteWorkbook(string path, IEnumerable<string[]> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            foreach (var cells in rows)
            {
                writer.WriteStartElement(new Row());
                foreach (var text in cells)
                {
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        using (var writer = OpenXmlWriter.Create(workbook))
        {
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            writer.WriteElement(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "会員名簿" });
            writer.WriteEndElement();
            writer.WriteEndElement();
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

    private static async Task<(double Seconds, RosterImportResult Result)> ImportAsync(DatabaseSettings settings, string file)
    {
        var watch = Stopwatch.StartNew();
        Outcome<List<string[]>> read;
        await using (var stream = File.OpenRead(file))
        {
            read = RosterSpreadsheet.Read(BoundedSpreadsheetReader.Instance, stream, "roster.xlsx");
        }
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
