using Microsoft.EntityFrameworkCore;
using Moq;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Mail;
using Partnership.Core.Schemes;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Schemes;

/// <summary>The scheme services on a real SQLite file: concurrency, numbering, expiry, renewal, form versions.</summary>
public class SchemeServiceTests : DatabaseTest
{
    private static readonly Actor Official = new("metro-1", "metro1@example.jp");

    private readonly Mock<ISchemeMail> _mail = new();

    public SchemeServiceTests()
    {
        _mail.Setup(m => m.Compose(It.IsAny<SchemeMailKind>(), It.IsAny<SchemeMailFacts>(), It.IsAny<string>()))
            .Returns((SchemeMailKind kind, SchemeMailFacts facts, string _) => new MailContent(kind.ToString(), $"{facts.Number}|{facts.Reason}|{facts.ValidUntil:yyyy-MM-dd}"));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await new ReferenceDataSeeder(db).SeedAsync();
        await new SchemeSeeder(db, Clock).SeedAsync();
        for (var i = 1; i <= 3; i++)
        {
            db.Users.Add(new AppUser { Id = $"user-{i}", UserName = $"u{i}@example.jp", Email = $"u{i}@example.jp", EmailConfirmed = true, DisplayName = $"User {i}" });
            var company = new Company
            {
                Name = $"試験{i}株式会社", NameKana = $"シケン{i}", PostalCode = "163-8001", Prefecture = "東京都", MunicipalityCode = "131041", CityName = "新宿区",
                Street = "西新宿2-8-1", Phone = "03-5320-0001", IndustryCode = "I", ContactName = "担当", RegularEmployees = 10,
            };
            company.Members.Add(new CompanyMember { UserId = $"user-{i}", IsOwner = true });
            db.Companies.Add(company);
        }
        await db.SaveChangesAsync();
    }

    private AppDbContext Context() => Database.CreateContext(clock: Clock);

    private SchemeService Company(AppDbContext db) =>
        new(db, new MailOutbox(db, Clock), _mail.Object, new CompanyRecipients(db), Clock, new Partnership.Core.Submissions.ReferralConversionsAtSubmission(db));

    private SchemeReviewService Review(AppDbContext db) => new(db, new MailOutbox(db, Clock), _mail.Object, new CompanyRecipients(db), Clock);

    private static Actor User(int i) => new($"user-{i}", $"u{i}@example.jp");

    private static IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Posted(params (string Key, string[] Values)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Key, p.Values));

    private static readonly (string, string[])[] Certification =
    [
        ("category", ["hours"]), ("employees_covered", ["40"]), ("initiatives", ["残業の事前申請制を導入しました。"]), ("evidence", ["就業規則第12条、月平均残業時間 8時間"]),
    ];

    private async Task<int> CompanyIdAsync(int i)
    {
        await using var db = Context();
        return await db.CompanyMembers.Where(m => m.UserId == $"user-{i}").Select(m => m.CompanyId).SingleAsync();
    }

    /// <summary>A company starts and submits an entry; returns its id.</summary>
    private async Task<int> SubmittedAsync(int user, string scheme, params (string, string[])[] answers)
    {
        var companyId = await CompanyIdAsync(user);
        await using var db = Context();
        var service = Company(db);
        var started = await service.StartAsync(companyId, scheme, User(user));
        var entry = await db.SchemeEntries.AsNoTracking().SingleAsync(e => e.Id == started.Value!.EntryId);
        var submitted = await service.SubmitAsync(entry.Id, companyId, Posted(answers), listInDirectory: true, entry.Version, User(user));
        Assert.True(submitted.Succeeded, string.Join(", ", submitted.Errors.Select(e => e.Code)));
        return entry.Id;
    }

    private async Task<Guid> VersionAsync(int entryId)
    {
        await using var db = Context();
        return await db.SchemeEntries.Where(e => e.Id == entryId).Select(e => e.Version).SingleAsync();
    }

    private async Task AcceptAsync(int entryId)
    {
        await using var db = Context();
        var outcome = await Review(db).DecideAsync(entryId, Decision.Accept, null, await VersionAsync(entryId), Official);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors.Select(e => e.Code)));
    }

    [Fact]
    public async Task Two_officials_decide_the_same_entry_at_once_one_wins_the_other_is_told_and_nothing_is_overwritten()
    {
        var id = await SubmittedAsync(1, "LWB-CERT", Certification);
        var version = await VersionAsync(id);
        await using var first = Context();
        await using var second = Context();

        var outcomes = await Task.WhenAll(
            Review(first).DecideAsync(id, Decision.Accept, null, version, Official),
            Review(second).DecideAsync(id, Decision.Reject, "対象外の業種です。", version, new Actor("metro-2", "metro2@example.jp")));

        Assert.Single(outcomes, o => o.Succeeded);
        var loser = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal("Scheme.DecidedMeanwhile", loser.Errors.Single().Code);
        await using var check = Context();
        var entry = await check.SchemeEntries.Include(e => e.Events).SingleAsync(e => e.Id == id);
        var decided = outcomes.Single(o => o.Succeeded).Value!.Status;
        Assert.Equal(decided, entry.Status);
        Assert.Single(entry.Events, e => e.Action is "accepted" or "rejected");
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Subject == "Accepted" || m.Subject == "Rejected"));
    }

    [Fact]
    public async Task A_company_starting_the_same_scheme_many_times_at_once_gets_one_draft()
    {
        var companyId = await CompanyIdAsync(1);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = Context();
            return await Company(db).StartAsync(companyId, "TELEWORK-RULE", User(1));
        }));
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.Value!.EntryId).Distinct());
        await using var check = Context();
        Assert.Equal(1, await check.SchemeEntries.CountAsync());
    }

    [Fact]
    public async Task Numbers_are_given_per_scheme_and_fiscal_year_in_order_and_never_twice_even_when_accepted_at_once()
    {
        var ids = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add(await SubmittedAsync(i, "LWB-CERT", Certification));
        }
        var versions = new List<Guid>();
        foreach (var id in ids)
        {
            versions.Add(await VersionAsync(id));
        }
        await Task.WhenAll(ids.Select(async (id, n) =>
        {
            await using var db = Context();
            var outcome = await Review(db).DecideAsync(id, Decision.Accept, null, versions[n], Official);
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors.Select(e => e.Code)));
        }));
        await using var check = Context();
        var numbers = await check.SchemeEntries.Select(e => e.Number!).ToListAsync();
        Assert.Equal(["LWB-2026-00001", "LWB-2026-00002", "LWB-2026-00003"], numbers.Order(StringComparer.Ordinal));
        // The mail carries the number the entry finally got.
        foreach (var entry in await check.SchemeEntries.Include(e => e.Company).ToListAsync())
        {
            var user = await check.CompanyMembers.Where(m => m.CompanyId == entry.CompanyId).Select(m => m.UserId).SingleAsync();
            var mail = await check.OutboxMessages.SingleAsync(m => m.Subject == "Accepted" && m.To == user.Replace("user-", "u") + "@example.jp");
            Assert.StartsWith(entry.Number + "|", mail.BodyText);
        }
    }

    [Fact]
    public async Task A_certification_reminds_at_90_and_30_days_expires_after_its_end_and_leaves_the_directory()
    {
        var id = await SubmittedAsync(1, "LWB-CERT", Certification);
        await AcceptAsync(id);
        await using (var db = Context())
        {
            var entry = await db.SchemeEntries.SingleAsync(e => e.Id == id);
            Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2028, 3, 31)), (entry.ValidFrom!.Value, entry.ValidUntil!.Value));
        }

        async Task<SchemeExpiryService.Result> RunAt(DateTimeOffset japanMorning)
        {
            Clock.SetUtcNow(japanMorning.ToUniversalTime());
            await using var db = Context();
            return await new SchemeExpiryService(db, new MailOutbox(db, Clock), _mail.Object, new CompanyRecipients(db), Clock).RunAsync();
        }
        var jst = TimeSpan.FromHours(9);
        Assert.Equal(new(0, 0), await RunAt(new DateTimeOffset(2027, 12, 31, 9, 0, 0, jst)));
        Assert.Equal(new(1, 0), await RunAt(new DateTimeOffset(2028, 1, 1, 9, 0, 0, jst)));
        Assert.Equal(new(0, 0), await RunAt(new DateTimeOffset(2028, 1, 2, 9, 0, 0, jst)));
        Assert.Equal(new(1, 0), await RunAt(new DateTimeOffset(2028, 3, 1, 9, 0, 0, jst)));

        // Still in force on its last day, listed; gone the next day.
        Assert.Equal(new(0, 0), await RunAt(new DateTimeOffset(2028, 3, 31, 23, 0, 0, jst)));
        await using (var db = Context())
        {
            Assert.Single((await new DirectoryService(db, Clock).SearchAsync(new DirectoryFilter("LWB-CERT"))).Rows);
        }
        Assert.Equal(new(0, 1), await RunAt(new DateTimeOffset(2028, 4, 1, 0, 5, 0, jst)));
        await using var check = Context();
        var expired = await check.SchemeEntries.SingleAsync(e => e.Id == id);
        Assert.Equal((EntryStatus.Expired, (string?)null), (expired.Status, expired.LiveKey));
        Assert.Empty((await new DirectoryService(check, Clock).SearchAsync(new DirectoryFilter("LWB-CERT"))).Rows);
        Assert.Equal(["Submitted", "Accepted", "ExpiresSoon", "ExpiresSoon", "Expired"], await check.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync());
    }

    [Fact]
    public async Task A_renewal_opens_90_days_before_the_end_keeps_the_number_and_follows_on_without_a_gap_or_overlap()
    {
        var companyId = await CompanyIdAsync(1);
        var id = await SubmittedAsync(1, "LWB-CERT", Certification);
        await AcceptAsync(id);

        await using (var db = Context())
        {
            Assert.Equal("Scheme.RenewalNotYet", (await Company(db).RenewAsync(id, companyId, User(1))).Errors.Single().Code);
        }
        Clock.SetUtcNow(new DateTimeOffset(2028, 1, 15, 0, 0, 0, TimeSpan.Zero));
        int renewalId;
        await using (var db = Context())
        {
            var renewal = await Company(db).RenewAsync(id, companyId, User(1));
            Assert.False(renewal.Value!.AlreadyThere);
            renewalId = renewal.Value.EntryId;
            // A second click opens the same renewal.
            Assert.Equal(renewalId, (await Company(db).RenewAsync(id, companyId, User(1))).Value!.EntryId);
        }
        await using (var db = Context())
        {
            var draft = await db.SchemeEntries.AsNoTracking().SingleAsync(e => e.Id == renewalId);
            Assert.Equal("40", draft.Answers.Single("employees_covered"));
            var submitted = await Company(db).SubmitAsync(renewalId, companyId, Posted(Certification), true, draft.Version, User(1));
            Assert.True(submitted.Succeeded);
        }
        await AcceptAsync(renewalId);

        await using var check = Context();
        var old = await check.SchemeEntries.SingleAsync(e => e.Id == id);
        var renewed = await check.SchemeEntries.SingleAsync(e => e.Id == renewalId);
        Assert.Equal(old.Number, renewed.Number);
        Assert.Null(renewed.IssuedNumber);
        Assert.Equal(old.ValidUntil!.Value.AddDays(1), renewed.ValidFrom);
        Assert.Equal(new DateOnly(2030, 3, 31), renewed.ValidUntil);
        Assert.Null(old.LiveKey);
        Assert.NotNull(renewed.LiveKey);
        var listed = await new DirectoryService(check, Clock).SearchAsync(new DirectoryFilter("LWB-CERT"));
        Assert.Equal(old.ValidUntil, Assert.Single(listed.Rows).ValidUntil);
    }

    [Fact]
    public async Task A_draft_started_before_a_new_form_version_moves_to_it_with_a_notice_and_can_still_be_submitted()
    {
        var companyId = await CompanyIdAsync(2);
        int id;
        await using (var db = Context())
        {
            var service = Company(db);
            id = (await service.StartAsync(companyId, "LWB-FAMILY", User(2))).Value!.EntryId;
            var entry = await db.SchemeEntries.AsNoTracking().SingleAsync(e => e.Id == id);
            var saved = await service.SaveDraftAsync(id, companyId, Posted(("measures", ["childcare", "fertility"]), ("contact", ["人事部"])), false, entry.Version, User(2));
            Assert.True(saved.Succeeded);
        }
        await using (var db = Context())
        {
            var current = await Company(db).CurrentFormAsync((await db.Schemes.SingleAsync(s => s.Code == "LWB-FAMILY")).Id);
            var def = current.Definition;
            var next = new FormDefinition
            {
                Fields = [def.Fields[0] with { Options = def.Fields[0].OptionList.Where(o => o.Code != "fertility").ToList() }, .. def.Fields.Skip(1)],
            };
            Assert.True((await Review(db).PublishFormAsync("LWB-FAMILY", next, 1, Official)).Succeeded);
            Assert.Equal("SchemeForm.PublishedMeanwhile", (await Review(db).PublishFormAsync("LWB-FAMILY", next, 1, Official)).Errors.Single().Code);
        }
        await using (var db = Context())
        {
            var service = Company(db);
            var entry = (await service.FindAsync(id, companyId))!;
            var form = await service.FormAsync(entry);
            Assert.Equal(2, form.Form.Number);
            Assert.Equal(["childcare"], form.Answers["measures"]);
            Assert.Equal("実施している両立支援の取組：不妊治療と仕事の両立支援", Assert.Single(form.MigrationNotes).Ja);

            var submitted = await service.SubmitAsync(id, companyId, Posted(("measures", ["childcare"]), ("contact", ["人事部"]), ("description", ["短時間勤務を小学校卒業まで延長しました。"])), false, entry.Version, User(2));
            Assert.True(submitted.Succeeded);
        }
        await using var check = Context();
        var submission = await check.SchemeSubmissions.Include(s => s.FormVersion).SingleAsync(s => s.EntryId == id);
        Assert.Equal(2, submission.FormVersion!.Number);
    }

    [Fact]
    public async Task A_submission_is_frozen_later_corrections_make_a_second_one_and_the_first_stays_as_it_was()
    {
        var companyId = await CompanyIdAsync(3);
        var id = await SubmittedAsync(3, "LWB-CERT", Certification);
        await using (var db = Context())
        {
            var returned = await Review(db).DecideAsync(id, Decision.Return, "根拠資料の名称を具体的に記入してください。", await VersionAsync(id), Official);
            Assert.True(returned.Succeeded);
        }
        await using (var db = Context())
        {
            var corrected = Certification.Select(a => a.Item1 == "evidence" ? ("evidence", new[] { "就業規則（2026年4月改定）第12条" }) : a).ToArray();
            var outcome = await Company(db).SubmitAsync(id, companyId, Posted(corrected), true, await VersionAsync(id), User(3));
            Assert.True(outcome.Succeeded);
        }
        await using var check = Context();
        var submissions = await check.SchemeSubmissions.Where(s => s.EntryId == id).OrderBy(s => s.Sequence).ToListAsync();
        Assert.Equal(2, submissions.Count);
        Assert.Contains("月平均残業時間 8時間", submissions[0].AnswersJson);
        Assert.Contains("2026年4月改定", submissions[1].AnswersJson);
        var entry = await check.SchemeEntries.SingleAsync(e => e.Id == id);
        Assert.Equal((EntryStatus.Submitted, (string?)null), (entry.Status, entry.Reason));
    }
}
