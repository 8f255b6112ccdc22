using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Moq;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Dashboards;
using Partnership.Core.Facts;
using Partnership.Core.Mail;
using Partnership.Core.Outreach;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Documents;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Dashboards;

/// <summary>
/// Every figure the dashboards read from the pre-aggregated facts equals a direct count over the records, for a
/// generated data set over two fiscal years, and stays equal after edits, withdrawals, deletions and a company's move.
/// </summary>
public class DashboardExactnessTests : DatabaseTest
{
    private static readonly int[] Years = [2025, 2026];
    private readonly Random _random = new(20261130);
    private List<string> _areas = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext(clock: Clock);
        await new ReferenceDataSeeder(db).SeedAsync();
        await new SchemeSeeder(db, Clock).SeedAsync();
        await new SubsidySeeder(db, Clock).SeedAsync();
        _areas = await db.ProgramAreas.OrderBy(a => a.Order).Select(a => a.Code).ToListAsync();
        await GenerateAsync(db);
    }

    private readonly Microsoft.Extensions.Caching.Memory.MemoryCache _cache = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions());

    /// <summary>One cache for the whole test, as one portal node keeps it: a figure read from memory after a write would fail the counts.</summary>
    private DashboardReader Reader(AppDbContext db) => new(db, new DashboardFacts(db), Clock, _cache);

    /// <summary>A spread of companies, entries, windows, applications, activities and referrals over FY2025 and FY2026.</summary>
    private async Task GenerateAsync(AppDbContext db)
    {
        var municipalities = await db.Municipalities.Select(m => m.Code).Take(30).ToListAsync();
        var industries = await db.Industries.Select(i => i.Code).ToListAsync();
        var branches = await db.ChamberBranches.Select(b => b.Code).ToListAsync();
        var measures = await db.Measures.Select(m => m.Id).ToListAsync();
        var schemes = await db.Schemes.Select(s => new { s.Id, FormVersion = s.FormVersions.Select(v => v.Id).First() }).ToListAsync();
        var programs = await db.SubsidyPrograms.Select(p => new { p.Id, p.ReceiptCode }).ToListAsync();
        db.Users.Add(new AppUser { Id = "gen", UserName = "gen@example.jp", Email = "gen@example.jp" });

        var companies = Enumerable.Range(1, 60).Select(i => new Company
        {
            Name = $"生成{i}株式会社", NameKana = "セイセイ", PostalCode = "163-8001", Prefecture = i % 10 == 0 ? "神奈川県" : "東京都",
            MunicipalityCode = i % 10 == 0 ? null : Pick(municipalities), CityName = "新宿区", Street = "1", Phone = "03-5320-0001",
            IndustryCode = Pick(industries), SizeBand = (SizeBand)(i % 3 + 1), ContactName = "担当", RegularEmployees = 10 + i,
        }).ToList();
        db.Companies.AddRange(companies);
        await db.SaveChangesAsync();

        var yearStart = new DateTime(2025, 3, 31, 15, 0, 0, DateTimeKind.Utc); // 1 April 2025 00:00 JST
        DateTime Instant() => yearStart.AddMinutes(_random.Next(0, 2 * 365 * 24 * 60));
        var statuses = new[] { EntryStatus.Submitted, EntryStatus.Accepted, EntryStatus.Accepted, EntryStatus.Accepted, EntryStatus.Rejected, EntryStatus.Withdrawn, EntryStatus.Returned, EntryStatus.Expired, EntryStatus.Draft };
        for (var i = 0; i < 150; i++)
        {
            var status = Pick(statuses);
            var scheme = Pick(schemes);
            var submitted = Instant();
            var from = DateOnly.FromDateTime(JapanTime.ToJapan(submitted)).AddDays(_random.Next(0, 40));
            db.SchemeEntries.Add(new SchemeEntry
            {
                SchemeId = scheme.Id, CompanyId = Pick(companies).Id, FormVersionId = scheme.FormVersion, Status = status,
                FirstSubmittedAt = status == EntryStatus.Draft ? null : submitted, SubmittedAt = status == EntryStatus.Draft ? null : submitted,
                DecidedAt = status is EntryStatus.Accepted or EntryStatus.Rejected or EntryStatus.Expired ? submitted.AddDays(_random.Next(1, 60)) : null,
                ValidFrom = status is EntryStatus.Accepted or EntryStatus.Expired ? from : null,
                ValidUntil = status is EntryStatus.Accepted or EntryStatus.Expired ? (i % 7 == 0 ? null : from.AddDays(_random.Next(-300, 700))) : null,
            });
        }
        // Validity that ends before it begins is not a thing: keep the generated ones in order.
        foreach (var e in db.ChangeTracker.Entries<SchemeEntry>().Select(x => x.Entity).Where(e => e.ValidUntil < e.ValidFrom))
        {
            e.ValidUntil = e.ValidFrom!.Value.AddDays(30);
        }

        var windows = new List<SubsidyWindow>();
        foreach (var year in Years)
        {
            foreach (var program in programs.Take(3))
            {
                windows.Add(new SubsidyWindow
                {
                    ReceiptCode = $"G{year}-{program.ReceiptCode}", ProgramId = program.Id, FiscalYear = year,
                    OpensAt = JapanTime.FiscalYearStartUtc(year), ClosesAt = JapanTime.FiscalYearEndUtc(year), BudgetYen = 50_000_000, CapYen = 1_000_000,
                    RateNumerator = 1, RateDenominator = 2, Allotment = Allotment.Screening,
                });
            }
        }
        db.SubsidyWindows.AddRange(windows);
        await db.SaveChangesAsync();
        var appStatuses = Enum.GetValues<ApplicationStatus>();
        var seq = new Dictionary<int, int>();
        for (var i = 0; i < 120; i++)
        {
            var window = Pick(windows);
            var status = Pick(appStatuses);
            var submitted = window.OpensAt.AddMinutes(_random.Next(0, 300 * 24 * 60));
            var number = seq[window.Id] = seq.GetValueOrDefault(window.Id) + 1;
            var granted = SubsidyRules.IsGranted(status);
            db.SubsidyApplications.Add(new SubsidyApplication
            {
                WindowId = window.Id, CompanyId = Pick(companies).Id, Status = status, RequestedYen = 500_000,
                SubmittedAt = status == ApplicationStatus.Draft ? null : submitted,
                ReceiptSeq = status == ApplicationStatus.Draft ? null : number, ReceiptNumber = status == ApplicationStatus.Draft ? null : $"{window.ReceiptCode}-{number:D6}",
                DecidedAt = granted || status == ApplicationStatus.NotGranted ? submitted.AddDays(_random.Next(0, 90)).AddHours(_random.Next(0, 24)) : null,
                GrantedYen = granted ? _random.Next(1, 500) * 1_000L : null,
            });
        }
        foreach (var window in windows)
        {
            window.LastReceiptSeq = seq.GetValueOrDefault(window.Id);
        }
        for (var i = 0; i < 400; i++)
        {
            var activity = new OutreachActivity
            {
                Date = DateOnly.FromDateTime(JapanTime.ToJapan(Instant())), Channel = (OutreachChannel)_random.Next(1, 9), BranchCode = Pick(branches),
                Reach = _random.Next(0, 5000), LoggedByUserId = "gen",
            };
            foreach (var measure in measures.OrderBy(_ => _random.Next()).Take(_random.Next(0, 3)))
            {
                activity.Measures.Add(new OutreachActivityMeasure { MeasureId = measure });
            }
            db.OutreachActivities.Add(activity);
        }
        for (var i = 0; i < 150; i++)
        {
            var at = Instant();
            db.Referrals.Add(new Referral
            {
                CompanyId = Pick(companies).Id, MeasureId = Pick(measures), BranchCode = Pick(branches), ReferredAt = at, ReferredByUserId = "gen",
                ConvertedAt = i % 3 == 0 ? at.AddDays(5) : null, ConvertedBy = i % 3 == 0 ? ConversionKind.Scheme : null,
            });
        }
        await db.SaveChangesAsync();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    [Fact]
    public async Task Every_figure_equals_a_direct_count_for_a_generated_data_set()
    {
        await using var db = Database.CreateContext(clock: Clock);
        Assert.True(await db.DashboardDirtyMarks.AnyAsync(), "saving records marks their buckets");
        await AssertExactAsync(db);
        Assert.False(await db.DashboardDirtyMarks.AnyAsync(), "reading refreshes every dirty bucket");
        Assert.True(await db.DashboardFacts.AnyAsync());
    }

    [Fact]
    public async Task Figures_stay_exact_after_edits_withdrawals_deletions_and_a_company_moving()
    {
        await using (var warm = Database.CreateContext(clock: Clock))
        {
            await Reader(warm).ReadAsync(2025);
        }
        await using (var db = Database.CreateContext(clock: Clock))
        {
            // An activity moves to another month and channel, another loses its measures, a third is deleted.
            var activities = await db.OutreachActivities.Include(a => a.Measures).OrderBy(a => a.Id).Take(3).ToListAsync();
            activities[0].Date = activities[0].Date.AddMonths(5);
            activities[0].Channel = activities[0].Channel == OutreachChannel.Tour ? OutreachChannel.Desk : OutreachChannel.Tour;
            activities[0].Reach += 123;
            activities[1].Measures.Clear();
            db.OutreachActivities.Remove(activities[2]);
            // An application is withdrawn, another granted more, an entry rejected, another's validity ends early.
            var applications = await db.SubsidyApplications.Where(a => a.Status == ApplicationStatus.Granted || a.Status == ApplicationStatus.Submitted).OrderBy(a => a.Id).Take(2).ToListAsync();
            applications[0].Status = ApplicationStatus.Withdrawn;
            applications[1].Status = ApplicationStatus.Granted;
            applications[1].GrantedYen = 777_000;
            applications[1].DecidedAt = applications[1].SubmittedAt!.Value.AddDays(3);
            var entries = await db.SchemeEntries.Where(e => e.Status == EntryStatus.Accepted).OrderBy(e => e.Id).Take(2).ToListAsync();
            entries[0].Status = EntryStatus.Rejected;
            entries[1].ValidUntil = entries[1].ValidFrom!.Value.AddDays(10);
            // A referral converts; another is deleted.
            var referrals = await db.Referrals.OrderBy(r => r.Id).Take(3).ToListAsync();
            var open = referrals.First(r => r.ConvertedAt is null);
            open.ConvertedAt = open.ReferredAt.AddDays(1);
            open.ConvertedBy = ConversionKind.Subsidy;
            db.Referrals.Remove(referrals.First(r => r != open));
            await db.SaveChangesAsync();
        }
        await using (var db = Database.CreateContext(clock: Clock))
        {
            // A company moves to another ward and grows: every breakdown that counted it follows.
            var company = await db.Companies.OrderBy(c => c.Id).FirstAsync(c => c.MunicipalityCode != null);
            company.MunicipalityCode = company.MunicipalityCode == "131016" ? "131024" : "131016";
            company.SizeBand = company.SizeBand == SizeBand.Large ? SizeBand.Sme : SizeBand.Large;
            await db.SaveChangesAsync();
        }
        await using var check = Database.CreateContext(clock: Clock);
        await AssertExactAsync(check);
    }

    [Fact]
    public async Task A_submission_made_through_conditional_updates_is_counted_at_once()
    {
        await using (var warm = Database.CreateContext(clock: Clock))
        {
            await Reader(warm).ReadAsync(2026);
        }
        int applicationId, companyId;
        await using (var db = Database.CreateContext(clock: Clock))
        {
            var window = await db.SubsidyWindows.FirstAsync(w => w.FiscalYear == 2026);
            window.RequireSme = false;
            window.RequireTokyo = false;
            var company = await db.Companies.FirstAsync();
            var application = new SubsidyApplication
            {
                WindowId = window.Id, CompanyId = company.Id, Status = ApplicationStatus.Draft, LiveKey = SubsidyApplication.LiveKeyFor(company.Id, window.Id),
                Expenses = [new ExpenseItem("ノートパソコン", 1, 200_000)], EligibleExpensesYen = 200_000, RequestedYen = 100_000,
            };
            db.SubsidyApplications.Add(application);
            // The chamber referred the company to this subsidy's measure a week before.
            var measureKey = await db.SubsidyPrograms.Where(p => p.Id == window.ProgramId).Select(p => p.MeasureKey).SingleAsync();
            db.Referrals.Add(new Referral
            {
                CompanyId = company.Id, MeasureId = await db.Measures.Where(m => m.Key == measureKey).Select(m => m.Id).FirstAsync(),
                BranchCode = "13101", ReferredAt = Clock.GetUtcNow().UtcDateTime.AddDays(-7), ReferredByUserId = "gen", Note = "submission-test",
            });
            await db.SaveChangesAsync();
            (applicationId, companyId) = (application.Id, company.Id);
        }
        long before;
        await using (var db = Database.CreateContext(clock: Clock))
        {
            before = (await Reader(db).ReadAsync(2026)).Sum(Families.Subsidies, Metrics.Applications);
        }
        await using (var db = Database.CreateContext(clock: Clock))
        {
            var mail = new Mock<ISubsidyMail>();
            mail.Setup(m => m.Compose(It.IsAny<SubsidyMailKind>(), It.IsAny<SubsidyMailFacts>(), It.IsAny<string>())).Returns(new MailContent("s", "b"));
            var service = new SubsidyService(db, new Partnership.Infrastructure.Subsidies.SubmissionStore(db, Clock), new MailOutbox(db, Clock), mail.Object, new CompanyRecipients(db), new FileDocumentStore(Path.Combine(Database.Directory, "documents")), Clock,
                new Partnership.Core.Submissions.ReferralConversionsAtSubmission(db));
            var outcome = await service.SubmitAsync(applicationId, companyId, new Actor("u", "u"));
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors.Select(e => e.Code)));
        }
        await using var check = Database.CreateContext(clock: Clock);
        Assert.Equal(before + 1, (await Reader(check).ReadAsync(2026)).Sum(Families.Subsidies, Metrics.Applications));
        // The referral converted in the same save, with the submission's time.
        var referral = await check.Referrals.SingleAsync(r => r.Note == "submission-test");
        Assert.Equal(ConversionKind.Subsidy, referral.ConvertedBy);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, referral.ConvertedAt);
        await AssertExactAsync(check);
    }

    private async Task AssertExactAsync(AppDbContext db)
    {
        foreach (var year in Years)
        {
            var data = await Reader(db).ReadAsync(year);
            var (startUtc, endUtc) = (JapanTime.FiscalYearStartUtc(year), JapanTime.FiscalYearEndUtc(year));
            var (first, last) = DashboardRules.DaysOf(year);
            foreach (var area in _areas.Cast<string?>().Prepend(null))
            {
                var label = $"FY{year} {area ?? "all"}";
                var entries = db.SchemeEntries.Where(e => e.Status != EntryStatus.Draft && e.FirstSubmittedAt >= startUtc && e.FirstSubmittedAt < endUtc && (area == null || e.Scheme!.AreaCode == area));
                Assert.True(await entries.CountAsync() == data.Sum(Families.Entries, Metrics.Submitted, area), $"{label} entries submitted");
                Assert.True(await entries.CountAsync(e => e.Status == EntryStatus.Accepted || e.Status == EntryStatus.Expired) == data.Sum(Families.Entries, Metrics.Accepted, area), $"{label} accepted");
                Assert.True(await entries.CountAsync(e => e.Status == EntryStatus.Rejected) == data.Sum(Families.Entries, Metrics.Rejected, area), $"{label} rejected");

                var applications = await db.SubsidyApplications.Where(a => a.Window!.FiscalYear == year && a.SubmittedAt != null && a.Status != ApplicationStatus.Draft
                    && a.Status != ApplicationStatus.Withdrawn && (area == null || a.Window.Program!.AreaCode == area))
                    .Select(a => new { a.Status, a.GrantedYen, a.Company!.MunicipalityCode, a.WindowId, a.SubmittedAt, a.DecidedAt }).ToListAsync();
                Assert.True(applications.Count == data.Sum(Families.Subsidies, Metrics.Applications, area), $"{label} applications");
                Assert.True(applications.Count(a => SubsidyRules.IsGranted(a.Status)) == data.Sum(Families.Subsidies, Metrics.Granted, area), $"{label} granted");
                Assert.True(applications.Where(a => SubsidyRules.IsGranted(a.Status)).Sum(a => a.GrantedYen ?? 0) == data.Sum(Families.Subsidies, Metrics.GrantedYen, area), $"{label} granted yen");
                Assert.True(applications.Count(a => a.Status == ApplicationStatus.NotGranted) == data.Sum(Families.Subsidies, Metrics.NotGranted, area), $"{label} not granted");
                AssertSameCounts(applications.GroupBy(a => a.MunicipalityCode ?? "").ToDictionary(g => g.Key, g => (long)g.Count()), data.By(Families.Subsidies, Metrics.Applications, Dims.Municipality, area), $"{label} applications by municipality");

                var activities = await db.OutreachActivities.Where(a => a.Date >= first && a.Date <= last && (area == null || a.Measures.Any(m => m.Measure!.Area!.Code == area)))
                    .Select(a => new { a.Date, a.Channel, a.BranchCode, a.Reach }).ToListAsync();
                Assert.True(activities.Count == data.Sum(Families.Outreach, Metrics.Activities, area), $"{label} activities");
                Assert.True(activities.Sum(a => (long)a.Reach) == data.Sum(Families.Outreach, Metrics.Reach, area), $"{label} reach");
                AssertSameCounts(activities.GroupBy(a => ((int)a.Channel).ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => (long)g.Count()), data.By(Families.Outreach, Metrics.Activities, Dims.Channel, area), $"{label} by channel");
                AssertSameCounts(activities.GroupBy(a => a.BranchCode).ToDictionary(g => g.Key, g => g.Sum(a => (long)a.Reach)), data.By(Families.Outreach, Metrics.Reach, Dims.Branch, area), $"{label} reach by branch");
                foreach (var month in Enumerable.Range(1, 12))
                {
                    Assert.True(activities.Count(a => a.Date.Month == month) == data.Sum(Families.Outreach, Metrics.Activities, area, month: month), $"{label} activities in month {month}");
                }

                var referrals = await db.Referrals.Where(r => r.ReferredAt >= startUtc && r.ReferredAt < endUtc && (area == null || r.Measure!.Area!.Code == area))
                    .Select(r => new { r.BranchCode, Converted = r.ConvertedAt != null, r.Company!.MunicipalityCode, r.Company.SizeBand }).ToListAsync();
                Assert.True(referrals.Count == data.Sum(Families.Referrals, Metrics.ReferralsMade, area), $"{label} referrals");
                Assert.True(referrals.Count(r => r.Converted) == data.Sum(Families.Referrals, Metrics.ReferralsConverted, area), $"{label} converted");
                AssertSameCounts(referrals.GroupBy(r => r.BranchCode).ToDictionary(g => g.Key, g => (long)g.Count()), data.By(Families.Referrals, Metrics.ReferralsMade, Dims.Branch, area), $"{label} referrals by branch");
                AssertSameCounts(referrals.GroupBy(r => ((int)r.SizeBand).ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => (long)g.Count()), data.By(Families.Referrals, Metrics.ReferralsMade, Dims.Size, area), $"{label} referrals by size");
                var byMunicipality = await entries.GroupBy(e => e.Company!.MunicipalityCode ?? "").Select(g => new { g.Key, Count = (long)g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
                AssertSameCounts(byMunicipality, data.By(Families.Entries, Metrics.Submitted, Dims.Municipality, area), $"{label} entries by municipality");
            }

            // Entries in force and expiring, per measure, on the day the year is read on.
            var asOf = data.Stock.AsOf;
            var accepted = await db.SchemeEntries.Where(e => e.Status == EntryStatus.Accepted && e.ValidFrom != null)
                .Select(e => new { e.Scheme!.MeasureKey, e.ValidFrom, e.ValidUntil }).ToListAsync();
            AssertSameCounts(accepted.Where(e => e.ValidFrom <= asOf && (e.ValidUntil == null || e.ValidUntil >= asOf)).GroupBy(e => e.MeasureKey).ToDictionary(g => g.Key, g => (long)g.Count()),
                data.Stock.InForce.Where(kv => kv.Value != 0).ToDictionary(), $"FY{year} in force on {asOf}");
            AssertSameCounts(accepted.Where(e => e.ValidUntil >= asOf && e.ValidUntil <= asOf.AddDays(DashboardReader.ExpiringWithinDays)).GroupBy(e => e.MeasureKey).ToDictionary(g => g.Key, g => (long)g.Count()),
                data.Stock.Expiring.Where(kv => kv.Value != 0).ToDictionary(), $"FY{year} expiring after {asOf}");

            // The median days to a decision, per window.
            foreach (var window in data.Windows)
            {
                var days = await db.SubsidyApplications.Where(a => a.WindowId == window.Id && a.DecidedAt != null && a.SubmittedAt != null
                        && (a.Status == ApplicationStatus.NotGranted || a.Status == ApplicationStatus.Granted || a.Status == ApplicationStatus.Reported || a.Status == ApplicationStatus.Confirmed || a.Status == ApplicationStatus.Paid))
                    .Select(a => new { a.SubmittedAt, a.DecidedAt }).ToListAsync();
                var sorted = days.Select(d => DashboardRules.DaysBetween(d.SubmittedAt!.Value, d.DecidedAt!.Value)).Order().ToList();
                decimal? expected = sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2m;
                var histogram = data.Facts.Where(f => f.Family == Families.Subsidies && f.Bucket == window.Id && f.Metric == Metrics.DecisionDays)
                    .Select(f => (int.Parse(f.DimValue, CultureInfo.InvariantCulture), f.Value));
                Assert.Equal(expected, DashboardRules.Median(histogram));
            }
        }
    }

    private static void AssertSameCounts(Dictionary<string, long> expected, Dictionary<string, long> actual, string what)
    {
        var e = expected.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var a = actual.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        Assert.True(e.SequenceEqual(a), $"{what}: expected {string.Join(",", e)} but read {string.Join(",", a)}");
    }
}
