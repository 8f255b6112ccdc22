using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;

namespace Partnership.Bench;

/// <summary>
/// The opening minutes of a first-come-first-served subsidy window, over real HTTP. Seeds N companies with
/// users into a fresh SQLite file, starts the portal (Release build) on a loopback port or targets --url,
/// signs every applicant in and prepares its draft with a document (not timed), opens the window, then has
/// every applicant submit through the same form and antiforgery token a browser uses. Counts lost,
/// duplicate, overspent, gapped and out-of-order receipts from the database afterwards, not from what the
/// clients saw. Modes: surge (arrivals spread at random over --spread seconds) and saturate (--clients
/// concurrent clients as fast as the portal answers, then the same writes against a minimal floor server).
/// On PostgreSQL (<c>--provider postgresql --connection ...</c>, a fresh database created and dropped on that
/// server) it can start several portal nodes on the one database (<c>--nodes 2</c>, every request sent to the
/// next node in turn, as a round-robin proxy would) and SIGKILL one of them mid-surge and start it again
/// (<c>--kill-one-at 30</c>); clients retry on connection errors as browsers would, re-sending the same form.
/// </summary>
public static partial class SurgeBenchmark
{
    public const long AmountYen = 100_000;
    private const string Password = "bench-pass-2468";
    // A one-page PDF with a correct cross-reference table: the portal's upload check parses what it receives and
    // refuses bytes that only start with "%PDF".
    private static readonly byte[] Pdf = PlainPdf();

    public sealed record Applicant(int Index, int CompanyId, string Email)
    {
        public Dictionary<string, string> Cookies { get; } = [];
        public int ApplicationId { get; set; }
        public string Token { get; set; } = "";
        public string Version { get; set; } = "";
    }

    /// <summary>The portal nodes requests go to, in turn; a killed node is restarted on the same address.</summary>
    private static Uri[] _nodes = [];
    private static int _nextNode = -1;
    private static int _retries;

    public static async Task<int> RunAsync(string mode, string[] args)
    {
        var applicants = Option(args, "--applicants", mode == "saturate" ? 2000 : 5000);
        var provider = (Text(args, "--provider") ?? "sqlite").ToLowerInvariant();
        var serverConnection = Text(args, "--connection");
        var nodeCount = Option(args, "--nodes", 1);
        var killAt = Option(args, "--kill-one-at", 0);
        if (provider is not ("sqlite" or "postgresql") || (provider == "postgresql" && serverConnection is null) || (nodeCount > 1 && provider != "postgresql"))
        {
            Console.Error.WriteLine("--provider sqlite|postgresql; postgresql needs --connection; --nodes > 1 needs postgresql");
            return 2;
        }
        var clients = Option(args, "--clients", 64);
        var spread = Option(args, "--spread", 60);
        var url = Text(args, "--url");
        var budgetShare = Option(args, "--budget-percent", 33);
        // Saturate measures the steady state: the portal and the floor each first serve this many submissions (not
        // timed, not counted), as a portal that has been up for a while has. They come in rounds, each into a window
        // of its own whose budget is the same share as the measured window's, so that the accepted and the refused
        // path both run in every round, with a pause after each: the runtime compiles a method first without
        // optimisation, counts its calls only once no new method has been compiled for a moment, and then takes two
        // more steps (an instrumented and an optimised compilation) that each need calls. One burst followed by an
        // idle pause left the submission's own code unoptimised when the clock started (docs/benchmarks.md,
        // saturate, "How to measure").
        var warmup = Option(args, "--warmup", mode == "saturate" ? 600 : 0);
        var floorRuns = Math.Max(1, Option(args, "--floor-runs", 3));
        var dir = Path.Combine(Path.GetTempPath(), "partnership-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var log = Console.Error;
        var portals = new List<Process>();
        DatabaseSettings? database = null;
        try
        {
            database = provider == "postgresql"
                ? new DatabaseSettings(DatabaseProvider.PostgreSql, await CreatePostgreSqlDatabaseAsync(serverConnection!))
                : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "portal", "partnership.db")}");
            var budget = applicants * budgetShare / 100 * AmountYen;
            var warmRounds = warmup > 0 ? WarmRounds : 0;
            var warmBudget = warmup / Math.Max(1, warmRounds) * budgetShare / 100 * AmountYen;
            var watch = Stopwatch.StartNew();
            var (windowId, warmWindowIds, everyone) = await SeedAsync(database, Path.Combine(dir, "portal"), applicants + warmup, budget, warmRounds, warmBudget);
            var warmPeople = everyone.Take(warmup).Select((p, i) => (Person: p, Round: WarmRoundOf(i, warmup))).ToList();
            var people = everyone.Skip(warmup).ToList();
            log.WriteLine($"seeded {applicants} companies in {watch.Elapsed.TotalSeconds:F1} s");
            Uri baseUri;
            var ports = new List<int>();
            if (url is null)
            {
                BuildPortal();
                for (var n = 0; n < nodeCount; n++)
                {
                    ports.Add(FreePort());
                    portals.Add(await StartPortalAsync(dir, n, ports[n], database, log));
                }
                _nodes = ports.Select(port => new Uri($"http://127.0.0.1:{port}")).ToArray();
                baseUri = _nodes[0];
            }
            else
            {
                baseUri = new Uri(url);
                _nodes = [baseUri];
            }
            using var handler = new SocketsHttpHandler
            {
                UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = Math.Max(clients, 256), PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            };
            using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
            if (url is null)
            {
                BehindProxy(http);
            }

            watch.Restart();
            await ParallelAsync(warmPeople, 16, w => PrepareAsync(http, w.Person, warmWindowIds[w.Round]));
            await ParallelAsync(people, 16, p => PrepareAsync(http, p, windowId));
            log.WriteLine($"signed in and prepared {applicants} drafts in {watch.Elapsed.TotalSeconds:F1} s");
            if (warmup > 0)
            {
                for (var round = 0; round < warmRounds; round++)
                {
                    var warmClock = Stopwatch.StartNew();
                    await ParallelAsync(warmPeople.Where(w => w.Round == round).Select(w => w.Person), clients, p => SubmitAsync(http, p, followRedirect: false, warmClock));
                    // Let the runtime start counting calls, and compile in the background what the round made hot.
                    await Task.Delay(WarmPause);
                }
                log.WriteLine($"warmed up with {warmup} submissions in {warmRounds} rounds into windows {string.Join(", ", warmWindowIds)}");
            }
            await OpenWindowAsync(database, windowId);
            _retries = 0;
            var killed = 0.0;
            Task killer = Task.CompletedTask;
            if (killAt > 0 && portals.Count > 0)
            {
                // SIGKILL the first node mid-surge (no clean shutdown: leases and requests in flight are cut), then start it again on its address.
                killer = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(killAt));
                    portals[0].Kill(entireProcessTree: true);
                    await portals[0].WaitForExitAsync();
                    killed = killAt;
                    log.WriteLine($"killed node 0 at {killAt} s");
                    portals[0] = await StartPortalAsync(dir, 0, ports[0], database, log);
                    log.WriteLine("node 0 restarted");
                });
            }

            var outcomes = new ConcurrentBag<Submission>();
            // CPU time of the portal processes and of this one (the clients) over the timed part: steadier than the
            // throughput on a shared machine, and it says which side the time went to.
            var portalCpu = PortalCpu(portals);
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            if (mode == "surge")
            {
                var random = new Random(2021);
                var arrivals = people.Select(p => (Person: p, At: TimeSpan.FromSeconds(random.NextDouble() * spread))).OrderBy(a => a.At).ToList();
                var clock = Stopwatch.StartNew();
                var tasks = arrivals.Select(async a =>
                {
                    var wait = a.At - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }
                    outcomes.Add(await SubmitAsync(http, a.Person, followRedirect: true, clock));
                });
                await Task.WhenAll(tasks);
            }
            else
            {
                var clock = Stopwatch.StartNew();
                await ParallelAsync(people, clients, async p => outcomes.Add(await SubmitAsync(http, p, followRedirect: false, clock)));
            }
            var elapsed = watch.Elapsed.TotalSeconds;
            portalCpu = PortalCpu(portals) - portalCpu;
            clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
            await killer;
            var peakRss = portals.Count == 0 ? 0 : portals.Max(p => p.HasExited ? 0 : PeakRssMb(p.Id));
            var invariants = await InvariantsAsync(database, windowId, outcomes.Where(o => o.Receipt is not null).Select(o => o.Receipt!).ToList());
            var latencies = outcomes.Select(o => o.Ms).Order().ToList();
            var csv = WriteSubmissions(mode, provider, portals.Count, outcomes);
            log.WriteLine($"every submission (arrival, latency, node, outcome): {csv}");
            var result = new Dictionary<string, object>
            {
                ["mode"] = mode,
                ["provider"] = provider,
                ["nodes"] = Math.Max(1, portals.Count),
                ["killed_at_s"] = killed,
                ["retries"] = _retries,
                ["applicants"] = applicants,
                ["accepted"] = outcomes.Count(o => o.Kind == "accepted"),
                ["refused"] = outcomes.Count(o => o.Kind == "refused"),
                ["errors"] = outcomes.Count(o => o.Kind == "error"),
                ["lost"] = invariants.Lost,
                ["duplicates"] = invariants.Duplicates,
                ["overspend_yen"] = invariants.OverspendYen,
                ["receipt_gaps"] = invariants.Gaps,
                ["order_violations"] = invariants.OrderViolations,
                ["throughput_per_s"] = Math.Round(applicants / elapsed, 1),
                ["p50_ms"] = Math.Round(Percentile(latencies, 0.50), 1),
                ["p95_ms"] = Math.Round(Percentile(latencies, 0.95), 1),
                ["p99_ms"] = Math.Round(Percentile(latencies, 0.99), 1),
                ["peak_rss_mb"] = peakRss,
                ["portal_cpu_ms_per_submission"] = Math.Round(portalCpu.TotalMilliseconds / applicants, 3),
                ["client_cpu_ms_per_submission"] = Math.Round(clientCpu.TotalMilliseconds / applicants, 3),
            };
            if (mode == "saturate")
            {
                // Each floor serves the same submissions in a fraction of a second, so one run of it varies much more
                // than the portal's: it runs --floor-runs times (a fresh database each) and the median counts.
                var floors = new List<(double Throughput, TimeSpan Cpu)>();
                var secureds = new List<(double Throughput, TimeSpan Cpu)>();
                for (var run = 0; run < floorRuns; run++)
                {
                    // On the portal's database: a SQLite file of its own, or a database of its own on the same server.
                    floors.Add(await FloorServer.RunAsync(dir, applicants, clients, budget, warmup, warmRounds, warmBudget, run: run, postgreSql: provider == "postgresql" ? serverConnection : null));
                    // The same floor behind what signed-in forms require before any write (cookie authentication, the
                    // company named in it, antiforgery, the posted form, a redirect): how much of the gap is that.
                    secureds.Add(await FloorServer.RunAsync(dir, applicants, clients, budget, warmup, warmRounds, warmBudget, secured: true, run: run, postgreSql: provider == "postgresql" ? serverConnection : null));
                }
                var (floor, floorCpu) = Median(floors);
                var (secured, securedCpu) = Median(secureds);
                result["warmup"] = warmup;
                result["clients"] = clients;
                result["floor_runs"] = floorRuns;
                result["floor_throughput_per_s"] = Math.Round(floor, 1);
                result["floor_throughput_each_run_per_s"] = floors.Select(f => Math.Round(f.Throughput, 1)).ToArray();
                // The floor serves in this process: its figure is server and clients together.
                result["floor_cpu_ms_per_submission_with_clients"] = Math.Round(floorCpu.TotalMilliseconds / applicants, 3);
                result["ratio"] = Math.Round(applicants / elapsed / floor, 2);
                result["secured_floor_throughput_per_s"] = Math.Round(secured, 1);
                result["secured_floor_throughput_each_run_per_s"] = secureds.Select(f => Math.Round(f.Throughput, 1)).ToArray();
                result["secured_floor_cpu_ms_per_submission_with_clients"] = Math.Round(securedCpu.TotalMilliseconds / applicants, 3);
                result["secured_floor_ratio"] = Math.Round(secured / floor, 2);
                result["ratio_to_secured_floor"] = Math.Round(applicants / elapsed / secured, 2);
            }
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            foreach (var portal in portals.Where(p => !p.HasExited))
            {
                portal.Kill(entireProcessTree: true);
                await portal.WaitForExitAsync();
            }
            SqliteConnection.ClearAllPools();
            if (database is { Provider: DatabaseProvider.PostgreSql })
            {
                await DropPostgreSqlDatabaseAsync(serverConnection!, database.ConnectionString);
            }
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    internal static async Task<string> CreatePostgreSqlDatabaseAsync(string server)
    {
        var name = "partnership_bench_" + Guid.NewGuid().ToString("N");
        await using var connection = new Npgsql.NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    internal static async Task DropPostgreSqlDatabaseAsync(string server, string database)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(server);
        await connection.OpenAsync();
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database;
        await using var command = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private const string BenchCertificatePassword = "bench-cert-pass";
    private static readonly Lock CertificateLock = new();

    /// <summary>A self-signed certificate for the Data Protection keys, one per run folder (every node reads the same keys).</summary>
    private static string BenchCertificate(string dir)
    {
        var path = Path.Combine(dir, "dataprotection.pfx");
        lock (CertificateLock)
        {
            if (!File.Exists(path))
            {
                using var rsa = System.Security.Cryptography.RSA.Create(2048);
                var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=bench data protection", rsa,
                    System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, BenchCertificatePassword));
            }
        }
        return path;
    }

    /// <summary>The warm-up's rounds and the pause after each (see the comment on <c>--warmup</c>).</summary>
    internal const int WarmRounds = 3;
    internal static readonly TimeSpan WarmPause = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The portal runs as in production behind a TLS-terminating reverse proxy; the clients speak for that proxy
    /// (loopback is a trusted one), so the portal sees HTTPS: secure cookies, no redirect to https.
    /// </summary>
    private static void BehindProxy(HttpClient client) => client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

    /// <summary>The run of median throughput (the upper middle one of an even count).</summary>
    private static (double Throughput, TimeSpan Cpu) Median(List<(double Throughput, TimeSpan Cpu)> runs) =>
        runs.OrderBy(r => r.Throughput).ElementAt(runs.Count / 2);

    /// <summary>The round of warm-up submission k (counted from 0), for the portal's warm-up and the floor's alike.</summary>
    internal static int WarmRoundOf(int k, int warmup) => k * WarmRounds / warmup;

    private static async Task<(int WindowId, List<int> WarmWindowIds, List<Applicant> People)> SeedAsync(DatabaseSettings settings, string folder, int count, long budget, int warmRounds, long warmBudget)
    {
        Directory.CreateDirectory(folder);
        await using (var db = Create(settings))
        {
            await db.Database.MigrateAsync();
            await new CatalogSeeder(db).SeedAsync();
            await new ReferenceDataSeeder(db).SeedAsync();
            await new SchemeSeeder(db, TimeProvider.System).SeedAsync();
            await new SubsidySeeder(db, TimeProvider.System).SeedAsync();
            foreach (var role in Roles.All)
            {
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
            }
            await db.SaveChangesAsync();
        }
        // One real hash for every bench account: each sign-in still verifies it the full way.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var people = new List<Applicant>();
        await using (var db = Create(settings))
        {
            var roleId = await db.Roles.Where(r => r.Name == Roles.Company).Select(r => r.Id).SingleAsync();
            var municipalities = await db.Municipalities.Select(m => new { m.Code, m.NameJa }).ToListAsync();
            for (var start = 0; start < count; start += 1000)
            {
                var batch = new List<(AppUser User, Company Company)>();
                for (var i = start; i < Math.Min(count, start + 1000); i++)
                {
                    var email = $"applicant{i:D5}@bench.example.jp";
                    var user = new AppUser
                    {
                        Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                        EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), DisplayName = $"申請者{i}",
                        CreatedAt = DateTime.UtcNow,
                    };
                    var m = municipalities[i % municipalities.Count];
                    var company = new Company
                    {
                        Name = $"ベンチ{i:D5}株式会社", NameKana = $"ベンチ{i}", PostalCode = "163-8001", Prefecture = "東京都", MunicipalityCode = m.Code, CityName = m.NameJa,
                        Street = "西新宿2-8-1", Phone = "03-5320-0001", IndustryCode = "I", SmeCategory = SmeCategory.Wholesale, CapitalYen = 10_000_000, RegularEmployees = 10 + i % 80,
                        ContactName = "担当",
                    };
                    company.ApplySizeRule();
                    company.Members.Add(new CompanyMember { UserId = user.Id, IsOwner = true, JoinedAt = DateTime.UtcNow });
                    db.Users.Add(user);
                    db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
                    db.Companies.Add(company);
                    batch.Add((user, company));
                }
                await db.SaveChangesAsync();
                people.AddRange(batch.Select((b, n) => new Applicant(start + n, b.Company.Id, b.User.Email!)));
                db.ChangeTracker.Clear();
            }
            var program = await db.SubsidyPrograms.SingleAsync(p => p.Code == "TELEWORK-EQUIP");
            var now = DateTime.UtcNow;
            var window = new SubsidyWindow
            {
                ReceiptCode = SubsidyWindow.ReceiptCodeFor(JapanTime.FiscalYearOf(now), program.ReceiptCode, 1), ProgramId = program.Id, FiscalYear = JapanTime.FiscalYearOf(now),
                OpensAt = now.AddDays(1), ClosesAt = now.AddDays(30), BudgetYen = budget, CapYen = 1_500_000, RateNumerator = 1, RateDenominator = 2, Allotment = Allotment.FirstCome,
                RequiredDocuments = [new("doc1", "見積書", "Quotation")],
            };
            // The warm-up windows, one per round: open already, each budget the same share of its round as the measured window's.
            var warm = Enumerable.Range(0, warmRounds).Select(round => new SubsidyWindow
            {
                ReceiptCode = SubsidyWindow.ReceiptCodeFor(JapanTime.FiscalYearOf(now), program.ReceiptCode, 2 + round), ProgramId = program.Id, FiscalYear = JapanTime.FiscalYearOf(now),
                OpensAt = now.AddMinutes(-1), ClosesAt = now.AddDays(30), BudgetYen = Math.Max(warmBudget, AmountYen), CapYen = 1_500_000, RateNumerator = 1, RateDenominator = 2,
                Allotment = Allotment.FirstCome, RequiredDocuments = [new("doc1", "見積書", "Quotation")],
            }).ToList();
            db.SubsidyWindows.Add(window);
            db.SubsidyWindows.AddRange(warm);
            await db.SaveChangesAsync();
            return (window.Id, warm.Select(w => w.Id).ToList(), people);
        }
    }

    private static AppDbContext Create(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        return new AppDbContext(options.Options);
    }

    /// <summary>One portal on SQLite for the other benchmarks (the dashboard): built, started on a free loopback port, data in dir/portal.</summary>
    internal static async Task<(Process, Uri)> StartSqlitePortalAsync(string dir, TextWriter log)
    {
        BuildPortal();
        var port = FreePort();
        var process = await StartPortalAsync(dir, 0, port, new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "portal", "partnership.db")}"), log);
        return (process, new Uri($"http://127.0.0.1:{port}"));
    }

    private static void BuildPortal()
    {
        var build = Process.Start(new ProcessStartInfo("dotnet", "build -c Release src/Partnership.Web --nologo -v q") { WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true })!;
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("The portal did not build.");
        }
    }

    /// <summary>
    /// A portal node as production runs it (Production environment, behind a TLS-terminating proxy that the clients
    /// speak for, on loopback HTTP): Release build, a data folder of its own (logs; the SQLite file for node 0), the
    /// documents folder shared by every node, the database given.
    /// </summary>
    private static async Task<Process> StartPortalAsync(string dir, int node, int port, DatabaseSettings database, TextWriter log)
    {
        var root = RepositoryRoot();
        var dataDirectory = node == 0 ? Path.Combine(dir, "portal") : Path.Combine(dir, $"portal{node}");
        var info = new ProcessStartInfo("dotnet", Path.Combine(root, "src", "Partnership.Web", "bin", "Release", "net10.0", "Partnership.Web.dll"))
        {
            WorkingDirectory = Path.Combine(root, "src", "Partnership.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Portal__DataDirectory"] = dataDirectory;
        info.Environment["Documents__Path"] = Path.Combine(dir, "documents");
        info.Environment["Portal__NodeName"] = $"bench-node{node}-{Guid.NewGuid().ToString("N")[..6]}";
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            info.Environment["Database__Provider"] = "PostgreSql";
            // Each node names itself to the server, so that pg_stat_activity tells the nodes' sessions apart.
            info.Environment["ConnectionStrings__PostgreSql"] = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = $"bench-node{node}" }.ConnectionString;
        }
        info.Environment["Demo__Enabled"] = "false";
        // What Production requires (docs/adr/0062, 0064): the public base URL, the clients' proxy named as trusted (loopback
        // is not trusted by default), and the certificate the Data Protection keys are encrypted with.
        info.Environment["Portal__PublicBaseUrl"] = $"https://127.0.0.1:{port}";
        info.Environment["Portal__TrustedProxies"] = "127.0.0.1";
        info.Environment["DataProtection__Certificate__Path"] = BenchCertificate(dir);
        info.Environment["DataProtection__Certificate__Password"] = BenchCertificatePassword;
        info.Environment["RateLimits__Auth__PermitLimit"] = "1000000";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // BENCH_PORTAL_<NAME>=value reaches the portal (not the clients or the floor) as <NAME>=value: runtime or
        // portal settings tried on the portal alone, e.g. BENCH_PORTAL_DOTNET_gcServer=0.
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, e.Value as string)).Where(e => e.Item1.StartsWith("BENCH_PORTAL_", StringComparison.Ordinal)))
        {
            info.Environment[name["BENCH_PORTAL_".Length..]] = value;
        }
        var process = Process.Start(info)!;
        // The portal logs warnings and errors only (above), to its console: they reach the bench's log, so a failed
        // request says why.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine($"portal{node}: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine($"portal{node}: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var uri = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = uri };
        BehindProxy(probe);
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The portal did not start.");
    }

    /// <summary>Not timed: sign in, open the draft, attach the quotation, read the page's token and version.</summary>
    private static async Task PrepareAsync(HttpClient http, Applicant p, int windowId)
    {
        var login = await GetAsync(http, p, "/account/login");
        var signedIn = await PostFormAsync(http, p, "/account/login", [new("Email", p.Email), new("Password", Password), new(TokenField, Token(login))]);
        if (signedIn.Headers.Location?.OriginalString != "/me")
        {
            throw new InvalidOperationException($"sign-in failed for {p.Email}: {(int)signedIn.StatusCode}");
        }
        var windowPage = await GetAsync(http, p, $"/subsidies/windows/{windowId}");
        var applied = await PostFormAsync(http, p, $"/company/subsidies/windows/{windowId}/apply", [new(TokenField, Token(windowPage))]);
        var location = applied.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"apply failed: {(int)applied.StatusCode}");
        p.ApplicationId = int.Parse(location[(location.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var page = await GetAsync(http, p, location);
        using (var form = new MultipartFormDataContent { { new StringContent(Token(page)), TokenField }, { new StringContent("doc1"), "requirement" } })
        {
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "見積書.pdf");
            var uploaded = await SendAsync(http, p, new HttpRequestMessage(HttpMethod.Post, location + "/documents") { Content = form });
            if (uploaded.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"upload failed: {(int)uploaded.StatusCode}");
            }
        }
        page = await GetAsync(http, p, location);
        p.Token = Token(page);
        // What the browser's autosave sends while the expense lines are typed.
        var saved = await PostFormAsync(http, p, location + "/autosave", [.. Expenses, new("version", VersionPattern().Match(page).Groups[1].Value), new(TokenField, p.Token)]);
        using var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        p.Version = json.RootElement.GetProperty("version").GetString()!;
    }

    /// <summary>The submission form's expense line, as the portal's form posts it (the floor's secured run posts the same).</summary>
    internal static readonly KeyValuePair<string, string>[] Expenses =
    [
        new("Items[0].Description", "ノートパソコン"), new("Items[0].Quantity", "2"), new("Items[0].UnitPrice", AmountYen.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// One timed submission: when it started after the opening (ms), how long until the portal answered the post (ms),
    /// the node that answered it (the last one tried), and what the page said.
    /// </summary>
    private sealed record Submission(string Kind, double ArrivalMs, double Ms, int Node, string? Receipt);

    /// <summary>
    /// Every timed submission, one line each in arrival order, to artifacts/bench/surge-*.csv: whether the slow ones
    /// cluster in time (a stall) or are spread (a steady overload) shows there and not in the percentiles.
    /// </summary>
    private static string WriteSubmissions(string mode, string provider, int nodes, IEnumerable<Submission> outcomes)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{mode}-{provider}-{Math.Max(1, nodes)}n-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
        var lines = outcomes.OrderBy(o => o.ArrivalMs).Select(o => string.Create(CultureInfo.InvariantCulture,
            $"{o.ArrivalMs:F1},{o.Ms:F1},{o.Node},{o.Kind}"));
        File.WriteAllLines(path, ["arrival_ms,latency_ms,node,outcome", .. lines]);
        return path;
    }

    /// <summary>Timed: the submission as the browser posts it, with the expense lines; retried on a network error as a browser would be.</summary>
    private static async Task<Submission> SubmitAsync(HttpClient http, Applicant p, bool followRedirect, Stopwatch opening)
    {
        var path = $"/company/subsidies/applications/{p.ApplicationId}";
        KeyValuePair<string, string>[] fields = [.. Expenses, new("version", p.Version), new(TokenField, p.Token)];
        var arrival = opening.Elapsed.TotalMilliseconds;
        var watch = Stopwatch.StartNew();
        HttpResponseMessage? response = null;
        var node = 0;
        for (var attempt = 0; attempt < 10 && response is null; attempt++)
        {
            try
            {
                // The node chosen here rather than in SendAsync, so that the record says which one answered.
                node = (int)((uint)Interlocked.Increment(ref _nextNode) % Math.Max(1, _nodes.Length));
                var target = _nodes.Length > 1 ? new Uri(_nodes[node], path + "/submit").ToString() : path + "/submit";
                response = await PostFormAsync(http, p, target, fields);
            }
            catch (HttpRequestException)
            {
                // The node died under the request (or refuses connections while it restarts): the browser sends the
                // same form again, to whichever node the proxy picks next.
                Interlocked.Increment(ref _retries);
                await Task.Delay(200);
            }
        }
        var ms = watch.Elapsed.TotalMilliseconds;
        if (response?.StatusCode != HttpStatusCode.Redirect)
        {
            return new("error", arrival, ms, node, null);
        }
        if (!followRedirect)
        {
            // Saturate: as fast as the portal answers the submissions; the receipt is in the redirect's address.
            var location = response.Headers.Location?.OriginalString ?? "";
            var seen = ReceiptPattern().Match(location);
            return seen.Success ? new("accepted", arrival, ms, node, seen.Value) : new("refused", arrival, ms, node, null);
        }
        // Surge: the browser follows the redirect; the page it lands on says what happened.
        string? page = null;
        for (var attempt = 0; attempt < 10 && page is null; attempt++)
        {
            try
            {
                page = await GetAsync(http, p, path);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(200);
            }
        }
        if (page is null)
        {
            return new("error", arrival, ms, node, null);
        }
        var receipt = ReceiptPattern().Match(page);
        if (page.Contains("予算額に達したため受付を終了しました", StringComparison.Ordinal) && !receipt.Success)
        {
            return new("refused", arrival, ms, node, null);
        }
        return receipt.Success ? new("accepted", arrival, ms, node, receipt.Value) : new("error", arrival, ms, node, null);
    }

    private sealed record Invariants(int Lost, int Duplicates, long OverspendYen, int Gaps, int OrderViolations);

    private static TimeSpan PortalCpu(List<Process> portals) => portals.Where(p => !p.HasExited)
        .Aggregate(TimeSpan.Zero, (sum, p) =>
        {
            p.Refresh();
            return sum + p.TotalProcessorTime;
        });

    private static async Task<Invariants> InvariantsAsync(DatabaseSettings database, int windowId, List<string> receiptsSeen)
    {
        await using var db = Create(database);
        var rows = await db.SubsidyApplications.AsNoTracking()
            .Where(a => a.WindowId == windowId && a.ReceiptNumber != null)
            .OrderBy(a => a.ReceiptSeq)
            .Select(a => new { Number = a.ReceiptNumber!, Seq = a.ReceiptSeq ?? 0, At = a.SubmittedAt ?? DateTime.MinValue, a.CompanyId })
            .ToListAsync();
        var stored = rows.Select(r => r.Number).ToHashSet();
        var lost = receiptsSeen.Count(r => !stored.Contains(r));
        var duplicates = (rows.Count - stored.Count) + rows.GroupBy(r => r.CompanyId).Count(g => g.Count() > 1);
        var held = await db.SubsidyApplications.Where(a => a.WindowId == windowId).SumAsync(a => a.HeldYen);
        var window = await db.SubsidyWindows.AsNoTracking().SingleAsync(w => w.Id == windowId);
        var overspend = Math.Max(0, Math.Max(held, window.ReservedYen) - window.BudgetYen) + Math.Abs(held - window.ReservedYen);
        var gaps = rows.Count == 0 ? 0 : (rows[^1].Seq - rows.Count) + rows.Where((r, i) => r.Seq != i + 1).Count();
        var order = rows.Zip(rows.Skip(1)).Count(pair => pair.Second.At < pair.First.At);
        return new Invariants(lost, duplicates, overspend, gaps, order);
    }

    private static async Task OpenWindowAsync(DatabaseSettings database, int windowId)
    {
        await using var db = Create(database);
        var opens = DateTime.UtcNow.AddSeconds(-1);
        await db.SubsidyWindows.Where(w => w.Id == windowId).ExecuteUpdateAsync(s => s.SetProperty(w => w.OpensAt, opens));
    }

    internal const string TokenField = "__RequestVerificationToken";

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    private static async Task<string> GetAsync(HttpClient http, Applicant p, string path)
    {
        var response = await SendAsync(http, p, new HttpRequestMessage(HttpMethod.Get, path));
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient http, Applicant p, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(http, p, new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>One browser: its own cookies on a shared connection pool.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Applicant p, HttpRequestMessage request)
    {
        lock (p.Cookies)
        {
            if (p.Cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", p.Cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }
        if (_nodes.Length > 1 && request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            // Round robin over the nodes, request by request: no stickiness, as a proxy without sticky sessions.
            request.RequestUri = new Uri(_nodes[(int)((uint)Interlocked.Increment(ref _nextNode) % _nodes.Length)], relative);
        }
        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            lock (p.Cookies)
            {
                foreach (var cookie in cookies)
                {
                    var pair = cookie.Split(';', 2)[0];
                    var eq = pair.IndexOf('=');
                    p.Cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            }
        }
        return response;
    }

    private static async Task ParallelAsync<T>(IEnumerable<T> items, int degree, Func<T, Task> work) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree }, async (item, _) => await work(item));

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The portal process's peak resident memory (VmHWM), in MB.</summary>
    public static long PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(DigitsPattern().Match(line).Value, CultureInfo.InvariantCulture) / 1024;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Partnership.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    public static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"R\d+-TEL-\d{6}")]
    private static partial Regex ReceiptPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();
    private static byte[] PlainPdf()
    {
        string[] objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"];
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
