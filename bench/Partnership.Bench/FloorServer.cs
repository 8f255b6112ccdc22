using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Partnership.Core.Facts;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Subsidies;

namespace Partnership.Bench;

/// <summary>
/// The floor for the saturate mode: a minimal HTTP endpoint that makes the same database writes as a portal
/// submission (claim the application, reserve from the budget by a conditional update, take the next receipt
/// number, write the receipt, the history entry, its audit record, the dashboard mark and the mail) on the same
/// schema, database and settings, with no MVC, Identity, antiforgery or EF Core. The portal's throughput is reported
/// as a share of this one's. On SQLite it takes the receipt step by step in the write's one transaction, as the portal
/// does there; on PostgreSQL it sends the portal's own one-statement receipt (<see cref="SubmissionSql"/>) through a
/// gate per window, as the portal does (docs/adr/0060, 0095), then writes what follows in a transaction of its own.
/// </summary>
public static partial class FloorServer
{
    /// <param name="postgreSql">The server to create the floor's database on; SQLite (a file in the work folder) when null.</param>
    public static async Task<(double Throughput, TimeSpan Cpu)> RunAsync(string workDirectory, int applicants, int clients, long budget, int warmup = 0, int warmRounds = 0, long warmBudget = 0, bool secured = false, int run = 0, string? postgreSql = null)
    {
        var name = $"{(secured ? "secured-floor" : "floor")}-{run}";
        var settings = postgreSql is null
            ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(workDirectory, name + ".db")}")
            : new DatabaseSettings(DatabaseProvider.PostgreSql, await SurgeBenchmark.CreatePostgreSqlDatabaseAsync(postgreSql));
        try
        {
            return await RunOnAsync(settings, workDirectory, applicants, clients, budget, warmup, warmRounds, warmBudget, secured);
        }
        finally
        {
            if (postgreSql is not null)
            {
                await SurgeBenchmark.DropPostgreSqlDatabaseAsync(postgreSql, settings.ConnectionString);
            }
        }
    }

    private static async Task<(double Throughput, TimeSpan Cpu)> RunOnAsync(DatabaseSettings settings, string workDirectory, int applicants, int clients, long budget, int warmup, int warmRounds, long warmBudget, bool secured)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        string? oneStatement;
        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            // The portal's receipt statement on PostgreSQL, its {n} placeholders as positional parameters.
            oneStatement = SubmissionSql.For(db).ReserveAndClaim is { } sql ? PlaceholderPattern().Replace(sql, m => "$" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1)) : null;
        }
        await using var floor = settings.Provider == DatabaseProvider.PostgreSql
            // With the portal's statement preparation (ADR 0096), so that the floor's statements are not planned more
            // often than the portal's.
            ? (Floor)new PostgreSqlFloor(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { MaxAutoPrepare = settings.MaxAutoPrepare }.ConnectionString, oneStatement!)
            : new SqliteFloor($"{settings.ConnectionString};Foreign Keys=False;Pooling=True");
        await using (var setup = await floor.OpenAsync())
        {
            await floor.PrepareAsync(setup);
            await Exec(setup, "INSERT INTO \"SubsidyPrograms\" (\"Id\", \"Code\", \"NameJa\", \"NameEn\", \"AreaCode\", \"MeasureKey\", \"ReceiptCode\", \"Order\") VALUES (1, 'P', 'p', 'p', 'A', 'M', 'TEL', 1);");
            await Exec(setup, WindowInsert(1, budget, "R8-TEL"));
            // The warm-up windows (ids 2, 3, ...), one per round as the portal's, each budget the same share of its round.
            for (var round = 0; round < warmRounds; round++)
            {
                await Exec(setup, WindowInsert(2 + round, Math.Max(warmBudget, 100000L), $"R8-TEL{2 + round}"));
            }
            await using var transaction = await setup.BeginTransactionAsync();
            await using var insert = setup.CreateCommand();
            insert.CommandText = "INSERT INTO \"SubsidyApplications\" (\"Id\", \"WindowId\", \"CompanyId\", \"Status\", \"ExpensesJson\", \"EligibleExpensesYen\", \"RequestedYen\", \"HeldYen\", \"ReportText\", \"LiveKey\", \"Version\", \"CreatedAt\", \"UpdatedAt\") "
                + "VALUES (@id, @w, @id, 1, '[]', 200000, 100000, 0, '', @key, @v, @at, @at)";
            var id = Parameter(insert, "@id", 0);
            var window = Parameter(insert, "@w", 0);
            var key = Parameter(insert, "@key", "");
            var version = Parameter(insert, "@v", Guid.Empty);
            Parameter(insert, "@at", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            for (var i = 1; i <= applicants + warmup; i++)
            {
                id.Value = i;
                window.Value = WindowOf(i, applicants, warmup, warmRounds);
                key.Value = $"{i}:1";
                version.Value = Guid.NewGuid();
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = workDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (secured)
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            builder.Services.AddAntiforgery();
            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(workDirectory, "secured-floor-keys")));
        }
        await using var app = builder.Build();
        if (secured)
        {
            app.UseAuthentication();
        }
        // No routing, no MVC: one terminal delegate reads the id from the path.
        app.Run(async context =>
        {
            var path = context.Request.Path.Value!;
            var id = int.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
            if (secured && !await SecuredAsync(context, path, id))
            {
                return;
            }
            bool accepted;
            try
            {
                accepted = await floor.SubmitAsync(id, WindowOf(id, applicants, warmup, warmRounds));
            }
            catch (Exception e)
            {
                // The floor logs nothing else: what failed is said here, before the run stops on the 500.
                await Console.Error.WriteLineAsync($"floor: submission {id} failed: {e}");
                throw;
            }
            if (secured)
            {
                // The portal answers both outcomes with a redirect to the application's page.
                context.Response.Redirect(accepted ? $"/applications/{id}?receipt=1" : $"/applications/{id}");
                return;
            }
            context.Response.StatusCode = accepted ? StatusCodes.Status302Found : StatusCodes.Status409Conflict;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(clients, 256), UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var sessions = secured ? await SignInAllAsync(http, applicants + warmup) : null;
        for (var round = 0; round < warmRounds; round++)
        {
            await SendAllAsync(http, address, Enumerable.Range(applicants + 1, warmup).Where(i => WindowOf(i, applicants, warmup, warmRounds) == 2 + round), clients, sessions);
            await Task.Delay(SurgeBenchmark.WarmPause);
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await SendAllAsync(http, address, Enumerable.Range(1, applicants), clients, sessions);
        var throughput = applicants / watch.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await app.StopAsync();
        return (throughput, cpu);
    }

    /// <summary>
    /// The secured floor's gate: what any portal whose companies submit through signed-in forms must do on each
    /// submission before it writes, with nothing else (no MVC, Identity, EF Core, security stamp or TempData).
    /// GET /signin/{id} issues the authentication cookie (no password: sign-in is not timed), GET /form/{id} gives
    /// the form's antiforgery token; POST /submit/{id} checks the cookie, the company it names, the antiforgery
    /// cookie and field, and reads the posted form. Returns false when it has answered the request itself.
    /// </summary>
    private static async Task<bool> SecuredAsync(HttpContext context, string path, int id)
    {
        if (path.StartsWith("/signin/", StringComparison.Ordinal))
        {
            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim("company", id.ToString(CultureInfo.InvariantCulture))], CookieAuthenticationDefaults.AuthenticationScheme)));
            return false;
        }
        if (context.User.FindFirst("company")?.Value != id.ToString(CultureInfo.InvariantCulture))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (path.StartsWith("/form/", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync(antiforgery.GetAndStoreTokens(context).RequestToken!);
            return false;
        }
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }
        var form = await context.Request.ReadFormAsync();
        if (!long.TryParse(form["Items[0].UnitPrice"], NumberStyles.None, CultureInfo.InvariantCulture, out _) || !Guid.TryParse(form["version"], out _))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }
        return true;
    }

    /// <summary>Signs every company in and fetches its form (not timed): the cookies and the token each submission sends.</summary>
    private static async Task<Dictionary<int, (string Cookies, string Token)>> SignInAllAsync(HttpClient http, int count)
    {
        var sessions = new System.Collections.Concurrent.ConcurrentDictionary<int, (string, string)>();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var signIn = await http.GetAsync($"/signin/{i}");
            var auth = Cookies(signIn);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/form/{i}");
            request.Headers.Add("Cookie", auth);
            using var form = await http.SendAsync(request);
            var token = await form.Content.ReadAsStringAsync();
            sessions[i] = ($"{auth}; {Cookies(form)}", token);
        });
        return new Dictionary<int, (string, string)>(sessions);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    /// <summary>Window 1 is measured; warm-up submission k (counted from 0) goes to the window of its round, as in the portal's warm-up.</summary>
    private static int WindowOf(int id, int applicants, int warmup, int warmRounds) =>
        id <= applicants || warmRounds == 0 ? 1 : 2 + SurgeBenchmark.WarmRoundOf(id - applicants - 1, warmup);

    private static Task SendAllAsync(HttpClient http, string address, IEnumerable<int> ids, int clients, Dictionary<int, (string Cookies, string Token)>? sessions) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, _) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/submit/{i}");
            if (sessions is null)
            {
                request.Content = new FormUrlEncodedContent([new("version", Guid.NewGuid().ToString())]);
            }
            else
            {
                // The same fields as the portal's submission form.
                request.Headers.Add("Cookie", sessions[i].Cookies);
                request.Content = new FormUrlEncodedContent([
                    .. SurgeBenchmark.Expenses, new("version", Guid.NewGuid().ToString()), new(SurgeBenchmark.TokenField, sessions[i].Token)]);
            }
            using var response = await http.SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"floor: {(int)response.StatusCode} from {address}");
            }
        });

    /// <summary>The window's row as the floor inserts it (window 1 is measured; 2, 3, ... are the warm-up's).</summary>
    private static string WindowInsert(int id, long budget, string receiptCode) =>
        "INSERT INTO \"SubsidyWindows\" (\"Id\", \"ProgramId\", \"FiscalYear\", \"OpensAt\", \"ClosesAt\", \"BudgetYen\", \"CapYen\", \"RateNumerator\", \"RateDenominator\", \"Allotment\", \"WaitingList\", "
        + "\"RequireTokyo\", \"RequireSme\", \"RequiredDocumentsJson\", \"ReservedYen\", \"LastReceiptSeq\", \"Version\", \"ReceiptCode\", \"CreatedAt\", \"UpdatedAt\") "
        + string.Create(CultureInfo.InvariantCulture, $"VALUES ({id}, 1, 2026, '2026-01-01', '2030-01-01', {budget}, 1500000, 1, 2, 1, FALSE, TRUE, TRUE, '[]', 0, 0, '{Guid.NewGuid()}', '{receiptCode}', '2026-01-01', '2026-01-01');");

    private static string Receipt(int windowId, int seq) => Prefix(windowId) + seq.ToString("D6", CultureInfo.InvariantCulture);

    private static string Prefix(int windowId) =>
        string.Create(CultureInfo.InvariantCulture, $"R8-TEL{(windowId == 1 ? "" : windowId.ToString(CultureInfo.InvariantCulture))}-");

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task<int> Exec(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Parameter(command, name, value);
        }
        return await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The floor's database: how it connects and how it takes a submission.</summary>
    private abstract class Floor : IAsyncDisposable
    {
        public abstract Task<DbConnection> OpenAsync();

        /// <summary>What the database needs before the floor's rows go in.</summary>
        public abstract Task PrepareAsync(DbConnection setup);

        /// <summary>Takes the receipt and writes what follows it; false, with nothing written, when the budget is spent.</summary>
        public abstract Task<bool> SubmitAsync(int id, int windowId);

        public abstract ValueTask DisposeAsync();
    }

    /// <summary>SQLite: the receipt step by step and what follows it, in one transaction (the portal's SQLite path).</summary>
    private sealed class SqliteFloor(string connectionString) : Floor
    {
        public override async Task<DbConnection> OpenAsync()
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        }

        public override Task PrepareAsync(DbConnection setup) => Exec(setup, "PRAGMA journal_mode=WAL;");

        public override async Task<bool> SubmitAsync(int id, int windowId)
        {
            await using var connection = await OpenAsync();
            await Exec(connection, "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;");
            await using var transaction = await connection.BeginTransactionAsync();
            if (await Exec(connection, "UPDATE SubsidyApplications SET Status = 2 WHERE Id = $id AND Status = 1 AND ReceiptNumber IS NULL", ("$id", id)) == 0)
            {
                return false;
            }
            if (await Exec(connection, "UPDATE SubsidyWindows SET ReservedYen = ReservedYen + 100000, LastReceiptSeq = LastReceiptSeq + 1 WHERE Id = $w AND ReservedYen + 100000 <= BudgetYen", ("$w", windowId)) == 0)
            {
                await transaction.RollbackAsync();
                return false;
            }
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT LastReceiptSeq FROM SubsidyWindows WHERE Id = @w";
            Parameter(read, "@w", windowId);
            var seq = Convert.ToInt32(await read.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await Exec(connection, "UPDATE SubsidyApplications SET ReceiptSeq = $seq, ReceiptNumber = $r, SubmittedAt = $now, HeldYen = 100000, Version = $v WHERE Id = $id",
                ("$seq", seq), ("$r", Receipt(windowId, seq)), ("$now", now), ("$v", Guid.NewGuid().ToString()), ("$id", id));
            await Exec(connection, "INSERT INTO SubsidyEvents (ApplicationId, At, Action, Side, Detail) VALUES ($id, $now, 'submitted', 'company', $r)", ("$id", id), ("$now", now), ("$r", Receipt(windowId, seq)));
            // The history entry's audit record and the window's dashboard mark, as the portal writes them in the same transaction.
            await Exec(connection, "INSERT INTO AuditEntries (At, UserId, IpAddress, Action, EntityType, EntityId, Changes) VALUES ($now, 'u', '127.0.0.1', 'created', 'SubsidyEvent', last_insert_rowid(), '{}')", ("$now", now));
            await Exec(connection, "INSERT INTO DashboardDirtyMarks (Family, Bucket) VALUES ($f, $w)", ("$f", Families.Subsidies), ("$w", windowId));
            await Exec(connection, "INSERT INTO OutboxMessages (\"To\", Subject, BodyText, CreatedAt, Attempts, NextAttemptAt) VALUES ('a@example.jp', 'Received', $r, $now, 0, $now)", ("$r", Receipt(windowId, seq)), ("$now", now));
            await transaction.CommitAsync();
            return true;
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// PostgreSQL: the portal's one-statement receipt, one at a time per window in this process (the portal's window
    /// gate), committed on its own; then, in a transaction, the follow-up's mark cleared and the history entry, its audit
    /// record, the dashboard mark and the mail written (the portal's PostgreSQL path, docs/adr/0095).
    /// </summary>
    private sealed class PostgreSqlFloor(string connectionString, string receipt) : Floor
    {
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);
        private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();

        public override async Task<DbConnection> OpenAsync() => await _source.OpenConnectionAsync();

        /// <summary>
        /// The floor's applications name companies that are not there, as on SQLite (whose floor runs without foreign
        /// keys): the constraints to the companies and the accounts go; every other one stays.
        /// </summary>
        public override async Task PrepareAsync(DbConnection setup)
        {
            var drops = new List<string>();
            await using (var find = setup.CreateCommand())
            {
                find.CommandText = "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) FROM pg_constraint "
                    + "WHERE contype = 'f' AND confrelid IN ('\"Companies\"'::regclass, '\"AspNetUsers\"'::regclass)";
                await using var reader = await find.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    drops.Add(reader.GetString(0));
                }
            }
            foreach (var drop in drops)
            {
                await Exec(setup, drop);
            }
        }

        public override async Task<bool> SubmitAsync(int id, int windowId)
        {
            await using var connection = await _source.OpenConnectionAsync();
            var now = DateTime.UtcNow;
            int seq;
            var gate = _gates.GetOrAdd(windowId, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync();
            try
            {
                await using var command = new NpgsqlCommand(receipt, connection);
                // The statement's parameters: application, from (draft), amount, window, to (submitted), prefix, time, version.
                foreach (var value in new object[] { id, 1, 100000L, windowId, 2, Prefix(windowId), now, Guid.NewGuid() })
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                }
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                seq = reader.GetInt32(0);
                if (seq > 0)
                {
                    now = reader.GetDateTime(1);
                }
            }
            finally
            {
                gate.Release();
            }
            if (seq <= 0)
            {
                return false;
            }
            await using var transaction = await connection.BeginTransactionAsync();
            await Exec(connection, "UPDATE \"SubsidyApplications\" SET \"FollowUpPending\" = FALSE WHERE \"Id\" = @id AND \"FollowUpPending\" <> FALSE", ("@id", id));
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "WITH e AS (INSERT INTO \"SubsidyEvents\" (\"ApplicationId\", \"At\", \"Action\", \"Side\", \"Detail\") VALUES (@id, @now, 'submitted', 'company', @r) RETURNING \"Id\") "
                    + "INSERT INTO \"AuditEntries\" (\"At\", \"UserId\", \"IpAddress\", \"Action\", \"EntityType\", \"EntityId\", \"Changes\") SELECT @now, 'u', '127.0.0.1', 'created', 'SubsidyEvent', e.\"Id\"::text, '{}' FROM e";
                Parameter(insert, "@id", id);
                Parameter(insert, "@now", now);
                Parameter(insert, "@r", Receipt(windowId, seq));
                await insert.ExecuteNonQueryAsync();
            }
            await Exec(connection, "INSERT INTO \"DashboardDirtyMarks\" (\"Family\", \"Bucket\") VALUES (@f, @w)", ("@f", Families.Subsidies), ("@w", windowId));
            await Exec(connection, "INSERT INTO \"OutboxMessages\" (\"To\", \"Subject\", \"BodyText\", \"CreatedAt\", \"Attempts\", \"NextAttemptAt\") VALUES ('a@example.jp', 'Received', @r, @now, 0, @now)",
                ("@r", Receipt(windowId, seq)), ("@now", now));
            await transaction.CommitAsync();
            return true;
        }

        public override async ValueTask DisposeAsync()
        {
            await _source.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }
}
