using System.Diagnostics;
using System.Globalization;
using System.Net;
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
    public static async Task<(double Throughput, TimeSpan Cpu)> RunAsync(string workDirectory, int applicants, int clients, long budget, int warmup = 0, int warmRounds = 0, long warmBudget = 0)
    {
        var database = Path.Combine(workDirectory, "floor.db");
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
        await using var app = builder.Build();
        // No routing, no MVC: one terminal delegate reads the id from the path.
        app.Run(async context =>
        {
            var id = int.Parse(context.Request.Path.Value!["/submit/".Length..], CultureInfo.InvariantCulture);
            context.Response.StatusCode = await SubmitAsync(connectionString, id, WindowOf(id, applicants, warmup, warmRounds)) ? StatusCodes.Status302Found : StatusCodes.Status409Conflict;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(clients, 256) }) { BaseAddress = new Uri(address) };
        for (var round = 0; round < warmRounds; round++)
        {
            await SendAllAsync(http, address, Enumerable.Range(applicants + 1, warmup).Where(i => WindowOf(i, applicants, warmup, warmRounds) == 2 + round), clients);
            await Task.Delay(SurgeBenchmark.WarmPause);
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await SendAllAsync(http, address, Enumerable.Range(1, applicants), clients);
        var throughput = applicants / watch.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await app.StopAsync();
        SqliteConnection.ClearAllPools();
        return (throughput, cpu);
    }

    /// <summary>Window 1 is measured; warm-up submission k (counted from 0) goes to window 2 + k × rounds / warmup, as in the portal's warm-up.</summary>
    private static int WindowOf(int id, int applicants, int warmup, int warmRounds) =>
        id <= applicants ? 1 : 2 + (id - applicants - 1) * warmRounds / warmup;

    private static Task SendAllAsync(HttpClient http, string address, IEnumerable<int> ids, int clients) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, _) =>
        {
            using var response = await http.PostAsync($"/submit/{i}", new FormUrlEncodedContent([new("version", Guid.NewGuid().ToString())]));
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
