using System.Diagnostics;
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
using Partnership.Infrastructure.Data;

namespace Partnership.Bench;

/// <summary>
/// The floor for the saturate mode: a minimal HTTP endpoint that makes the same database writes as a portal
/// submission (claim the application, reserve from the budget by a conditional update, take the next receipt
/// number, write the receipt, the history entry, its audit record, the dashboard mark and the mail) on the same
/// schema and pragmas, with no MVC,
/// Identity, antiforgery or EF Core. The portal's throughput is reported as a share of this one's.
/// </summary>
public static class FloorServer
{
    public static async Task<(double Throughput, TimeSpan Cpu)> RunAsync(string workDirectory, int applicants, int clients, long budget, int warmup = 0, int warmRounds = 0, long warmBudget = 0, bool secured = false, int run = 0)
    {
        var database = Path.Combine(workDirectory, $"{(secured ? "secured-floor" : "floor")}-{run}.db");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={database}");
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options);
        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }
        var connectionString = $"Data Source={database};Foreign Keys=False;Pooling=True";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await Exec(setup, "PRAGMA journal_mode=WAL;");
            await Exec(setup, "INSERT INTO SubsidyPrograms (Id, Code, NameJa, NameEn, AreaCode, MeasureKey, ReceiptCode, \"Order\") VALUES (1, 'P', 'p', 'p', 'A', 'M', 'TEL', 1);");
            await Exec(setup, $"INSERT INTO SubsidyWindows (Id, ProgramId, FiscalYear, OpensAt, ClosesAt, BudgetYen, CapYen, RateNumerator, RateDenominator, Allotment, WaitingList, RequireTokyo, RequireSme, RequiredDocumentsJson, ReservedYen, LastReceiptSeq, Version, ReceiptCode, CreatedAt, UpdatedAt) VALUES (1, 1, 2026, '2026-01-01', '2030-01-01', {budget}, 1500000, 1, 2, 1, 0, 1, 1, '[]', 0, 0, '{Guid.NewGuid()}', 'R8-TEL', '2026-01-01', '2026-01-01');");
            // The warm-up windows (ids 2, 3, ...), one per round as the portal's, each budget the same share of its round.
            for (var round = 0; round < warmRounds; round++)
            {
                await Exec(setup, $"INSERT INTO SubsidyWindows (Id, ProgramId, FiscalYear, OpensAt, ClosesAt, BudgetYen, CapYen, RateNumerator, RateDenominator, Allotment, WaitingList, RequireTokyo, RequireSme, RequiredDocumentsJson, ReservedYen, LastReceiptSeq, Version, ReceiptCode, CreatedAt, UpdatedAt) VALUES ({2 + round}, 1, 2026, '2026-01-01', '2030-01-01', {Math.Max(warmBudget, 100000L)}, 1500000, 1, 2, 1, 0, 1, 1, '[]', 0, 0, '{Guid.NewGuid()}', 'R8-TEL{2 + round}', '2026-01-01', '2026-01-01');");
            }
            await using var transaction = setup.BeginTransaction();
            await using var insert = setup.CreateCommand();
            insert.CommandText = "INSERT INTO SubsidyApplications (Id, WindowId, CompanyId, Status, ExpensesJson, EligibleExpensesYen, RequestedYen, HeldYen, ReportText, LiveKey, Version, CreatedAt, UpdatedAt) VALUES ($id, $w, $id, 1, '[]', 200000, 100000, 0, '', $key, $v, '2026-01-01', '2026-01-01')";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var version = insert.Parameters.Add("$v", SqliteType.Text);
            var window = insert.Parameters.Add("$w", SqliteType.Integer);
            for (var i = 1; i <= applicants + warmup; i++)
            {
                id.Value = i;
                window.Value = WindowOf(i, applicants, warmup, warmRounds);
                key.Value = $"{i}:1";
                version.Value = Guid.NewGuid().ToString();
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
            var accepted = await SubmitAsync(connectionString, id, WindowOf(id, applicants, warmup, warmRounds));
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
        SqliteConnection.ClearAllPools();
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

    private static async Task<bool> SubmitAsync(string connectionString, int id, int windowId)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
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
        read.CommandText = "SELECT LastReceiptSeq FROM SubsidyWindows WHERE Id = $w";
        read.Parameters.AddWithValue("$w", windowId);
        var seq = Convert.ToInt32(await read.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        await Exec(connection, "UPDATE SubsidyApplications SET ReceiptSeq = $seq, ReceiptNumber = $r, SubmittedAt = $now, HeldYen = 100000, Version = $v WHERE Id = $id",
            ("$seq", seq), ("$r", Receipt(windowId, seq)), ("$now", now), ("$v", Guid.NewGuid().ToString()), ("$id", id));
        await Exec(connection, "INSERT INTO SubsidyEvents (ApplicationId, At, Action, Side, Detail) VALUES ($id, $now, 'submitted', 'company', $r)", ("$id", id), ("$now", now), ("$r", Receipt(windowId, seq)));
        // The history entry's audit record and the window's dashboard mark, as the portal writes them in the same transaction.
        await Exec(connection, "INSERT INTO AuditEntries (At, UserId, IpAddress, Action, EntityType, EntityId, Changes) VALUES ($now, 'u', '127.0.0.1', 'created', 'SubsidyEvent', last_insert_rowid(), '{}')", ("$now", now));
        await Exec(connection, "INSERT INTO DashboardDirtyMarks (Family, Bucket) VALUES ('subsidies', $w)", ("$w", windowId));
        await Exec(connection, "INSERT INTO OutboxMessages (\"To\", Subject, BodyText, CreatedAt, Attempts, NextAttemptAt) VALUES ('a@example.jp', 'Received', $r, $now, 0, $now)", ("$r", Receipt(windowId, seq)), ("$now", now));
        await transaction.CommitAsync();
        return true;
    }

    private static string Receipt(int windowId, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"R8-TEL{(windowId == 1 ? "" : windowId.ToString(CultureInfo.InvariantCulture))}-{seq:D6}");

    private static async Task<int> Exec(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync();
    }
}
