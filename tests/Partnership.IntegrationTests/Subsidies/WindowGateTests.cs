using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Moq;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Mail;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Data.Interceptors;
using Partnership.Infrastructure.Documents;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;
using Partnership.Infrastructure.Subsidies;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Subsidies;

/// <summary>
/// The window gate of a server database (docs/adr/0060-window-gate-on-server-databases.md): a submission that queued
/// behind another gives its connection back while it waits, and when its turn comes it must not wait behind the
/// pages for one, holding the gate and the whole queue of the window with it.
/// </summary>
public class WindowGateTests : DatabaseTest
{
    private const long Amount = 100_000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await new ReferenceDataSeeder(db).SeedAsync();
        await new SchemeSeeder(db, Clock).SeedAsync();
        await new SubsidySeeder(db, Clock).SeedAsync();
    }

    /// <summary>The test database with a pool of three connections that an open waits for at most two seconds.</summary>
    private DatabaseSettings Small => Database.Settings with { Limits = Database.Settings.Limits with { MaxPoolSize = 3, PoolWaitSeconds = 2 } };

    /// <summary>A context as the portal's (its interceptors), on the small pool.</summary>
    private AppDbContext Context(IInterceptor? observer = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Small.Configure(options);
        options.AddInterceptors(new SearchTextInterceptor(), new AuditableEntityInterceptor(new SystemUser(), Clock),
            new AuditLogInterceptor(new SystemUser(), Clock), new DashboardDirtyInterceptor());
        if (observer is not null)
        {
            options.AddInterceptors(observer);
        }
        return new AppDbContext(options.Options);
    }

    [Fact]
    public async Task A_queued_submission_whose_turn_comes_is_received_while_the_pages_hold_every_connection_of_the_pool()
    {
        var windowId = await WindowAsync();
        var (firstCompany, firstApplication) = await DraftAsync(windowId, "first");
        var (companyId, applicationId) = await DraftAsync(windowId, "queued");

        // On PostgreSQL another transaction holds the window's row, so the first submission, once through the gate,
        // waits in the database holding the gate (and one connection of the pool).
        await using var blocker = TestProvider.IsPostgreSql ? await BlockWindowAsync(windowId) : null;
        var receiptSent = new ReceiptSent();
        await using var firstDb = Context(receiptSent);
        var submittingFirst = Service(firstDb).SubmitAsync(firstApplication, firstCompany, new Actor($"company-{firstCompany}", "c@example.jp"));
        if (TestProvider.IsPostgreSql)
        {
            // Through the gate, its receipt statement on its way to the row the blocker holds.
            await Task.WhenAny(receiptSent.Sent, submittingFirst);
            Assert.False(submittingFirst.IsCompleted, "The first submission went through while the window's row was held.");
        }

        // This one reads its draft, finds the gate taken and gives its connection back (the first close of its
        // connection: the session keeps it open from the first read until then).
        var queued = new FirstClose();
        await using var db = Context(queued);
        var submitting = Service(db).SubmitAsync(applicationId, companyId, new Actor($"company-{companyId}", "c@example.jp"));

        var pages = new List<DbConnection>();
        try
        {
            if (TestProvider.IsPostgreSql)
            {
                await Task.WhenAny(queued.Closed, submitting);
                Assert.False(submitting.IsCompleted, "The submission went through while another held the window.");
                // The pages take every connection the pool has left, and keep them.
                for (var i = 0; i < Small.Limits.MaxPoolSize - 1; i++)
                {
                    var page = new Npgsql.NpgsqlConnection(Small.EffectiveConnectionString);
                    await page.OpenAsync();
                    pages.Add(page);
                }
            }
            // The window's row is free again: the first submission's turn is over, though its request still holds its connection.
            if (blocker is not null)
            {
                await blocker.CommitAsync();
            }

            foreach (var outcome in new[] { await submittingFirst, await submitting })
            {
                Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors.Select(e => e.Code)));
                Assert.NotNull(outcome.Value!.ReceiptNumber);
            }
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.DisposeAsync();
            }
        }

        await using var check = Database.CreateContext();
        Assert.Equal(2 * Amount, (await check.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
        Assert.All(await check.SubsidyApplications.Where(a => a.WindowId == windowId).ToListAsync(), a =>
        {
            Assert.Equal(ApplicationStatus.Submitted, a.Status);
            Assert.False(a.FollowUpPending);
        });
        // The context goes back to the request with the portal's own connection string, not the writers'.
        Assert.Equal(Small.EffectiveConnectionString, db.Database.GetConnectionString());
    }

    private SubsidyService Service(AppDbContext db)
    {
        var mail = new Mock<ISubsidyMail>();
        mail.Setup(m => m.Compose(It.IsAny<SubsidyMailKind>(), It.IsAny<SubsidyMailFacts>(), It.IsAny<string>()))
            .Returns((SubsidyMailKind kind, SubsidyMailFacts facts, string _) => new MailContent(kind.ToString(), facts.Receipt ?? ""));
        return new SubsidyService(db, new SubmissionStore(db, Clock, Small.Limits), new MailOutbox(db, Clock), mail.Object, new CompanyRecipients(db),
            new FileDocumentStore(Path.Combine(Database.Directory, "documents")), Clock, new Partnership.Core.Submissions.ReferralConversionsAtSubmission(db));
    }

    /// <summary>A transaction outside the small pool that holds the window's row until it commits (PostgreSQL).</summary>
    private async Task<Blocker> BlockWindowAsync(int windowId)
    {
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Database.Settings.EffectiveConnectionString) { ApplicationName = "blocker" }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT 1 FROM \"SubsidyWindows\" WHERE \"Id\" = {windowId} FOR UPDATE";
        await command.ExecuteNonQueryAsync();
        return new Blocker(connection, transaction);
    }

    private sealed class Blocker(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public Task CommitAsync() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Completes when the context sends the receipt's statement (PostgreSQL: it then holds the window's gate).</summary>
    private sealed class ReceiptSent : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Sent => _sent.Task;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("WITH a AS", StringComparison.Ordinal))
            {
                _sent.TrySetResult();
            }
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>An open first-come window with budget for ten.</summary>
    private async Task<int> WindowAsync()
    {
        await using var db = Database.CreateContext();
        var program = await db.SubsidyPrograms.SingleAsync(p => p.Code == "TELEWORK-EQUIP");
        var window = new SubsidyWindow
        {
            ReceiptCode = SubsidyWindow.ReceiptCodeFor(2026, program.ReceiptCode, await db.SubsidyWindows.CountAsync() + 1),
            ProgramId = program.Id, FiscalYear = 2026, OpensAt = Clock.GetUtcNow().UtcDateTime.AddHours(-1), ClosesAt = Clock.GetUtcNow().UtcDateTime.AddDays(30),
            BudgetYen = 10 * Amount, CapYen = 1_500_000, RateNumerator = 1, RateDenominator = 2, Allotment = Allotment.FirstCome,
        };
        db.SubsidyWindows.Add(window);
        await db.SaveChangesAsync();
        return window.Id;
    }

    /// <summary>A company with a complete draft in the window.</summary>
    private async Task<(int CompanyId, int ApplicationId)> DraftAsync(int windowId, string name)
    {
        await using var db = Database.CreateContext();
        var company = new Company
        {
            Name = $"待機株式会社 {name}", NameKana = "タイキ", PostalCode = "163-8001", Prefecture = "東京都", MunicipalityCode = "131041", CityName = "新宿区",
            Street = "西新宿2-8-1", Phone = "03-5320-0001", IndustryCode = "I", ContactName = "担当", RegularEmployees = 10, IsSme = true,
        };
        db.Users.Add(new AppUser { Id = $"u-{name}", UserName = $"{name}@example.jp", Email = $"{name}@example.jp", EmailConfirmed = true });
        company.Members.Add(new CompanyMember { UserId = $"u-{name}", IsOwner = true });
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        var application = new SubsidyApplication
        {
            WindowId = windowId, CompanyId = company.Id, Status = ApplicationStatus.Draft, LiveKey = SubsidyApplication.LiveKeyFor(company.Id, windowId),
            Expenses = [new ExpenseItem("ノートパソコン", 1, Amount * 2)], EligibleExpensesYen = Amount * 2, RequestedYen = Amount,
        };
        db.SubsidyApplications.Add(application);
        await db.SaveChangesAsync();
        return (company.Id, application.Id);
    }

    /// <summary>Completes when the context's connection is first closed.</summary>
    private sealed class FirstClose : DbConnectionInterceptor
    {
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Closed => _closed.Task;

        public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        }

        public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => _closed.TrySetResult();
    }
}
