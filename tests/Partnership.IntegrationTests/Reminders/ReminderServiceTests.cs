using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Partnership.Core.Common;
using Partnership.Core.Events;
using Partnership.Core.Mail;
using Partnership.Core.Outreach;
using Partnership.Core.Reminders;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Background;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;
using Partnership.IntegrationTests.Events;
using Partnership.TestKit;
using Partnership.Web.Infrastructure;

namespace Partnership.IntegrationTests.Reminders;

/// <summary>Reminder mail written plainly: the kind and the record's title, so a test can tell which reminder went to whom.</summary>
public sealed class PlainReminderMail : IReminderMail
{
    public MailContent Compose(ReminderKind kind, ReminderFacts facts, string culture) =>
        new($"{kind}: {facts.TitleJa}", $"{facts.Name} / {culture}\n\n{facts.Path}");
}

/// <summary>
/// The reminders on a real database with a fake clock (1 April 2026, 09:00 in Japan): each due reminder goes once to
/// the right people through the outbox (with a notice where the address is an account's), running again sends
/// nothing, and two runs or two background runners on the same database still send each reminder once.
/// </summary>
public sealed class ReminderServiceTests : TwoCompaniesTest
{
    private static readonly DateOnly April1 = new(2026, 4, 1);
    private int _draftInClosingWindow;
    private int _draftInLaterWindow;
    private int _reportDueIn13Days;
    private int _reportDueIn2Days;
    private int _registeredTomorrow;
    private int _followUpToday;

    private static DateTime Jst(int month, int day, int hour) => JapanTime.ToUtc(new DateTime(2026, month, day, hour, 0, 0));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext(clock: Clock);
        await new SchemeSeeder(db, Clock).SeedAsync();
        await new SubsidySeeder(db, Clock).SeedAsync();
        // Mail goes to confirmed addresses only: the companies' owners and a chamber staff member.
        await db.Users.Where(u => u.Id == "owner-a" || u.Id == "owner-b").ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true).SetProperty(u => u.NormalizedEmail, u => u.Email!.ToUpper()));
        db.Users.Add(new AppUser { Id = "chamber-1", UserName = "staff@example.jp", Email = "staff@example.jp", NormalizedEmail = "STAFF@EXAMPLE.JP", EmailConfirmed = true, PreferredCulture = "en" });
        await db.SaveChangesAsync();

        var program = await db.SubsidyPrograms.OrderBy(p => p.Id).FirstAsync();
        SubsidyWindow Window(int number, DateTime closes) => new()
        {
            ReceiptCode = SubsidyWindow.ReceiptCodeFor(2026, program.ReceiptCode, 90 + number), ProgramId = program.Id, FiscalYear = 2026,
            OpensAt = Jst(3, 1, 9), ClosesAt = closes, BudgetYen = 10_000_000, CapYen = 1_000_000, RateNumerator = 1, RateDenominator = 2,
        };
        // Closes on 3 April at 17:00 (in 2 days), on 10 April (in 9 days), and one closed in March.
        var closing = Window(1, Jst(4, 3, 17));
        var later = Window(2, Jst(4, 10, 17));
        var closed = Window(3, Jst(3, 20, 17));
        db.SubsidyWindows.AddRange(closing, later, closed);
        await db.SaveChangesAsync();
        SubsidyApplication Application(SubsidyWindow window, int companyId, ApplicationStatus status, DateOnly? reportDue = null) => new()
        {
            WindowId = window.Id, CompanyId = companyId, Status = status, LiveKey = SubsidyApplication.LiveKeyFor(companyId, window.Id), ResultReportDueOn = reportDue,
        };
        var applications = new[]
        {
            Application(closing, CompanyA, ApplicationStatus.Draft),
            Application(closing, CompanyB, ApplicationStatus.Submitted),
            Application(later, CompanyA, ApplicationStatus.Draft),
            Application(closed, CompanyA, ApplicationStatus.Granted, April1.AddDays(13)),
            Application(closed, CompanyB, ApplicationStatus.Granted, April1.AddDays(2)),
            Application(later, CompanyB, ApplicationStatus.Granted, April1.AddDays(29)),
        };
        db.SubsidyApplications.AddRange(applications);
        await db.SaveChangesAsync();
        (_draftInClosingWindow, _draftInLaterWindow, _reportDueIn13Days, _reportDueIn2Days) = (applications[0].Id, applications[2].Id, applications[3].Id, applications[4].Id);

        // An event tomorrow at 14:00 with one registered and one waiting participant; another the day after.
        var measureId = await db.Measures.Select(m => m.Id).FirstAsync();
        PartnershipEvent Event(string title, DateTime starts) => new()
        {
            MeasureId = measureId, Organiser = OrganiserSide.Metro, TitleJa = title, Venue = "都庁", StartsAt = starts, EndsAt = starts.AddHours(2),
            Capacity = 10, RegistrationOpensAt = Jst(3, 1, 9), RegistrationClosesAt = starts.AddHours(-1),
        };
        var tomorrow = Event("明日のセミナー", Jst(4, 2, 14));
        var dayAfter = Event("明後日のセミナー", Jst(4, 3, 14));
        db.PartnershipEvents.AddRange(tomorrow, dayAfter);
        await db.SaveChangesAsync();
        EventRegistration Registration(PartnershipEvent e, string participant, RegistrationStatus status) => new()
        {
            EventId = e.Id, CompanyId = CompanyA, RegisteredByUserId = "owner-a", ParticipantName = participant, ParticipantEmail = $"{participant}@example.jp",
            ActiveEmail = $"{participant}@example.jp", Status = status, ContactEmail = "owner-a@example.jp", ContactCulture = "en",
        };
        var registered = Registration(tomorrow, "sanka", RegistrationStatus.Registered);
        db.EventRegistrations.AddRange(registered, Registration(tomorrow, "machi", RegistrationStatus.Waiting), Registration(dayAfter, "asatte", RegistrationStatus.Registered));

        // A chamber follow-up today, one tomorrow, and one today that is already done.
        var (area, branch) = (await db.ProgramAreas.Select(a => a.Code).FirstAsync(), await db.ChamberBranches.Select(b => b.Code).FirstAsync());
        MemberSupportCase Case(DateOnly followUp, DateOnly? done) => new()
        {
            CompanyId = CompanyB, Date = April1.AddDays(-7), AreaCode = area, BranchCode = branch, Advice = "両立支援の制度づくり", FollowUpOn = followUp,
            FollowedUpOn = done, RecordedByUserId = "chamber-1",
        };
        var today = Case(April1, null);
        db.MemberSupportCases.AddRange(today, Case(April1.AddDays(1), null), Case(April1, April1));
        await db.SaveChangesAsync();
        (_registeredTomorrow, _followUpToday) = (registered.Id, today.Id);
    }

    private ReminderService Service(AppDbContext db) =>
        new(db, new MailOutbox(db, Clock), new PlainReminderMail(), new CompanyRecipients(db), new UserRecipients(db), Clock);

    private async Task<ReminderService.Result> RunAsync()
    {
        await using var db = Database.CreateContext(clock: Clock);
        return await Service(db).RunAsync();
    }

    private async Task<List<(string To, string Subject, string Body)>> OutboxAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.OutboxMessages.OrderBy(m => m.Id).Select(m => new { m.To, m.Subject, m.BodyText }).ToListAsync())
            .Select(m => (m.To, m.Subject, m.BodyText)).ToList();
    }

    private async Task<List<(string Kind, int RecordId, DateOnly DueOn)>> SentAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.SentReminders.Select(s => new { s.Kind, s.RecordId, s.DueOn }).ToListAsync())
            .Select(s => (s.Kind, s.RecordId, s.DueOn)).Order().ToList();
    }

    /// <summary>What is due on 1 April: the draft in the window closing on the 3rd, tomorrow's participant, today's follow-up, the report due in 13 days (14-day reminder) and the one due in 2 days (3-day reminder).</summary>
    private List<(string, int, DateOnly)> DueOnApril1 =>
    [
        .. new List<(string, int, DateOnly)>
        {
            ("DraftWindowCloses", _draftInClosingWindow, new DateOnly(2026, 4, 3)),
            ("EventTomorrow", _registeredTomorrow, new DateOnly(2026, 4, 2)),
            ("FollowUpDue", _followUpToday, April1),
            ("ResultReportDue14", _reportDueIn13Days, April1.AddDays(13)),
            ("ResultReportDue3", _reportDueIn2Days, April1.AddDays(2)),
        }.Order(),
    ];

    [Fact]
    public async Task Each_due_reminder_goes_once_to_its_people_with_a_notice_and_a_second_run_sends_nothing()
    {
        var result = await RunAsync();

        Assert.Equal(new ReminderService.Result(1, 1, 1, 2), result);
        Assert.Equal(DueOnApril1, await SentAsync());
        var mail = await OutboxAsync();
        Assert.Equal(5, mail.Count);
        Assert.Contains(mail, m => m.To == "owner-a@example.jp" && m.Subject.StartsWith("DraftWindowCloses", StringComparison.Ordinal)
            && m.Body.EndsWith($"/company/subsidies/applications/{_draftInClosingWindow}", StringComparison.Ordinal));
        Assert.Contains(mail, m => m.To == "sanka@example.jp" && m.Subject == "EventTomorrow: 明日のセミナー" && m.Body.StartsWith("sanka / en", StringComparison.Ordinal));
        Assert.Contains(mail, m => m.To == "staff@example.jp" && m.Subject.StartsWith("FollowUpDue", StringComparison.Ordinal) && m.Body.Contains("/ en", StringComparison.Ordinal)
            && m.Body.EndsWith($"/outreach/support/{_followUpToday}/edit", StringComparison.Ordinal));
        Assert.Contains(mail, m => m.To == "owner-a@example.jp" && m.Subject.StartsWith("ResultReportDue14", StringComparison.Ordinal));
        Assert.Contains(mail, m => m.To == "owner-b@example.jp" && m.Subject.StartsWith("ResultReportDue3", StringComparison.Ordinal));
        Assert.DoesNotContain(mail, m => m.Body.EndsWith($"/company/subsidies/applications/{_draftInLaterWindow}", StringComparison.Ordinal));
        Assert.DoesNotContain(mail, m => m.To is "machi@example.jp" or "asatte@example.jp");

        // Each mail to an account is also its notice, linked to the record; the participant without an account has mail only.
        await using (var db = Database.CreateContext())
        {
            var notices = await db.Notices.OrderBy(n => n.Id).Select(n => new { n.UserId, n.Link }).ToListAsync();
            Assert.Equal(4, notices.Count);
            Assert.Contains(notices, n => n.UserId == "chamber-1" && n.Link == $"/outreach/support/{_followUpToday}/edit");
            Assert.Contains(notices, n => n.UserId == "owner-a" && n.Link == $"/company/subsidies/applications/{_draftInClosingWindow}");
        }

        Assert.Equal(0, (await RunAsync()).Total);
        Assert.Equal(5, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task Days_later_only_what_became_due_is_sent_and_nothing_twice()
    {
        await RunAsync();

        // 11 April: the report due on the 14th is now within 3 days (its 3-day reminder); nothing else is new, and the
        // follow-up of the 2nd, missed while no run happened on its day, is not sent late.
        Clock.SetUtcNow(new DateTimeOffset(Jst(4, 11, 9)));
        var result = await RunAsync();

        Assert.Equal(new ReminderService.Result(0, 0, 0, 1), result);
        var sent = await SentAsync();
        Assert.Contains(("ResultReportDue3", _reportDueIn13Days, April1.AddDays(13)), sent);
        Assert.Equal(6, sent.Count);
        Assert.Equal(0, (await RunAsync()).Total);
        Assert.Equal(6, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task Four_runs_at_the_same_moment_on_one_database_send_each_reminder_once()
    {
        // As if the lease failed and several nodes ran the job at once: the unique key alone keeps each reminder single.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunAsync)));

        Assert.Equal(5, results.Sum(r => r.Total));
        Assert.Equal(DueOnApril1, await SentAsync());
        var mail = await OutboxAsync();
        Assert.Equal(5, mail.Count);
        Assert.Equal(mail.Count, mail.Distinct().Count());
        await using var db = Database.CreateContext();
        Assert.Equal(4, await db.Notices.CountAsync());
    }

    [Fact]
    public async Task Two_background_runners_on_one_database_send_each_reminder_once()
    {
        var runners = new[] { Runner("node-a"), Runner("node-b") };
        // The first round of each starts at once; wait for it by the runner, not by the clock.
        var rounds = runners.Select(r => r.Runner.RoundEndedAsync()).ToList();
        await Task.WhenAll(runners.Select(r => r.Runner.StartAsync(CancellationToken.None)));
        await Task.WhenAll(rounds).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, runners.Count(r => r.Runner.HeldLeases.Contains("reminders")));
        foreach (var (runner, services) in runners)
        {
            await runner.StopAsync(CancellationToken.None);
            runner.Dispose();
            await services.DisposeAsync();
        }
        Assert.Equal(DueOnApril1, await SentAsync());
        Assert.Equal(5, (await OutboxAsync()).Count);
    }

    /// <summary>A node as the portal builds it: the real reminder job under a runner, its own services and contexts on the shared database.</summary>
    private (BackgroundRunner Runner, ServiceProvider Services) Runner(string node)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddScoped(_ => Database.CreateContext(clock: Clock));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IMailOutbox>(sp => new MailOutbox(sp.GetRequiredService<AppDbContext>(), Clock));
        services.AddScoped<ICompanyRecipients, CompanyRecipients>();
        services.AddScoped<IUserRecipients, UserRecipients>();
        services.AddSingleton<IReminderMail, PlainReminderMail>();
        services.AddScoped<ReminderService>();
        services.AddScoped<BackgroundLeaseStore>();
        var provider = services.BuildServiceProvider();
        var runner = new BackgroundRunner([new ReminderJob(TimeSpan.FromHours(1))], provider.GetRequiredService<IServiceScopeFactory>(), Clock,
            new BackgroundNode(node), BackgroundOptions.Default, NullLogger<BackgroundRunner>.Instance);
        return (runner, provider);
    }
}
