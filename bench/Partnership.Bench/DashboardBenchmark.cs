using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Dashboards;
using Partnership.Core.Facts;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;

namespace Partnership.Bench;

/// <summary>
/// The Metro dashboard and its CSV export at Tokyo scale, over real HTTP. Generates the data for --activities N
/// (see <see cref="DashboardDataGenerator"/>) into artifacts/bench/dashboard-N.db once and reuses it afterwards
/// (--fresh generates again), copies it to a scratch folder, rebuilds the facts as after a bulk load, optionally
/// checks the facts against direct SQL counts (--check), starts the Release portal on it, signs a Metro official
/// in through the login form and the two-factor step, warms up and times --runs sequential requests of the page
/// (four variants in turn: the year; one area; with the previous year; an area with the previous year) and of
/// the exports (summary and municipalities, in turn). Prints one JSON line last.
/// </summary>
public static partial class DashboardBenchmark
{
    private const string Password = "bench-pass-2468";
    private const string MetroEmail = "metro@bench.example.jp";
    private const string ChamberEmail = "chamber@bench.example.jp";
    private const int Year = 2025;

    private static readonly string[] PagePaths =
    [
        $"/dashboard?year={Year}", $"/dashboard?year={Year}&area=TELEWORK", $"/dashboard?year={Year}&compare=true", $"/dashboard?year={Year}&area=LWB&compare=true",
    ];

    private static readonly string[] CsvPaths =
    [
        $"/dashboard/export/summary?year={Year}&format=csv", $"/dashboard/export/municipalities?year={Year}&format=csv",
    ];

    private sealed record Cached(int Activities, int Companies, int Entries, int Applications, int Referrals, double GenerateSeconds, double SeedSeconds, double? RebuildSeconds = null);

    /// <summary>Rounds of one write followed by one page read, for the cost after a write.</summary>
    private const int WriteRounds = 40;

    public static async Task<int> RunAsync(string[] args)
    {
        var activities = SurgeBenchmark.Option(args, "--activities", 1_000_000);
        var runs = SurgeBenchmark.Option(args, "--runs", 200);
        var check = args.Contains("--check");
        var fresh = args.Contains("--fresh");
        var profile = args.Contains("--profile");
        var forceRebuild = args.Contains("--rebuild");
        var log = Console.Error;
        var root = SurgeBenchmark.RepositoryRoot();
        var cacheDir = Path.Combine(root, "artifacts", "bench");
        Directory.CreateDirectory(cacheDir);
        var cacheDb = Path.Combine(cacheDir, string.Create(CultureInfo.InvariantCulture, $"dashboard-{activities}.db"));
        var cacheMeta = Path.ChangeExtension(cacheDb, ".json");
        var dir = Path.Combine(cacheDir, "run-" + Guid.NewGuid().ToString("N"));
        Process? portal = null;
        try
        {
            var reused = !fresh && File.Exists(cacheDb) && File.Exists(cacheMeta);
            Cached meta;
            if (reused)
            {
                meta = JsonSerializer.Deserialize<Cached>(await File.ReadAllTextAsync(cacheMeta))!;
                log.WriteLine($"reusing {cacheDb} (generated in {meta.GenerateSeconds:F1} s; --fresh to generate again)");
            }
            else
            {
                meta = await GenerateAsync(cacheDb, activities, log);
                await File.WriteAllTextAsync(cacheMeta, JsonSerializer.Serialize(meta));
            }

            var database = Path.Combine(dir, "portal", "partnership.db");
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
            CopyDatabase(cacheDb, database);
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={database}");
            // A cached file may predate the newest migrations: bring it up to date as the portal's start would.
            await using (var migrating = Create(settings))
            {
                await migrating.Database.MigrateAsync();
            }

            double rebuild;
            var factsCached = reused && meta.RebuildSeconds is not null && !forceRebuild;
            if (factsCached)
            {
                rebuild = meta.RebuildSeconds!.Value;
                log.WriteLine($"reusing the facts rebuilt with the cached data (in {rebuild:F1} s; --rebuild to rebuild them again)");
            }
            else
            {
                var watch = Stopwatch.StartNew();
                int buckets;
                await using (var db = Create(settings))
                {
                    buckets = await new DashboardFacts(db).RebuildAllAsync();
                }
                rebuild = watch.Elapsed.TotalSeconds;
                log.WriteLine($"rebuilt the facts of {buckets} buckets in {rebuild:F1} s");
                // Keep the rebuilt facts with the cached data: the next run starts from here.
                SqliteConnection.ClearAllPools();
                CopyDatabase(database, cacheDb);
                meta = meta with { RebuildSeconds = rebuild };
                await File.WriteAllTextAsync(cacheMeta, JsonSerializer.Serialize(meta));
            }
            var facts = await CountAsync(database, "SELECT COUNT(*) FROM DashboardFacts");
            var yearFacts = await CountAsync(database, $"SELECT COUNT(*) FROM DashboardFacts WHERE FiscalYear = {Year}");

            if (check)
            {
                var mismatches = await CheckAsync(settings, database, log);
                if (mismatches > 0)
                {
                    log.WriteLine($"{mismatches} dashboard figures differ from the records");
                    return 1;
                }
                log.WriteLine("check: every dashboard figure checked equals its direct SQL count");
            }

            if (profile)
            {
                await ProfileAsync(settings, log);
            }

            (portal, var baseUri) = await SurgeBenchmark.StartSqlitePortalAsync(dir, log);
            var browser = new Browser(baseUri);
            await browser.SignInAsync(MetroEmail, Password, IdentitySeeder.DemoAuthenticatorKey);

            // Warm-up: every variant a few times (JIT, the query plans, the page cache of SQLite).
            for (var i = 0; i < 5; i++)
            {
                foreach (var path in PagePaths.Concat(CsvPaths))
                {
                    await TimedGetAsync(browser, path);
                }
            }
            var page = new List<double>(runs);
            var csv = new List<double>(runs);
            var perVariant = PagePaths.ToDictionary(p => p, _ => new List<double>());
            var cpu = ProcessCpuMs(portal.Id);
            for (var i = 0; i < runs; i++)
            {
                var path = PagePaths[i % PagePaths.Length];
                var ms = await TimedGetAsync(browser, path);
                page.Add(ms);
                perVariant[path].Add(ms);
            }
            var pageCpu = (ProcessCpuMs(portal.Id) - cpu) / runs;
            cpu = ProcessCpuMs(portal.Id);
            for (var i = 0; i < runs; i++)
            {
                csv.Add(await TimedGetAsync(browser, CsvPaths[i % CsvPaths.Length]));
            }
            var csvCpu = (ProcessCpuMs(portal.Id) - cpu) / runs;
            // Each variant on its own (20 requests in a row): its CPU cost and the size of what it sends.
            foreach (var path in PagePaths.Concat(CsvPaths))
            {
                using (var sized = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, path)))
                {
                    var bytes = (await sized.Content.ReadAsByteArrayAsync()).Length;
                    var before = ProcessCpuMs(portal.Id);
                    for (var i = 0; i < 20; i++)
                    {
                        await TimedGetAsync(browser, path);
                    }
                    log.WriteLine($"  {path}: {(ProcessCpuMs(portal.Id) - before) / 20:F1} ms CPU a request, {bytes / 1024} KB");
                }
            }
            // After a write: what the first reader pays. Each round changes one activity of the year the way a
            // chamber user's edit does (the record and its bucket's dirty mark in one transaction), then reads the page:
            // the reader recomputes that month's bucket and reads the year's facts again (the stamp changed).
            var afterWrite = new List<double>(WriteRounds);
            var writeRandom = new Random(7);
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync();
                var ids = new List<long>();
                await using (var select = connection.CreateCommand())
                {
                    select.CommandText = $"SELECT Id FROM OutreachActivities WHERE Date >= '{Year}-04-01' AND Date < '{Year + 1}-04-01' LIMIT 5000";
                    await using var reader = await select.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        ids.Add(reader.GetInt64(0));
                    }
                }
                for (var i = 0; i < WriteRounds; i++)
                {
                    await using (var write = connection.CreateCommand())
                    {
                        write.CommandText = "BEGIN IMMEDIATE; UPDATE OutreachActivities SET Reach = Reach + 1 WHERE Id = $id; "
                            + "INSERT INTO DashboardDirtyMarks (Family, Bucket) SELECT 'out', CAST(strftime('%Y%m', Date) AS INTEGER) FROM OutreachActivities WHERE Id = $id; COMMIT;";
                        write.Parameters.AddWithValue("$id", ids[writeRandom.Next(ids.Count)]);
                        await write.ExecuteNonQueryAsync();
                    }
                    afterWrite.Add(await TimedGetAsync(browser, PagePaths[0]));
                }
            }
            afterWrite.Sort();
            page.Sort();
            csv.Sort();
            foreach (var (path, times) in perVariant)
            {
                times.Sort();
                log.WriteLine($"  {path}: p50 {Percentile(times, 0.5):F1} ms, p95 {Percentile(times, 0.95):F1} ms");
            }
            var result = new Dictionary<string, object?>
            {
                ["mode"] = "dashboard",
                ["activities"] = meta.Activities,
                ["companies"] = meta.Companies,
                ["entries"] = meta.Entries,
                ["applications"] = meta.Applications,
                ["referrals"] = meta.Referrals,
                ["facts"] = facts,
                ["facts_fy"] = yearFacts,
                ["runs"] = runs,
                ["page_p50_ms"] = Math.Round(Percentile(page, 0.50), 1),
                ["page_p95_ms"] = Math.Round(Percentile(page, 0.95), 1),
                ["csv_p50_ms"] = Math.Round(Percentile(csv, 0.50), 1),
                ["csv_p95_ms"] = Math.Round(Percentile(csv, 0.95), 1),
                ["page_cpu_ms"] = Math.Round(pageCpu, 1),
                ["csv_cpu_ms"] = Math.Round(csvCpu, 1),
                ["page_after_write_p50_ms"] = Math.Round(Percentile(afterWrite, 0.50), 1),
                ["page_after_write_p95_ms"] = Math.Round(Percentile(afterWrite, 0.95), 1),
                ["peak_rss_mb"] = SurgeBenchmark.PeakRssMb(portal.Id),
                ["generate_s"] = Math.Round(meta.GenerateSeconds, 1),
                ["generate_cached"] = reused,
                ["rebuild_facts_s"] = Math.Round(rebuild, 1),
                ["rebuild_cached"] = factsCached,
            };
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            if (portal is { HasExited: false })
            {
                portal.Kill(entireProcessTree: true);
                await portal.WaitForExitAsync();
            }
            SqliteConnection.ClearAllPools();
            try
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Migrates and seeds a new file as the portal's first start does, adds the bench accounts, then generates.</summary>
    private static async Task<Cached> GenerateAsync(string cacheDb, int activities, TextWriter log)
    {
        var temporary = cacheDb + ".partial";
        foreach (var file in new[] { temporary, temporary + "-wal", temporary + "-shm" })
        {
            File.Delete(file);
        }
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={temporary}");
        var watch = Stopwatch.StartNew();
        string chamberUserId;
        await using (var db = Create(settings))
        {
            await db.Database.MigrateAsync();
            await new CatalogSeeder(db).SeedAsync();
            await new SchemeSeeder(db, TimeProvider.System).SeedAsync();
            await new SubsidySeeder(db, TimeProvider.System).SeedAsync();
            await new ReferenceDataSeeder(db).SeedAsync();
            foreach (var role in Roles.All)
            {
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
            }
            await db.SaveChangesAsync();
            await StaffAsync(db, MetroEmail, "東京都 ベンチ職員", Roles.MetroOfficial, null);
            chamberUserId = await StaffAsync(db, ChamberEmail, "商工会議所 ベンチ職員", Roles.ChamberStaff, "HQ");
        }
        SqliteConnection.ClearAllPools();
        var seed = watch.Elapsed.TotalSeconds;
        log.WriteLine($"migrated and seeded in {seed:F1} s; generating for {activities:N0} activities");
        watch.Restart();
        var generator = new DashboardDataGenerator(temporary, activities, chamberUserId);
        await generator.GenerateAsync(log);
        var generate = watch.Elapsed.TotalSeconds;
        log.WriteLine($"generated in {generate:F1} s");
        SqliteConnection.ClearAllPools();
        File.Move(temporary, cacheDb, overwrite: true);
        return new Cached(activities, generator.Companies, generator.Entries, generator.Applications, generator.Referrals, generate, seed);
    }

    /// <summary>A staff account with two-factor sign-in set up with the demo authenticator key, as the demo accounts have.</summary>
    private static async Task<string> StaffAsync(AppDbContext db, string email, string name, string role, string? branch)
    {
        var user = new AppUser
        {
            Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), DisplayName = name,
            CreatedAt = DateTime.UtcNow, TwoFactorEnabled = true, LockoutEnabled = true, ChamberBranchCode = branch,
        };
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, Password);
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = IdentitySeeder.DemoAuthenticatorKey });
        await db.SaveChangesAsync();
        return user.Id;
    }

    // ---------------------------------------------------------------- check

    /// <summary>Reads each year with <see cref="DashboardReader"/> and compares a handful of its figures with SQL counts on the records.</summary>
    private static async Task<int> CheckAsync(DatabaseSettings settings, string database, TextWriter log)
    {
        var mismatches = 0;
        await using var db = Create(settings);
        var reader = new DashboardReader(db, new DashboardFacts(db), TimeProvider.System, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()));
        for (var year = DashboardDataGenerator.FirstYear; year <= DashboardDataGenerator.LastYear; year++)
        {
            var data = await reader.ReadAsync(year);
            var (first, last) = DashboardRules.DaysOf(year);
            var from = DashboardDataGenerator.Utc(JapanTime.FiscalYearStartUtc(year));
            var to = DashboardDataGenerator.Utc(JapanTime.FiscalYearEndUtc(year));
            var days = $"Date >= '{DashboardDataGenerator.Day(first)}' AND Date <= '{DashboardDataGenerator.Day(last)}'";
            var asOf = DashboardDataGenerator.Day(data.Stock.AsOf);
            var checks = new List<(string Name, long Dashboard, string Sql)>
            {
                ("activities", data.Sum(Families.Outreach, Metrics.Activities), $"SELECT COUNT(*) FROM OutreachActivities WHERE {days}"),
                ("reach", data.Sum(Families.Outreach, Metrics.Reach), $"SELECT COALESCE(SUM(Reach), 0) FROM OutreachActivities WHERE {days}"),
                ("activities by advisor handout", data.By(Families.Outreach, Metrics.Activities, Dims.Channel).GetValueOrDefault("3"),
                    $"SELECT COUNT(*) FROM OutreachActivities WHERE {days} AND Channel = 3"),
                ("activities for TELEWORK", data.Sum(Families.Outreach, Metrics.Activities, area: "TELEWORK"),
                    $"SELECT COUNT(*) FROM OutreachActivities a WHERE {days} AND EXISTS (SELECT 1 FROM OutreachActivityMeasures x JOIN Measures m ON m.Id = x.MeasureId JOIN ProgramAreas p ON p.Id = m.AreaId WHERE x.ActivityId = a.Id AND p.Code = 'TELEWORK')"),
                ("activities in March", data.Sum(Families.Outreach, Metrics.Activities, month: 3),
                    $"SELECT COUNT(*) FROM OutreachActivities WHERE Date >= '{year + 1}-03-01' AND Date <= '{year + 1}-03-31'"),
                ("referrals made", data.Sum(Families.Referrals, Metrics.ReferralsMade), $"SELECT COUNT(*) FROM Referrals WHERE ReferredAt >= '{from}' AND ReferredAt < '{to}'"),
                ("referrals converted", data.Sum(Families.Referrals, Metrics.ReferralsConverted),
                    $"SELECT COUNT(*) FROM Referrals WHERE ReferredAt >= '{from}' AND ReferredAt < '{to}' AND ConvertedAt IS NOT NULL"),
                ("referrals from Shinjuku companies", data.By(Families.Referrals, Metrics.ReferralsMade, Dims.Municipality).GetValueOrDefault("131041"),
                    $"SELECT COUNT(*) FROM Referrals r JOIN Companies c ON c.Id = r.CompanyId WHERE ReferredAt >= '{from}' AND ReferredAt < '{to}' AND c.MunicipalityCode = '131041'"),
                ("scheme entries submitted", data.Sum(Families.Entries, Metrics.Submitted),
                    $"SELECT COUNT(*) FROM SchemeEntries WHERE FirstSubmittedAt >= '{from}' AND FirstSubmittedAt < '{to}' AND Status <> 1"),
                ("scheme entries accepted", data.Sum(Families.Entries, Metrics.Accepted),
                    $"SELECT COUNT(*) FROM SchemeEntries WHERE FirstSubmittedAt >= '{from}' AND FirstSubmittedAt < '{to}' AND Status IN (4, 7)"),
                ("scheme entries of small enterprises", data.By(Families.Entries, Metrics.Submitted, Dims.Size).GetValueOrDefault("1"),
                    $"SELECT COUNT(*) FROM SchemeEntries e JOIN Companies c ON c.Id = e.CompanyId WHERE FirstSubmittedAt >= '{from}' AND FirstSubmittedAt < '{to}' AND Status <> 1 AND c.SizeBand = 1"),
                ("subsidy applications", data.Sum(Families.Subsidies, Metrics.Applications),
                    $"SELECT COUNT(*) FROM SubsidyApplications a JOIN SubsidyWindows w ON w.Id = a.WindowId WHERE w.FiscalYear = {year} AND a.SubmittedAt IS NOT NULL AND a.Status NOT IN (1, 7)"),
                ("subsidies granted", data.Sum(Families.Subsidies, Metrics.Granted),
                    $"SELECT COUNT(*) FROM SubsidyApplications a JOIN SubsidyWindows w ON w.Id = a.WindowId WHERE w.FiscalYear = {year} AND a.SubmittedAt IS NOT NULL AND a.Status IN (5, 8, 9, 10)"),
                ("subsidies granted, yen", data.Sum(Families.Subsidies, Metrics.GrantedYen),
                    $"SELECT COALESCE(SUM(GrantedYen), 0) FROM SubsidyApplications a JOIN SubsidyWindows w ON w.Id = a.WindowId WHERE w.FiscalYear = {year} AND a.SubmittedAt IS NOT NULL AND a.Status IN (5, 8, 9, 10)"),
                ("entries in force", data.Stock.InForce.Values.Sum(),
                    $"SELECT COUNT(*) FROM SchemeEntries WHERE Status = 4 AND ValidFrom <= '{asOf}' AND (ValidUntil IS NULL OR ValidUntil >= '{asOf}')"),
            };
            foreach (var (name, dashboard, sql) in checks)
            {
                var expected = await CountAsync(database, sql);
                if (expected != dashboard)
                {
                    mismatches++;
                    log.WriteLine($"MISMATCH FY{year} {name}: dashboard {dashboard}, records {expected}");
                }
                else if (year == Year)
                {
                    log.WriteLine($"  FY{year} {name}: {dashboard:N0}");
                }
            }
        }
        return mismatches;
    }

    /// <summary>
    /// In-process, without HTTP or Razor: how long reading a year takes (<see cref="DashboardReader.ReadAsync"/>: the
    /// refresh check, the facts query, windows, stock, sources), the refresh check alone, and summing the read facts
    /// the way the Metro page's tables do (eight figures per area, per measure and per month).
    /// </summary>
    private static async Task ProfileAsync(DatabaseSettings settings, TextWriter log)
    {
        await using var db = Create(settings);
        var facts = new DashboardFacts(db);
        var reader = new DashboardReader(db, facts, TimeProvider.System, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()));
        var data = await reader.ReadAsync(Year);
        var read = await TimesAsync(async () => await reader.ReadAsync(Year));
        var refresh = await TimesAsync(async () => await facts.RefreshAsync());
        // One month of outreach recomputed (what a reader pays after an activity of that month changed), then the year read again.
        var recompute = await TimesAsync(async () => await facts.RecomputeAsync(Families.Outreach, Year * 100 + 6), runs: 5);
        var reread = await TimesAsync(async () =>
        {
            db.DashboardDirtyMarks.Add(new DashboardDirtyMark { Family = Families.Outreach, Bucket = Year * 100 + 6 });
            await db.SaveChangesAsync();
            await reader.ReadAsync(Year);
        }, runs: 5);
        log.WriteLine($"profile: recompute one outreach month p50 {recompute.P50:F1} ms; mark, refresh and read the year p50 {reread.P50:F1} ms");
        var keys = data.Facts.Select(f => f.MeasureKey).Where(k => k != "").Distinct().ToList();
        var areas = data.Facts.Select(f => f.AreaCode).Where(a => a != "").Distinct().ToList();
        var sums = await TimesAsync(() =>
        {
            var scopes = new List<(string? Area, string? Measure)> { (null, null) };
            scopes.AddRange(keys.Select(k => ((string?)null, (string?)k)));
            scopes.AddRange(areas.Select(a => ((string?)a, (string?)null)));
            foreach (var scope in scopes)
            {
                foreach (var (family, metric) in new[] { (Families.Entries, Metrics.Submitted), (Families.Entries, Metrics.Accepted), (Families.Subsidies, Metrics.Applications),
                    (Families.Subsidies, Metrics.GrantedYen), (Families.Outreach, Metrics.Activities), (Families.Outreach, Metrics.Reach),
                    (Families.Referrals, Metrics.ReferralsMade), (Families.Referrals, Metrics.ReferralsConverted) })
                {
                    data.Sum(family, metric, scope.Area, scope.Measure);
                }
            }
            return Task.CompletedTask;
        });
        log.WriteLine($"profile: ReadAsync({Year}) p50 {read.P50:F1} ms p95 {read.P95:F1} ms, {data.Facts.Count} summed fact rows; RefreshAsync (nothing dirty) p50 {refresh.P50:F2} ms; "
            + $"{(keys.Count + areas.Count + 1) * 8} Sum calls p50 {sums.P50:F1} ms");
    }

    private static async Task<(double P50, double P95)> TimesAsync(Func<Task> work, int runs = 30)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (Percentile(times, 0.5), Percentile(times, 0.95));
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------- HTTP

    /// <summary>Times one GET and checks it: 200, and the page or file holds what it should.</summary>
    private static async Task<double> TimedGetAsync(Browser browser, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        var body = await response.Content.ReadAsStringAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }
        var ok = path.Contains("/export/", StringComparison.Ordinal)
            ? response.Content.Headers.ContentType?.MediaType == "text/csv" && body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= (path.Contains("municipalities", StringComparison.Ordinal) ? 60 : 5)
            : body.Contains("data-testid=\"dashboard-scope\"", StringComparison.Ordinal) && body.Contains("分野別の概要", StringComparison.Ordinal)
              && (!path.Contains("compare", StringComparison.Ordinal) || body.Contains("前年度との比較", StringComparison.Ordinal));
        if (!ok)
        {
            throw new InvalidOperationException($"GET {path}: not the expected content ({body.Length} characters)");
        }
        return ms;
    }

    /// <summary>
    /// CPU time the process has used so far (user + system, from /proc), in ms. Divided by the requests it answered,
    /// it is the portal's cost of one request, which a machine shared with other work does not inflate as it does
    /// the wall-clock latencies.
    /// </summary>
    private static double ProcessCpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of proc(5) (utime, stime), in clock ticks of 10 ms.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <summary>Copies a SQLite file with its write-ahead log, if one was left.</summary>
    private static void CopyDatabase(string from, string to)
    {
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(to + suffix);
        }
        File.Copy(from, to, overwrite: true);
        if (File.Exists(from + "-wal"))
        {
            File.Copy(from + "-wal", to + "-wal");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static AppDbContext Create(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        return new AppDbContext(options.Options);
    }

    /// <summary>One signed-in browser: its cookies, the login form with its antiforgery token, the two-factor step.</summary>
    private sealed partial class Browser(Uri baseUri)
    {
        private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
        private readonly Dictionary<string, string> _cookies = [];

        public async Task SignInAsync(string email, string password, string authenticatorKey)
        {
            var login = await GetTextAsync("/account/login");
            var first = await PostAsync("/account/login", [new("Email", email), new("Password", password), new(TokenField, Token(login))]);
            var next = first.Headers.Location?.OriginalString ?? "";
            if (!next.StartsWith("/account/login-2fa", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"sign-in: expected the two-factor step, got {(int)first.StatusCode} {next}");
            }
            var step = await GetTextAsync(next);
            var second = await PostAsync("/account/login-2fa", [new("Code", TotpCode(authenticatorKey)), new("UseRecoveryCode", "false"), new(TokenField, Token(step))]);
            if (second.Headers.Location?.OriginalString != "/me")
            {
                throw new InvalidOperationException($"two-factor sign-in failed: {(int)second.StatusCode}");
            }
        }

        private async Task<string> GetTextAsync(string path)
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
            return await response.Content.ReadAsStringAsync();
        }

        private Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await _http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    var pair = cookie.Split(';', 2)[0];
                    var eq = pair.IndexOf('=');
                    _cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            }
            return response;
        }

        private const string TokenField = "__RequestVerificationToken";

        private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenPattern();
    }

    /// <summary>RFC 6238 (HMAC-SHA1, 30 s, 6 digits), as tests/Partnership.TestKit/Totp.cs and an authenticator app compute it.</summary>
    private static string TotpCode(string base32Key)
    {
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                key.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        var hash = HMACSHA1.HashData(key.ToArray(), message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}
