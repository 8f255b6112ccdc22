using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Consultations;
using Partnership.Core.Outreach;
using Partnership.Core.Submissions;
using Partnership.Infrastructure.Data;
using Partnership.IntegrationTests.Events;
using Partnership.TestKit;
using Xunit.Abstractions;

namespace Partnership.IntegrationTests.Outreach;

public class OutreachImportTests(ITestOutputHelper output) : DatabaseTest
{
    private const string Chamber = "chamber-1";
    private int companyA;
    private int rosterA;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (companyA, _) = await Seed.CompaniesAsync(db);
        await db.Companies.Where(c => c.Id == companyA).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsChamberMember, true).SetProperty(c => c.MembershipVerified, true));
        var member = new Partnership.Core.Members.RosterMember
        {
            MemberNumber = "A-1", CorporateNumber = "8000020130001", Name = "甲商事株式会社", NameKana = "コウショウジ", NameFolded = "甲商事株式会社", KanaFolded = "コウショウジ",
            BranchCode = "13104", JoinedOn = new DateOnly(2015, 4, 1),
        };
        db.RosterMembers.Add(member);
        await db.SaveChangesAsync();
        rosterA = member.Id;
    }

    private OutreachService Service(AppDbContext db) => new(db, Clock);

    /// <summary>Rows of a file: dates over two years, every channel, one or two measures, branches and reaches that vary.</summary>
    public static List<string[]> Rows(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new[]
        {
            new DateOnly(2024, 4, 1).AddDays(i % 700).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            OutreachRules.ChannelNames.Keys.ElementAt(i % 8),
            i % 3 == 0 ? "TELEWORK-M01;LWB-M01" : "TELEWORK-M04",
            (13101 + i % 23).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (i % 5000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            i % 10 == 0 ? $"第{i}号で周知しました。" : "",
        }),
    ];

    [Fact]
    public async Task Ten_thousand_rows_import_at_once_and_importing_the_same_file_again_adds_none()
    {
        var rows = Rows(10_000);
        var watch = Stopwatch.StartNew();
        ImportResult first;
        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            first = await Service(db).ImportAsync(rows, Chamber);
        }
        output.WriteLine($"10,000 rows imported in {watch.ElapsedMilliseconds} ms");
        Assert.False(first.Refused, string.Join(", ", first.Errors.Take(5)));
        Assert.Equal(10_000, first.Added);

        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            var again = await Service(db).ImportAsync(rows, Chamber);
            Assert.Equal((0, 10_000), (again.Added, again.AlreadyImported));
            // A file with the old rows and two new ones adds only the new ones.
            var more = await Service(db).ImportAsync([.. rows.Take(100), .. Rows(10_002).Skip(10_000)], Chamber);
            Assert.Equal((2, 100), (more.Added, more.AlreadyImported));
        }

        await using var check = Database.CreateContext();
        Assert.Equal(10_002, await check.OutreachActivities.CountAsync());
        Assert.Equal(10_002 + 3_334, await check.OutreachActivityMeasures.CountAsync());
        var totals = await new OutreachService(check, Clock).TotalsAsync(new ActivityFilter(null, null, OutreachChannel.Tour, "TELEWORK", null, null));
        Assert.Equal(1250, totals.Activities);
    }

    [Fact]
    public async Task One_wrong_row_at_the_end_of_ten_thousand_imports_nothing_and_names_the_row()
    {
        var rows = Rows(10_000);
        rows[9_998] = [.. rows[9_998][..3], "99999", .. rows[9_998][4..]];

        await using var db = Database.CreateContext(TestDatabase.User(Chamber), Clock);
        var result = await Service(db).ImportAsync(rows, Chamber);

        Assert.True(result.Refused);
        var error = Assert.Single(result.Errors);
        // The 9,999th data row is the sheet's row 10,000 (the header is row 1).
        Assert.Equal((10_000, "支部コード", "Outreach.Import.BranchUnknown"), (error.Row, error.Column, error.Code));
        Assert.Equal(0, await db.OutreachActivities.CountAsync());
    }

    [Fact]
    public async Task Only_the_person_who_logged_an_activity_or_the_manager_of_its_branch_changes_or_deletes_it()
    {
        int id;
        var measureId = await MeasureIdAsync("TELEWORK-M01");
        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            var logged = await Service(db).LogAsync(new ActivityInput(new DateOnly(2026, 3, 31), OutreachChannel.Tour, [measureId], "13104", 35, [companyA], "見学会"), Chamber);
            Assert.True(logged.Succeeded, string.Join(",", logged.Errors));
            id = logged.Value;
        }
        await using (var db = Database.CreateContext(TestDatabase.User("chamber-2"), Clock))
        {
            var activity = await db.OutreachActivities.SingleAsync(a => a.Id == id);
            var input = new ActivityInput(new DateOnly(2026, 3, 31), OutreachChannel.Tour, [measureId], "13104", 40, [], "");
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, (await Service(db).UpdateAsync(id, input, activity.Version, new ChamberEditor("chamber-2", "13104", false))).Status);
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, (await Service(db).DeleteAsync(id, new ChamberEditor("chamber-2", "13104", false))).Status);
            // The manager of another branch neither.
            Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, (await Service(db).DeleteAsync(id, new ChamberEditor("chamber-2", "13101", true))).Status);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("manager-13104"), Clock))
        {
            // The manager of the activity's branch may change it, but not move it out of the branch.
            var activity = await db.OutreachActivities.AsNoTracking().SingleAsync(a => a.Id == id);
            var manager = new ChamberEditor("manager-13104", "13104", true);
            var moved = await Service(db).UpdateAsync(id, new ActivityInput(new DateOnly(2026, 3, 31), OutreachChannel.Tour, [measureId], "13101", 40, [], ""), activity.Version, manager);
            Assert.Equal("Outreach.BranchNotYours", moved.Errors.Single().Code);
            Assert.True((await Service(db).UpdateAsync(id, new ActivityInput(new DateOnly(2026, 3, 31), OutreachChannel.Tour, [measureId], "13104", 40, [companyA], "見学会（支部長が修正）"),
                activity.Version, manager)).Succeeded);
        }
        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            Assert.Equal("見学会（支部長が修正）", await db.OutreachActivities.Where(a => a.Id == id).Select(a => a.Note).SingleAsync());
            Assert.True((await Service(db).DeleteAsync(id, new ChamberEditor(Chamber, null, false))).Succeeded);
            Assert.False(await db.OutreachActivityCompanies.AnyAsync());
        }
    }

    [Fact]
    public async Task A_referral_converts_when_the_company_later_asks_the_measures_desk_with_the_date_and_the_desk()
    {
        var desk = await DeskAsync();
        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            var referred = await new ReferralService(db, new SubmissionsUnderMeasures(db), Clock)
                .ReferAsync(new ReferralInput(rosterA, [desk.MeasureId], "13104", ReferralChannel.Desk, "テレワークの相談窓口を案内しました。", false), Chamber);
            Assert.True(referred.Succeeded, string.Join(",", referred.Errors));
            var referral = await db.Referrals.SingleAsync();
            Assert.Equal((companyA, false, (DateTime?)null), (referral.CompanyId!.Value, referral.AlreadyTakenUp, referral.ConvertedAt));
        }
        Clock.Advance(TimeSpan.FromDays(7));
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            db.ConsultationRequests.Add(Request(desk.Id, Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            Assert.Equal(1, await new ReferralService(db, new SubmissionsUnderMeasures(db), Clock).MarkConversionsAsync());
            Assert.Equal(0, await new ReferralService(db, new SubmissionsUnderMeasures(db), Clock).MarkConversionsAsync());
        }
        await using var check = Database.CreateContext();
        var converted = await check.Referrals.SingleAsync();
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, converted.ConvertedAt);
        Assert.Equal(ConversionKind.Consultation, converted.ConvertedBy);
        Assert.Equal(desk.Code, converted.ConvertedService);
    }

    [Fact]
    public async Task A_referral_recorded_after_the_company_had_already_asked_is_marked_so_and_never_converts()
    {
        var desk = await DeskAsync();
        await using (var db = Database.CreateContext(TestDatabase.User(Chamber), Clock))
        {
            db.ConsultationRequests.Add(Request(desk.Id, Clock.GetUtcNow().UtcDateTime.AddDays(-10)));
            await db.SaveChangesAsync();
            var referred = await new ReferralService(db, new SubmissionsUnderMeasures(db), Clock)
                .ReferAsync(new ReferralInput(rosterA, [desk.MeasureId], "13104", ReferralChannel.Visit, null, false), Chamber);
            Assert.True(referred.Succeeded, string.Join(",", referred.Errors));
        }
        Clock.Advance(TimeSpan.FromDays(7));
        await using (var db = Database.CreateContext(TestDatabase.User("owner-a"), Clock))
        {
            db.ConsultationRequests.Add(Request(desk.Id, Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            Assert.Equal(0, await new ReferralService(db, new SubmissionsUnderMeasures(db), Clock).MarkConversionsAsync());
            var funnel = await new ReferralService(db, new SubmissionsUnderMeasures(db), Clock).FunnelAsync(new ReferralFilter(null, null, null));
            // The company was registered when it was referred (counted so on the dashboard), and the referral never converts.
            Assert.Equal(new ReferralFunnel(1, 0, 0, 0, 1, RegisteredBefore: 1, ConvertedBefore: 0), funnel);
        }
        await using var check = Database.CreateContext();
        var referral = await check.Referrals.SingleAsync();
        Assert.True(referral.AlreadyTakenUp);
        Assert.Null(referral.ConvertedAt);
    }

    private ConsultationRequest Request(int deskId, DateTime submittedAt) => new()
    {
        CompanyId = companyA, RequestedByUserId = "owner-a", DeskId = deskId, Description = "相談", Status = ConsultationStatus.Submitted,
        SubmittedAt = submittedAt, ContactEmail = "owner-a@example.jp",
    };

    private async Task<ConsultationDesk> DeskAsync()
    {
        await using var db = Database.CreateContext();
        return await db.ConsultationDesks.Include(d => d.Measure).FirstAsync(d => d.Measure!.Side == Partnership.Core.Catalog.MeasureSide.Metro);
    }

    private async Task<int> MeasureIdAsync(string key)
    {
        await using var db = Database.CreateContext();
        return await db.Measures.Where(m => m.Key == key).Select(m => m.Id).SingleAsync();
    }
}
