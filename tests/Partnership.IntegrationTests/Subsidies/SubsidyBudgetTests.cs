using Microsoft.EntityFrameworkCore;
using Moq;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Documents;
using Partnership.Core.Mail;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Documents;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;
using Partnership.Infrastructure.Subsidies;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Subsidies;

/// <summary>The first-come-first-served budget on a real SQLite file, under concurrency.</summary>
public class SubsidyBudgetTests : DatabaseTest
{
    private const long Amount = 100_000;
    private readonly Mock<ISubsidyMail> _mail = new();
    private FileDocumentStore Store => new(Path.Combine(Database.Directory, "documents"));

    public SubsidyBudgetTests()
    {
        _mail.Setup(m => m.Compose(It.IsAny<SubsidyMailKind>(), It.IsAny<SubsidyMailFacts>(), It.IsAny<string>()))
            .Returns((SubsidyMailKind kind, SubsidyMailFacts facts, string _) => new MailContent(kind.ToString(), facts.Receipt ?? ""));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await new ReferenceDataSeeder(db).SeedAsync();
        await new SchemeSeeder(db, Clock).SeedAsync();
        await new SubsidySeeder(db, Clock).SeedAsync();
    }

    private AppDbContext Context(TimeProvider? clock = null) => Database.CreateContext(clock: clock ?? Clock);

    private SubsidyService Service(AppDbContext db, TimeProvider? clock = null) =>
        new(db, new SubmissionStore(db, clock ?? Clock), new MailOutbox(db, clock ?? Clock), _mail.Object, new CompanyRecipients(db), Store, clock ?? Clock,
            new Partnership.Core.Submissions.ReferralConversionsAtSubmission(db));

    private async Task<int> WindowAsync(long budget, bool waitingList = false, string[]? documents = null)
    {
        await using var db = Context();
        var program = await db.SubsidyPrograms.SingleAsync(p => p.Code == "TELEWORK-EQUIP");
        var window = new SubsidyWindow
        {
            ReceiptCode = SubsidyWindow.ReceiptCodeFor(2026, program.ReceiptCode, await db.SubsidyWindows.CountAsync() + 1),
            ProgramId = program.Id, FiscalYear = 2026, OpensAt = Clock.GetUtcNow().UtcDateTime.AddHours(-1), ClosesAt = Clock.GetUtcNow().UtcDateTime.AddDays(30),
            BudgetYen = budget, CapYen = 1_500_000, RateNumerator = 1, RateDenominator = 2, Allotment = Allotment.FirstCome, WaitingList = waitingList,
            RequiredDocuments = (documents ?? []).Select((d, i) => new DocumentRequirement($"doc{i + 1}", d, d)).ToList(),
        };
        db.SubsidyWindows.Add(window);
        await db.SaveChangesAsync();
        return window.Id;
    }

    /// <summary>Companies with a draft each in the window, expenses filled in for the given amount; returns (company, application) ids.</summary>
    private async Task<List<(int CompanyId, int ApplicationId)>> DraftsAsync(int windowId, int count)
    {
        await using var db = Context();
        var companies = Enumerable.Range(1, count).Select(i =>
        {
            var company = new Company
            {
                Name = $"申請{i}株式会社", NameKana = $"シンセイ{i}", PostalCode = "163-8001", Prefecture = "東京都", MunicipalityCode = "131041", CityName = "新宿区",
                Street = "西新宿2-8-1", Phone = "03-5320-0001", IndustryCode = "I", ContactName = "担当", RegularEmployees = 10, IsSme = true,
            };
            db.Users.Add(new AppUser { Id = $"u-{windowId}-{i}", UserName = $"u{windowId}-{i}@example.jp", Email = $"u{windowId}-{i}@example.jp", EmailConfirmed = true });
            company.Members.Add(new CompanyMember { UserId = $"u-{windowId}-{i}", IsOwner = true });
            return company;
        }).ToList();
        db.Companies.AddRange(companies);
        await db.SaveChangesAsync();
        var window = await db.SubsidyWindows.SingleAsync(w => w.Id == windowId);
        var applications = companies.Select(c => new SubsidyApplication
        {
            WindowId = windowId, CompanyId = c.Id, Status = ApplicationStatus.Draft, LiveKey = SubsidyApplication.LiveKeyFor(c.Id, windowId),
            Expenses = [new ExpenseItem("ノートパソコン", 1, Amount * 2)], EligibleExpensesYen = Amount * 2, RequestedYen = Amount,
        }).ToList();
        db.SubsidyApplications.AddRange(applications);
        await db.SaveChangesAsync();
        return companies.Zip(applications, (c, a) => (c.Id, a.Id)).ToList();
    }

    private static Actor User(int companyId) => new($"company-{companyId}", $"c{companyId}@example.jp");

    [Fact]
    public async Task Two_hundred_submissions_at_once_into_a_window_for_fifty_fund_exactly_fifty_with_gapless_receipts_in_acceptance_order()
    {
        // The real clock here, so the receipt order can be compared with the time each was accepted.
        Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        var windowId = await WindowAsync(budget: 50 * Amount);
        var drafts = await DraftsAsync(windowId, 200);

        var outcomes = await Task.WhenAll(drafts.Select(async d =>
        {
            await using var db = Context(TimeProvider.System);
            return await Service(db, TimeProvider.System).SubmitAsync(d.ApplicationId, d.CompanyId, User(d.CompanyId));
        }));

        Assert.Equal(50, outcomes.Count(o => o.Succeeded));
        Assert.Equal(150, outcomes.Count(o => o.Status == Partnership.Core.Common.OutcomeStatus.Conflict && o.Errors[0].Code == "Subsidy.BudgetExhausted"));
        await using var check = Context();
        var window = await check.SubsidyWindows.Include(w => w.Program).SingleAsync(w => w.Id == windowId);
        var received = await check.SubsidyApplications.Where(a => a.WindowId == windowId && a.ReceiptSeq != null).OrderBy(a => a.ReceiptSeq).ToListAsync();
        Assert.Equal(50 * Amount, window.ReservedYen);
        Assert.Equal(window.ReservedYen, received.Sum(a => a.HeldYen));
        Assert.Equal(Enumerable.Range(1, 50), received.Select(a => a.ReceiptSeq!.Value));
        Assert.Equal(50, window.LastReceiptSeq);
        Assert.Equal("R8-TEL-000001", received[0].ReceiptNumber);
        Assert.Equal(received.Select(a => a.SubmittedAt), received.Select(a => a.SubmittedAt).Order());
        // The refused ones are still drafts, with nothing held and no receipt.
        Assert.Equal(150, await check.SubsidyApplications.CountAsync(a => a.WindowId == windowId && a.Status == ApplicationStatus.Draft && a.HeldYen == 0 && a.ReceiptNumber == null));
        Assert.Equal(WindowState.BudgetReached, window.StateAt(Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task Lines_posted_with_the_submission_are_saved_when_they_changed_ignored_from_a_stale_page_and_refused_when_wrong()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var drafts = await DraftsAsync(windowId, 3);
        Guid VersionOf(AppDbContext db, int id) => db.SubsidyApplications.AsNoTracking().Single(a => a.Id == id).Version;

        // Wrong lines: refused with the field named, nothing saved or submitted.
        await using (var db = Context())
        {
            var (companyId, applicationId) = drafts[0];
            var wrong = await Service(db).SubmitAsync(applicationId, companyId, [new ExpenseInput("ノートパソコン", "0", "abc")], VersionOf(db, applicationId), User(companyId));
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.Invalid, wrong.Status);
            Assert.Contains(wrong.Errors, e => e.Field.StartsWith("Items[0]", StringComparison.Ordinal));
        }
        // Changed lines at the page's version: saved first, then submitted for the new amount.
        await using (var db = Context())
        {
            var (companyId, applicationId) = drafts[1];
            var changed = await Service(db).SubmitAsync(applicationId, companyId, [new ExpenseInput("ノートパソコン", "2", "60000")], VersionOf(db, applicationId), User(companyId));
            Assert.True(changed.Succeeded);
            Assert.Equal(60_000, changed.Value!.RequestedYen);
        }
        // Lines from a page older than the saved draft: the saved draft is what is submitted.
        await using (var db = Context())
        {
            var (companyId, applicationId) = drafts[2];
            var stale = await Service(db).SubmitAsync(applicationId, companyId, [new ExpenseInput("ノートパソコン", "9", "99999")], Guid.NewGuid(), User(companyId));
            Assert.True(stale.Succeeded);
            Assert.Equal(Amount, stale.Value!.RequestedYen);
        }
        await using var check = Context();
        var rows = await check.SubsidyApplications.AsNoTracking().Where(a => a.WindowId == windowId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal((ApplicationStatus.Draft, Amount, (string?)null), (rows[0].Status, rows[0].RequestedYen, rows[0].ReceiptNumber));
        Assert.Equal((ApplicationStatus.Submitted, 60_000L, 60_000L, 120_000L), (rows[1].Status, rows[1].RequestedYen, rows[1].HeldYen, rows[1].EligibleExpensesYen));
        Assert.Equal((ApplicationStatus.Submitted, Amount, Amount), (rows[2].Status, rows[2].RequestedYen, rows[2].HeldYen));
        Assert.Equal(60_000 + Amount, (await check.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
    }

    [Fact]
    public async Task While_the_budget_lasts_a_missing_document_is_named_and_once_it_is_used_up_that_is_the_answer_and_nothing_changes()
    {
        var open = await WindowAsync(budget: 10 * Amount, documents: ["見積書"]);
        var (companyId, applicationId) = (await DraftsAsync(open, 1))[0];
        var spent = await WindowAsync(budget: Amount / 2, documents: ["見積書"]);
        var (otherCompany, otherApplication) = (await DraftsAsync(spent, 1))[0];

        await using (var db = Context())
        {
            var missing = await Service(db).SubmitAsync(applicationId, companyId, User(companyId));
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.Invalid, missing.Status);
            Assert.Equal("Subsidy.DocumentMissing", Assert.Single(missing.Errors).Code);
            var exhausted = await Service(db).SubmitAsync(otherApplication, otherCompany, User(otherCompany));
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.Conflict, exhausted.Status);
            Assert.Equal("Subsidy.BudgetExhausted", Assert.Single(exhausted.Errors).Code);
        }
        await using var check = Context();
        Assert.Equal(2, await check.SubsidyApplications.CountAsync(a => (a.Id == applicationId || a.Id == otherApplication) && a.Status == ApplicationStatus.Draft && a.ReceiptNumber == null && a.HeldYen == 0));
        Assert.Equal(0, await check.SubsidyWindows.Where(w => w.Id == open || w.Id == spent).SumAsync(w => w.ReservedYen + w.LastReceiptSeq));
        Assert.Equal(0, await check.SubsidyEvents.CountAsync(e => e.ApplicationId == applicationId || e.ApplicationId == otherApplication));
    }

    [Fact]
    public async Task A_retried_or_doubled_submission_returns_the_first_receipt_and_reserves_once()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var (companyId, applicationId) = (await DraftsAsync(windowId, 1))[0];

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            await using var db = Context();
            return await Service(db).SubmitAsync(applicationId, companyId, User(companyId));
        }));
        await using (var db = Context())
        {
            var again = await Service(db).SubmitAsync(applicationId, companyId, User(companyId));
            Assert.All(outcomes.Append(again), o => Assert.Equal("R8-TEL-000001", o.Value!.ReceiptNumber));
        }
        await using var check = Context();
        Assert.Equal(Amount, (await check.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
        Assert.Equal(1, await check.SubsidyEvents.CountAsync(e => e.ApplicationId == applicationId && e.Action == "submitted"));
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Subject == "Received"));
    }

    [Fact]
    public async Task The_submission_saves_without_a_savepoint_and_the_context_keeps_savepoints_for_other_saves()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var (companyId, applicationId) = (await DraftsAsync(windowId, 1))[0];
        var savepoints = new SavepointCounter();
        await using var db = Database.CreateContext(clock: Clock, observer: savepoints);

        var outcome = await Service(db).SubmitAsync(applicationId, companyId, User(companyId));

        Assert.Equal("R8-TEL-000001", outcome.Value!.ReceiptNumber);
        Assert.Equal(0, savepoints.Created);
        Assert.True(db.Database.AutoSavepointsEnabled);
        // The same context, a save inside a transaction of its own: EF Core's savepoint is there, so the counter sees one.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.DashboardDirtyMarks.Add(new Partnership.Core.Facts.DashboardDirtyMark { Family = "test", Bucket = 1 });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Assert.Equal(1, savepoints.Created);
        await using var check = Context();
        Assert.Equal(1, await check.SubsidyEvents.CountAsync(e => e.ApplicationId == applicationId && e.Action == "submitted"));
        Assert.Equal(Amount, (await check.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
    }

    private sealed class SavepointCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        public int Created { get; private set; }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> CreatingSavepointAsync(
            System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Created++;
            return ValueTask.FromResult(result);
        }

        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult CreatingSavepoint(
            System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
        {
            Created++;
            return result;
        }
    }

    [Fact]
    public async Task Submitted_as_a_member_only_the_own_company_application_is_found_and_it_gets_its_receipt()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var drafts = await DraftsAsync(windowId, 2);
        var (mine, other) = (drafts[0], drafts[1]);
        var me = $"u-{windowId}-1";

        await using (var db = Context())
        {
            // Another company's application, and a user who belongs to no company: not found, nothing changes.
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, (await Service(db).SubmitAsMemberAsync(other.ApplicationId, me, null, null, User(mine.CompanyId))).Status);
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, (await Service(db).SubmitAsMemberAsync(mine.ApplicationId, "nobody", null, null, User(mine.CompanyId))).Status);
        }
        await using (var db = Context())
        {
            Assert.Equal(0, (await db.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
            Assert.Equal(2, await db.SubsidyApplications.CountAsync(a => a.WindowId == windowId && a.Status == ApplicationStatus.Draft));
        }
        await using (var db = Context())
        {
            var outcome = await Service(db).SubmitAsMemberAsync(mine.ApplicationId, me, null, null, User(mine.CompanyId));
            Assert.Equal("R8-TEL-000001", outcome.Value!.ReceiptNumber);
            Assert.Equal(mine.CompanyId, outcome.Value.CompanyId);
        }
        await using var check = Context();
        Assert.Equal(Amount, (await check.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
        Assert.Equal(ApplicationStatus.Draft, (await check.SubsidyApplications.SingleAsync(a => a.Id == other.ApplicationId)).Status);
    }

    [Fact]
    public async Task A_withdrawal_releases_the_budget_and_the_first_on_the_waiting_list_moves_up()
    {
        var windowId = await WindowAsync(budget: 2 * Amount, waitingList: true);
        var drafts = await DraftsAsync(windowId, 4);
        foreach (var (companyId, applicationId) in drafts)
        {
            await using var db = Context();
            Assert.True((await Service(db).SubmitAsync(applicationId, companyId, User(companyId))).Succeeded);
        }
        await using (var db = Context())
        {
            var statuses = await db.SubsidyApplications.Where(a => a.WindowId == windowId).OrderBy(a => a.ReceiptSeq).Select(a => a.Status).ToListAsync();
            Assert.Equal([ApplicationStatus.Submitted, ApplicationStatus.Submitted, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted], statuses);
        }

        var first = drafts[0];
        await using (var db = Context())
        {
            var version = await db.SubsidyApplications.Where(a => a.Id == first.ApplicationId).Select(a => a.Version).SingleAsync();
            Assert.True((await Service(db).WithdrawAsync(first.ApplicationId, first.CompanyId, version, User(first.CompanyId))).Succeeded);
        }
        await using var check = Context();
        var after = await check.SubsidyApplications.Where(a => a.WindowId == windowId).OrderBy(a => a.ReceiptSeq).ToListAsync();
        Assert.Equal([ApplicationStatus.Withdrawn, ApplicationStatus.Submitted, ApplicationStatus.Submitted, ApplicationStatus.Waitlisted], after.Select(a => a.Status));
        Assert.Equal([0, Amount, Amount, 0], after.Select(a => a.HeldYen));
        Assert.Equal(2 * Amount, (await check.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Subject == "Promoted"));
    }

    [Fact]
    public async Task Granting_less_releases_the_rest_and_refusing_releases_everything_never_below_zero()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var drafts = await DraftsAsync(windowId, 2);
        foreach (var (companyId, applicationId) in drafts)
        {
            await using var db = Context();
            await Service(db).SubmitAsync(applicationId, companyId, User(companyId));
        }
        async Task<Partnership.Core.Common.Outcome<SubsidyApplication>> Decide(int id, SubsidyAction action, string? amount = null, string? reason = null)
        {
            await using var db = Context();
            var version = await db.SubsidyApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
            return await new SubsidyReviewService(db, new MailOutbox(db, Clock), _mail.Object, new CompanyRecipients(db), Clock)
                .DecideAsync(id, action, amount, reason, version, new Actor("metro", "metro@example.jp"));
        }
        Assert.True((await Decide(drafts[0].ApplicationId, SubsidyAction.Grant, "60,000")).Succeeded);
        Assert.Equal("Subsidy.GrantAmountInvalid", (await Decide(drafts[1].ApplicationId, SubsidyAction.Grant, "100,500")).Errors[0].Code);
        Assert.Equal("Subsidy.ReasonRequired", (await Decide(drafts[1].ApplicationId, SubsidyAction.Refuse)).Errors[0].Code);
        Assert.True((await Decide(drafts[1].ApplicationId, SubsidyAction.Refuse, reason: "対象外の経費です。")).Succeeded);
        await using var check = Context();
        Assert.Equal(60_000, (await check.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
        Assert.Equal("Subsidy.NotAllowedNow", (await Decide(drafts[1].ApplicationId, SubsidyAction.Grant)).Errors[0].Code);
    }

    [Fact]
    public async Task A_document_is_stored_before_it_is_acknowledged_and_a_renamed_executable_or_an_oversize_file_is_refused()
    {
        var windowId = await WindowAsync(budget: 10 * Amount, documents: ["見積書"]);
        var (companyId, applicationId) = (await DraftsAsync(windowId, 1))[0];
        await using var db = Context();
        var service = Service(db);

        var missing = await service.SubmitAsync(applicationId, companyId, User(companyId));
        Assert.Equal("Subsidy.DocumentMissing", Assert.Single(missing.Errors).Code);

        var exe = await service.AddDocumentAsync(applicationId, companyId, "doc1", "見積書.pdf", new MemoryStream([0x4D, 0x5A, 0x90, 0x00, 0x03]), User(companyId));
        Assert.Equal("Subsidy.DocumentType", exe.Errors.Single().Code);
        var big = new byte[DocumentContent.MaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(big);
        Assert.Equal("Subsidy.DocumentTooLarge", (await service.AddDocumentAsync(applicationId, companyId, "doc1", "big.pdf", new MemoryStream(big), User(companyId))).Errors.Single().Code);
        Assert.Empty(Directory.Exists(Path.Combine(Database.Directory, "documents")) ? Directory.GetFiles(Path.Combine(Database.Directory, "documents"), "*", SearchOption.AllDirectories) : []);

        var pdf = PdfSamples.Plain;
        var added = await service.AddDocumentAsync(applicationId, companyId, "doc1", "見積書.pdf", new MemoryStream(pdf), User(companyId));
        Assert.True(added.Succeeded);
        Assert.Equal("application/pdf", added.Value!.ContentType);
        var opened = await service.OpenDocumentAsync(applicationId, added.Value.Id, companyId);
        using (var reader = new MemoryStream())
        {
            await opened!.Value.Content.CopyToAsync(reader);
            opened.Value.Content.Dispose();
            Assert.Equal(pdf, reader.ToArray());
        }
        Assert.Null(await service.OpenDocumentAsync(applicationId, added.Value.Id, companyId + 999));

        // The name kept is cleaned as for every upload: no folders, no markup, the extension of what the content is.
        var hostile = await service.AddDocumentAsync(applicationId, companyId, "doc1", @"..\..\見積<b>.exe", new MemoryStream(pdf), User(companyId));
        Assert.Equal("attachment.pdf", hostile.Value!.FileName);
        var renamed = await service.AddDocumentAsync(applicationId, companyId, "doc1", "C:/Users/担当/見積書.docx", new MemoryStream(pdf), User(companyId));
        Assert.Equal("見積書.docx.pdf", renamed.Value!.FileName);
        Assert.True((await service.SubmitAsync(applicationId, companyId, User(companyId))).Succeeded);
    }

    [Fact]
    public async Task A_window_that_needs_a_telework_declaration_takes_only_companies_that_hold_one()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        await using (var db = Context())
        {
            var window = await db.SubsidyWindows.SingleAsync(w => w.Id == windowId);
            window.PrerequisiteSchemeCode = "TELEWORK-RULE";
            await db.SaveChangesAsync();
        }
        var (companyId, _) = (await DraftsAsync(windowId, 1))[0];
        await using var check = Context();
        var company = await check.Companies.SingleAsync(c => c.Id == companyId);
        var result = await Service(check).EligibilityAsync(windowId, company);
        Assert.False(result!.Eligible);
        Assert.False(result.Checks.Single(c => c.Code == "Prerequisite").Passed);

        var scheme = await check.Schemes.Include(s => s.FormVersions).SingleAsync(s => s.Code == "TELEWORK-RULE");
        check.SchemeEntries.Add(new SchemeEntry
        {
            SchemeId = scheme.Id, CompanyId = companyId, Status = EntryStatus.Accepted, FormVersionId = scheme.FormVersions[0].Id, Number = "TWR-2026-00009",
            IssuedNumber = "TWR-2026-00009", ValidFrom = new DateOnly(2026, 4, 1), LiveKey = SchemeEntry.LiveKeyFor(companyId, scheme.Id, false),
        });
        await check.SaveChangesAsync();
        Assert.True((await Service(check).EligibilityAsync(windowId, company))!.Eligible);
    }

    // ---- The receipt and what follows it (docs/adr/0095-receipt-in-one-statement.md) ----

    [PostgreSqlFact]
    public async Task On_PostgreSQL_the_window_row_is_free_again_while_what_follows_the_receipt_is_saved()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var (companyId, applicationId) = (await DraftsAsync(windowId, 1))[0];
        var pause = new PauseAtFirstInsert();
        await using var db = Database.CreateContext(clock: Clock, observer: pause);
        var submitting = Service(db).SubmitAsync(applicationId, companyId, User(companyId));
        await Task.WhenAny(pause.Reached, submitting);
        Assert.False(submitting.IsCompleted, "The submission saved nothing after its receipt.");
        try
        {
            // The follow-up (event, mail) is being saved: the receipt is committed and the window's row is free.
            await using (var other = Context())
            {
                await other.Database.BeginTransactionAsync();
                var locked = await other.Database.SqlQuery<int>($"SELECT \"LastReceiptSeq\" AS \"Value\" FROM \"SubsidyWindows\" WHERE \"Id\" = {windowId} FOR UPDATE NOWAIT").SingleAsync();
                Assert.Equal(1, locked);
                var application = await other.SubsidyApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
                Assert.Equal(ApplicationStatus.Submitted, application.Status);
                Assert.True(application.FollowUpPending);
            }
        }
        finally
        {
            pause.Release();
        }
        var outcome = await submitting;
        Assert.True(outcome.Succeeded);
        await using var check = Context();
        Assert.False((await check.SubsidyApplications.SingleAsync(a => a.Id == applicationId)).FollowUpPending);
        Assert.Single(await check.SubsidyEvents.Where(e => e.ApplicationId == applicationId && e.Action == "submitted").ToListAsync());
    }

    [PostgreSqlFact]
    public async Task A_receipt_taken_on_a_node_whose_clock_is_behind_the_last_receipt_gets_the_last_receipt_time()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var ahead = Clock.GetUtcNow().UtcDateTime.AddSeconds(3);
        await using (var db = Context())
        {
            // Another node, whose clock runs 3 s ahead, took the last receipt.
            var window = await db.SubsidyWindows.SingleAsync(w => w.Id == windowId);
            window.LastReceiptAt = ahead;
            await db.SaveChangesAsync();
        }
        var drafts = await DraftsAsync(windowId, 2);
        var (companyId, applicationId) = drafts[0];
        await using (var db = Context())
        {
            var outcome = await Service(db).SubmitAsync(applicationId, companyId, User(companyId));
            Assert.Equal(ahead, outcome.Value!.SubmittedAt);
        }
        Clock.Advance(TimeSpan.FromSeconds(10));
        var (laterCompany, later) = drafts[1];
        await using (var db = Context())
        {
            Assert.True((await Service(db).SubmitAsync(later, laterCompany, User(laterCompany))).Succeeded);
        }
        await using var check = Context();
        Assert.Equal([ahead, Clock.GetUtcNow().UtcDateTime],
            await check.SubsidyApplications.Where(a => a.WindowId == windowId && a.ReceiptSeq != null).OrderBy(a => a.ReceiptSeq).Select(a => a.SubmittedAt!.Value).ToListAsync());
    }

    [Fact]
    public async Task The_receipt_number_the_database_writes_is_the_one_the_rules_format_past_six_digits()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        await using (var db = Context())
        {
            var window = await db.SubsidyWindows.SingleAsync(w => w.Id == windowId);
            window.LastReceiptSeq = 999_998;
            await db.SaveChangesAsync();
        }
        foreach (var (companyId, applicationId) in await DraftsAsync(windowId, 2))
        {
            await using var db = Context();
            Assert.True((await Service(db).SubmitAsync(applicationId, companyId, User(companyId))).Succeeded);
        }
        await using var check = Context();
        var window2 = await check.SubsidyWindows.SingleAsync(w => w.Id == windowId);
        var receipts = await check.SubsidyApplications.Where(a => a.WindowId == windowId).OrderBy(a => a.ReceiptSeq).Select(a => new { a.ReceiptSeq, a.ReceiptNumber }).ToListAsync();
        Assert.Equal([999_999, 1_000_000], receipts.Select(r => r.ReceiptSeq!.Value));
        Assert.Equal(receipts.Select(r => SubsidyRules.ReceiptNumber(window2, r.ReceiptSeq!.Value)), receipts.Select(r => r.ReceiptNumber));
        Assert.EndsWith("-999999", receipts[0].ReceiptNumber);
        Assert.EndsWith("-1000000", receipts[1].ReceiptNumber);
    }

    [Fact]
    public async Task A_receipt_whose_request_stopped_before_its_follow_up_gets_it_from_the_sweep_once_and_after_the_grace_only()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var (companyId, applicationId) = (await DraftsAsync(windowId, 1))[0];
        await using (var db = Context())
        {
            // The request takes the receipt and stops before what follows it (the node stopped).
            await using var session = await ReceiptOnlyAsync(db, applicationId);
            if (!TestProvider.IsPostgreSql)
            {
                // SQLite: the receipt waits in its open transaction for the follow-up, committed with it, and is not
                // marked as waiting for one.
                var open = await db.SubsidyApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
                Assert.Equal((ApplicationStatus.Submitted, false), (open.Status, open.FollowUpPending));
            }
        }
        await using (var db = Context())
        {
            var stopped = await db.SubsidyApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
            if (!TestProvider.IsPostgreSql)
            {
                // SQLite commits the receipt with its follow-up: the stopped request left the draft as it was.
                Assert.Equal(ApplicationStatus.Draft, stopped.Status);
                Assert.Null(stopped.ReceiptNumber);
                Assert.Equal(0, (await db.SubsidyWindows.SingleAsync(w => w.Id == windowId)).ReservedYen);
                Assert.Equal(0, await Service(db).FinishFollowUpsAsync());
                return;
            }
            Assert.Equal(ApplicationStatus.Submitted, stopped.Status);
            Assert.True(stopped.FollowUpPending);
            // Within the grace the request may still be saving it: the sweep leaves it.
            Assert.Equal(0, await Service(db).FinishFollowUpsAsync());
            Assert.Empty(await db.SubsidyEvents.Where(e => e.ApplicationId == applicationId).ToListAsync());
        }
        Clock.Advance(SubsidyService.FollowUpGrace + TimeSpan.FromSeconds(1));
        await using (var db = Context())
        {
            Assert.Equal(1, await Service(db).FinishFollowUpsAsync());
        }
        await using (var db = Context())
        {
            Assert.Equal(0, await Service(db).FinishFollowUpsAsync());
        }
        await using var check = Context();
        var application = await check.SubsidyApplications.SingleAsync(a => a.Id == applicationId);
        Assert.False(application.FollowUpPending);
        var submitted = Assert.Single(await check.SubsidyEvents.Where(e => e.ApplicationId == applicationId).ToListAsync());
        Assert.Equal(("submitted", application.ReceiptNumber), (submitted.Action, submitted.Detail));
        var mail = Assert.Single(await check.OutboxMessages.Where(m => m.To == $"u{windowId}-1@example.jp").ToListAsync());
        Assert.Equal(application.ReceiptNumber, mail.BodyText);
        Assert.Single(await check.Notices.Where(n => n.UserId == $"u-{windowId}-1").ToListAsync());
    }

    [PostgreSqlFact]
    public async Task A_follow_up_the_sweep_saved_first_is_not_saved_again_by_the_request()
    {
        var windowId = await WindowAsync(budget: 10 * Amount);
        var (_, applicationId) = (await DraftsAsync(windowId, 1))[0];
        await using var db = Context();
        await using var session = await ReceiptOnlyAsync(db, applicationId);
        Clock.Advance(SubsidyService.FollowUpGrace + TimeSpan.FromSeconds(1));
        await using (var sweeper = Context())
        {
            Assert.Equal(1, await Service(sweeper).FinishFollowUpsAsync());
        }

        // The slow request now saves its own follow-up: refused, and what it tracked is let go.
        db.SubsidyEvents.Add(new SubsidyEvent { ApplicationId = applicationId, At = Clock.GetUtcNow().UtcDateTime, Action = "submitted", Side = "company" });
        Assert.False(await session.SaveFollowUpAsync(applicationId, windowId, default));
        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
        await using var check = Context();
        Assert.Single(await check.SubsidyEvents.Where(e => e.ApplicationId == applicationId).ToListAsync());
    }

    /// <summary>A session that has taken the draft's receipt (reserved) and not yet saved what follows it.</summary>
    private async Task<ISubmissionSession> ReceiptOnlyAsync(AppDbContext db, int applicationId)
    {
        var draft = await db.SubsidyApplications.AsNoTracking().Include(a => a.Window).SingleAsync(a => a.Id == applicationId);
        var session = await new SubmissionStore(db, Clock).OpenAsync(default);
        var taken = await session.TakeReceiptAsync(new ReceiptRequest(applicationId, ApplicationStatus.Draft, SubsidyRules.ReservationFor(draft.Window!, Amount),
            ApplicationStatus.Submitted, null, draft.Window!.ReceiptPrefix), default);
        Assert.True(taken.Claimed);
        Assert.Equal(ReservationOutcome.Reserved, taken.Outcome);
        return session;
    }

    /// <summary>Holds the first INSERT of the context (the follow-up's save) until released.</summary>
    private sealed class PauseAtFirstInsert : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT", StringComparison.Ordinal) && _reached.TrySetResult())
            {
                await _released.Task;
            }
            return result;
        }
    }
}
