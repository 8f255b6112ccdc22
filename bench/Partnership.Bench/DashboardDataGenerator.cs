using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Outreach;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;

namespace Partnership.Bench;

/// <summary>
/// Fills a migrated and seeded SQLite file (catalog, reference data, schemes, subsidy programs) with Tokyo-scale
/// dashboard data, deterministically (one seeded <see cref="Random"/>): companies, outreach activities with the
/// measures they promote, referrals, scheme entries and subsidy windows with their applications, over FY2021–FY2025.
/// Everything is proportional to the number of activities: 1,000,000 activities ⇒ 100,000 companies, 200,000
/// scheme entries, 100,000 subsidy applications, 50,000 referrals. Writes with raw prepared INSERTs in large
/// transactions (EF would take far too long for a million rows), so the dashboard-dirty interceptor does not
/// run: the caller rebuilds the facts afterwards.
/// </summary>
public sealed class DashboardDataGenerator(string database, int activities, string chamberUserId)
{
    public const int FirstYear = 2021;
    public const int LastYear = 2025;
    private const int Seed = 20250401;
    private const int Batch = 100_000;

    /// <summary>Share of each fiscal year (growth over the five years).</summary>
    private static readonly double[] YearWeights = [0.14, 0.17, 0.20, 0.23, 0.26];

    /// <summary>Seasonality, April first: quiet in August and at New Year, busy in autumn and before the year's end.</summary>
    private static readonly double[] MonthWeights = [1.0, 1.05, 1.0, 0.95, 0.6, 1.0, 1.1, 1.15, 0.85, 0.8, 1.0, 1.3];

    private static readonly (OutreachChannel Channel, double Weight, int MinReach, int MaxReach)[] Channels =
    [
        (OutreachChannel.MailMagazine, 0.22, 1_000, 20_000),
        (OutreachChannel.Newspaper, 0.06, 5_000, 80_000),
        (OutreachChannel.AdvisorHandout, 0.34, 1, 5),
        (OutreachChannel.Seminar, 0.10, 10, 150),
        (OutreachChannel.Tour, 0.08, 1, 3),
        (OutreachChannel.Desk, 0.10, 1, 2),
        (OutreachChannel.Website, 0.08, 200, 5_000),
        (OutreachChannel.Other, 0.02, 1, 50),
    ];

    /// <summary>Scheme codes and their share of the entries.</summary>
    private static readonly Dictionary<string, double> SchemeWeights = new(StringComparer.Ordinal)
    {
        ["WORKSTYLE-DECL"] = 0.35, ["TELEWORK-RULE"] = 0.20, ["SMOOTHBIZ"] = 0.10, ["LWB-CERT"] = 0.15, ["LWB-FAMILY"] = 0.08, ["WOMEN-PLAN"] = 0.12,
    };

    public int Companies { get; } = Math.Max(200, activities / 10);
    public int Entries { get; } = Math.Max(20, activities / 5);
    public int Applications { get; } = Math.Max(10, activities / 10);
    public int Referrals { get; } = Math.Max(10, activities / 20);
    public int Activities => activities;

    private readonly Random _random = new(Seed);
    private readonly DateTime _now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private string[] _wards = [];
    private string[] _otherMunicipalities = [];
    private double[] _wardWeights = [];
    private Dictionary<string, string> _municipalityNames = [];
    private string[] _industries = [];
    private double[] _industryWeights = [];
    private string[] _branches = [];
    private double[] _branchWeights = [];
    private List<(int Id, string Key, string Area)> _measures = [];
    private int[] _companySize = [];

    public async Task GenerateAsync(TextWriter log)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await ExecAsync(connection, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON; PRAGMA cache_size=-200000;");
        await LoadReferenceAsync(connection);
        var watch = Stopwatch.StartNew();
        await CompaniesAsync(connection);
        log.WriteLine($"  companies {Companies:N0} in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        await ActivitiesAsync(connection);
        log.WriteLine($"  outreach activities {activities:N0} in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        await ReferralsAsync(connection);
        log.WriteLine($"  referrals {Referrals:N0} in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        await EntriesAsync(connection);
        log.WriteLine($"  scheme entries {Entries:N0} in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        var windows = await SubsidiesAsync(connection);
        log.WriteLine($"  subsidy windows {windows} and applications {Applications:N0} in {watch.Elapsed.TotalSeconds:F1} s");
        await ExecAsync(connection, "ANALYZE;");
    }

    private async Task LoadReferenceAsync(SqliteConnection connection)
    {
        var municipalities = await QueryAsync(connection, "SELECT Code, Kind, NameJa FROM Municipalities ORDER BY \"Order\"", r => (Code: r.GetString(0), Kind: r.GetString(1), Name: r.GetString(2)));
        _wards = [.. municipalities.Where(m => m.Kind == "special_ward").Select(m => m.Code)];
        _otherMunicipalities = [.. municipalities.Where(m => m.Kind != "special_ward").Select(m => m.Code)];
        _municipalityNames = municipalities.ToDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal);
        // The business wards (Chiyoda, Chuo, Minato, Shinjuku, Shibuya) hold far more companies than the others.
        _wardWeights = [.. _wards.Select(code => code[..5] is "13101" or "13102" or "13103" or "13104" or "13113" ? 3.0 : 1.0)];
        _industries = [.. await QueryAsync(connection, "SELECT Code FROM Industries ORDER BY Code", r => r.GetString(0))];
        // Wholesale and retail (I), construction (D), manufacturing (E), services (R), IT (G) and real estate (K) dominate.
        _industryWeights = [.. _industries.Select(code => code switch { "I" => 6.0, "D" => 4.0, "E" => 3.5, "R" => 3.0, "G" => 3.0, "K" => 2.5, "M" => 2.5, "P" => 2.0, "L" => 2.0, _ => 0.5 })];
        _branches = [.. await QueryAsync(connection, "SELECT Code FROM ChamberBranches ORDER BY \"Order\"", r => r.GetString(0))];
        _branchWeights = [.. _branches.Select(code => code == "HQ" ? 4.0 : code is "13101" or "13102" or "13103" or "13104" or "13113" ? 2.0 : 1.0)];
        var measures = await QueryAsync(connection, "SELECT m.Id, m.Key, a.Code, m.PlanId FROM Measures m JOIN ProgramAreas a ON a.Id = m.AreaId ORDER BY m.PlanId DESC, m.Id",
            r => (Id: r.GetInt32(0), Key: r.GetString(1), Area: r.GetString(2)));
        _measures = [.. measures.DistinctBy(m => m.Key).OrderBy(m => m.Id)];
    }

    // ---------------------------------------------------------------- companies

    private async Task CompaniesAsync(SqliteConnection connection)
    {
        _companySize = new int[Companies + 1];
        var words = new[] { ("ベンチ", "工業"), ("トウキョウ", "商事"), ("タマ", "製作所"), ("シンジュク", "サービス"), ("ミナト", "情報") };
        await InsertAsync(connection, "Companies",
            ["Id", "CapitalYen", "ChamberBranchCode", "ChamberMemberNumber", "CityName", "ContactDepartment", "ContactName", "CorporateNumber", "CreatedAt", "CreatedBy",
             "IndustryCode", "IsChamberMember", "IsSme", "IsSoleProprietor", "MunicipalityCode", "Name", "NameKana", "Phone", "PostalCode", "Prefecture",
             "RegularEmployees", "SizeBand", "SmeCategory", "Street", "UpdatedAt", "UpdatedBy", "Version"],
            Companies, (i, p) =>
            {
                var id = i + 1;
                var municipality = _random.NextDouble() < 0.75 ? _wards[Pick(_wardWeights)] : _otherMunicipalities[_random.Next(_otherMunicipalities.Length)];
                var industry = _industries[Pick(_industryWeights)];
                var category = industry switch { "I" => _random.Next(2) == 0 ? SmeCategory.Wholesale : SmeCategory.Retail, "M" or "R" or "G" or "P" or "L" => SmeCategory.Service, _ => SmeCategory.ManufacturingAndOther };
                // Long tail: most companies are small, a few are large.
                var employees = Math.Max(1, (int)Math.Round(Math.Exp(_random.NextDouble() * _random.NextDouble() * 8.5)));
                var capital = employees * (long)(500_000 + _random.Next(4_000_000));
                var company = new Company { Name = "", NameKana = "", PostalCode = "", Prefecture = "", CityName = "", Street = "", Phone = "", IndustryCode = industry, ContactName = "", SmeCategory = category, CapitalYen = capital, RegularEmployees = employees };
                company.ApplySizeRule();
                _companySize[id] = (int)company.SizeBand;
                var member = _random.NextDouble() < 0.35;
                var (kana, word) = words[i % words.Length];
                var created = Utc(new DateTime(2020, 1, 1).AddDays(_random.Next(2200)));
                p[0].Value = id;
                p[1].Value = capital;
                p[2].Value = member ? (_branches.Contains(municipality[..5]) ? municipality[..5] : "HQ") : DBNull.Value;
                p[3].Value = member ? string.Create(CultureInfo.InvariantCulture, $"M{id:D7}") : DBNull.Value;
                p[4].Value = _municipalityNames[municipality];
                p[5].Value = "";
                p[6].Value = "担当";
                p[7].Value = CompanySearchBenchmark.CorporateNumberOf(i);
                p[8].Value = created;
                p[9].Value = "bench";
                p[10].Value = industry;
                p[11].Value = member;
                p[12].Value = company.IsSme;
                p[13].Value = false;
                p[14].Value = municipality;
                p[15].Value = string.Create(CultureInfo.InvariantCulture, $"{word}{id}株式会社");
                p[16].Value = string.Create(CultureInfo.InvariantCulture, $"{kana}{id}");
                p[17].Value = "03-0000-0000";
                p[18].Value = "100-0001";
                p[19].Value = "東京都";
                p[20].Value = employees;
                p[21].Value = (int)company.SizeBand;
                p[22].Value = (int)category;
                p[23].Value = "1-1-1";
                p[24].Value = created;
                p[25].Value = "bench";
                p[26].Value = NewGuid();
            });
    }

    /// <summary>A company; the ones doing schemes and subsidies lean towards SMEs (a large company is picked half as often).</summary>
    private int AnyCompany()
    {
        while (true)
        {
            var id = 1 + _random.Next(Companies);
            if (_companySize[id] != (int)SizeBand.Large || _random.Next(2) == 0)
            {
                return id;
            }
        }
    }

    // ---------------------------------------------------------------- outreach

    private async Task ActivitiesAsync(SqliteConnection connection)
    {
        var channelWeights = Channels.Select(c => c.Weight).ToArray();
        var measuresOf = new List<int>[activities];
        await InsertAsync(connection, "OutreachActivities",
            ["Id", "BranchCode", "Channel", "CreatedAt", "CreatedBy", "Date", "ImportKey", "Issue", "LoggedByUserId", "Note", "PublicityRequestId", "Reach", "Title", "UpdatedAt", "UpdatedBy", "Version"],
            activities, (i, p) =>
            {
                var day = RandomDay();
                var (channel, _, min, max) = Channels[Pick(channelWeights)];
                var reach = min + (int)((max - min) * _random.NextDouble() * _random.NextDouble());
                var first = _measures[_random.Next(_measures.Count)].Id;
                var list = new List<int>(2) { first };
                if (_random.NextDouble() < 0.3)
                {
                    var second = _measures[_random.Next(_measures.Count)].Id;
                    if (second != first)
                    {
                        list.Add(second);
                    }
                }
                measuresOf[i] = list;
                var at = Utc(day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(_random.Next(600)));
                p[0].Value = i + 1;
                p[1].Value = _branches[Pick(_branchWeights)];
                p[2].Value = (int)channel;
                p[3].Value = at;
                p[4].Value = "bench";
                p[5].Value = Day(day);
                p[6].Value = DBNull.Value;
                p[7].Value = channel is OutreachChannel.MailMagazine or OutreachChannel.Newspaper ? string.Create(CultureInfo.InvariantCulture, $"第{1 + i % 500}号") : "";
                p[8].Value = chamberUserId;
                p[9].Value = "";
                p[10].Value = DBNull.Value;
                p[11].Value = reach;
                p[12].Value = string.Create(CultureInfo.InvariantCulture, $"周知 {i + 1}");
                p[13].Value = at;
                p[14].Value = "bench";
                p[15].Value = NewGuid();
            });
        var pairs = measuresOf.SelectMany((list, i) => list.Select(m => (Activity: i + 1, Measure: m))).ToList();
        await InsertAsync(connection, "OutreachActivityMeasures", ["ActivityId", "MeasureId"], pairs.Count, (i, p) =>
        {
            p[0].Value = pairs[i].Activity;
            p[1].Value = pairs[i].Measure;
        });
    }

    // ---------------------------------------------------------------- referrals

    private async Task ReferralsAsync(SqliteConnection connection)
    {
        // Referrals go mostly to the measures with a scheme or a subsidy behind them.
        var weights = _measures.Select(m => m.Key.EndsWith("-M01", StringComparison.Ordinal) || m.Key.EndsWith("-M04", StringComparison.Ordinal) || m.Key.EndsWith("-M06", StringComparison.Ordinal) ? 3.0 : 1.0).ToArray();
        await InsertAsync(connection, "Referrals",
            ["Id", "BranchCode", "CompanyId", "ConvertedAt", "ConvertedBy", "CreatedAt", "CreatedBy", "MeasureId", "Note", "ReferredAt", "ReferredByUserId", "UpdatedAt", "UpdatedBy", "Version"],
            Referrals, (i, p) =>
            {
                var at = RandomInstant();
                var converted = _random.NextDouble() < 0.4 ? at.AddDays(3 + _random.Next(120)).AddMinutes(_random.Next(600)) : (DateTime?)null;
                if (converted > _now)
                {
                    converted = null;
                }
                p[0].Value = i + 1;
                p[1].Value = _branches[Pick(_branchWeights)];
                p[2].Value = AnyCompany();
                p[3].Value = converted is { } c ? Utc(c) : DBNull.Value;
                p[4].Value = converted is null ? DBNull.Value : (int)(_random.NextDouble() switch { < 0.55 => ConversionKind.Scheme, < 0.85 => ConversionKind.Subsidy, _ => ConversionKind.Consultation });
                p[5].Value = Utc(at);
                p[6].Value = "bench";
                p[7].Value = _measures[Pick(weights)].Id;
                p[8].Value = "";
                p[9].Value = Utc(at);
                p[10].Value = chamberUserId;
                p[11].Value = Utc(converted ?? at);
                p[12].Value = "bench";
                p[13].Value = NewGuid();
            });
    }

    // ---------------------------------------------------------------- scheme entries

    private async Task EntriesAsync(SqliteConnection connection)
    {
        var schemes = await QueryAsync(connection,
            "SELECT s.Id, s.Code, s.NumberPrefix, s.ValidityMonths, (SELECT MAX(v.Id) FROM SchemeFormVersions v WHERE v.SchemeId = s.Id) FROM Schemes s ORDER BY s.\"Order\"",
            r => (Id: r.GetInt32(0), Code: r.GetString(1), Prefix: r.GetString(2), Months: r.IsDBNull(3) ? (int?)null : r.GetInt32(3), Form: r.GetInt32(4)));
        var weights = schemes.Select(s => SchemeWeights.GetValueOrDefault(s.Code, 0.05)).ToArray();
        var today = DateOnly.FromDateTime(JapanTime.ToJapan(_now));
        // One entry per company and scheme: a company renews rather than holding two of the same scheme.
        var taken = new HashSet<long>();
        var issued = new Dictionary<string, int>(StringComparer.Ordinal);
        await InsertAsync(connection, "SchemeEntries",
            ["Id", "AnswersJson", "CompanyId", "CreatedAt", "CreatedBy", "DecidedAt", "DraftSavedAt", "FirstSubmittedAt", "FormVersionId", "IssuedNumber", "ListInDirectory",
             "LiveKey", "Number", "Reason", "Reminder30SentAt", "Reminder90SentAt", "RenewalOfId", "SchemeId", "Status", "SubmittedAt", "UpdatedAt", "UpdatedBy",
             "ValidFrom", "ValidUntil", "Version"],
            Entries, (i, p) =>
            {
                var scheme = schemes[Pick(weights)];
                int company;
                do
                {
                    company = AnyCompany();
                }
                while (!taken.Add(company * 1000L + scheme.Id));
                var submitted = RandomInstant();
                var fiscalYear = JapanTime.FiscalYearOf(submitted);
                var roll = _random.NextDouble();
                // The year still being worked through has more entries waiting for a decision.
                var status = fiscalYear == LastYear && submitted > _now.AddMonths(-12) && roll < 0.12 ? EntryStatus.Submitted
                    : roll switch { < 0.02 => EntryStatus.Draft, < 0.05 => EntryStatus.Returned, < 0.12 => EntryStatus.Rejected, < 0.17 => EntryStatus.Withdrawn, < 0.19 => EntryStatus.Submitted, _ => EntryStatus.Accepted };
                DateTime? decided = status is EntryStatus.Accepted or EntryStatus.Rejected ? submitted.AddDays(3 + _random.Next(45)).AddMinutes(_random.Next(480)) : null;
                DateOnly? from = null, until = null;
                string? issuedNumber = null;
                if (status == EntryStatus.Accepted)
                {
                    from = DateOnly.FromDateTime(JapanTime.ToJapan(decided!.Value));
                    until = scheme.Months is { } months ? from.Value.AddMonths(months).AddDays(-1) : null;
                    if (until < today)
                    {
                        status = EntryStatus.Expired;
                    }
                    var prefix = string.Create(CultureInfo.InvariantCulture, $"{scheme.Prefix}-{JapanTime.FiscalYearOf(decided.Value)}-");
                    var next = issued[prefix] = issued.GetValueOrDefault(prefix) + 1;
                    issuedNumber = prefix + next.ToString("D5", CultureInfo.InvariantCulture);
                }
                var created = submitted.AddDays(-_random.Next(1, 20));
                var draft = status == EntryStatus.Draft;
                p[0].Value = i + 1;
                p[1].Value = "{}";
                p[2].Value = company;
                p[3].Value = Utc(created);
                p[4].Value = "bench";
                p[5].Value = decided is { } d ? Utc(d) : DBNull.Value;
                p[6].Value = Utc(draft ? submitted : created);
                p[7].Value = draft ? DBNull.Value : Utc(submitted);
                p[8].Value = scheme.Form;
                p[9].Value = (object?)issuedNumber ?? DBNull.Value;
                p[10].Value = status == EntryStatus.Accepted && _random.Next(3) == 0;
                p[11].Value = status is EntryStatus.Draft or EntryStatus.Submitted or EntryStatus.Returned or EntryStatus.Accepted
                    ? string.Create(CultureInfo.InvariantCulture, $"{company}:{scheme.Id}") : DBNull.Value;
                p[12].Value = draft ? DBNull.Value : string.Create(CultureInfo.InvariantCulture, $"{scheme.Prefix}-A{i + 1:D7}");
                p[13].Value = status is EntryStatus.Rejected or EntryStatus.Returned ? "要件を満たしていません" : DBNull.Value;
                p[14].Value = DBNull.Value;
                p[15].Value = DBNull.Value;
                p[16].Value = DBNull.Value;
                p[17].Value = scheme.Id;
                p[18].Value = (int)status;
                p[19].Value = draft ? DBNull.Value : Utc(submitted);
                p[20].Value = Utc(decided ?? submitted);
                p[21].Value = "bench";
                p[22].Value = from is { } f ? Day(f) : DBNull.Value;
                p[23].Value = until is { } u ? Day(u) : DBNull.Value;
                p[24].Value = NewGuid();
            });
    }

    // ---------------------------------------------------------------- subsidies

    private async Task<int> SubsidiesAsync(SqliteConnection connection)
    {
        var programs = await QueryAsync(connection, "SELECT Id, ReceiptCode FROM SubsidyPrograms ORDER BY \"Order\"", r => (Id: r.GetInt32(0), Code: r.GetString(1)));
        // Two windows a year per program: spring (May–June) and autumn (October–November), Japan time.
        var windows = new List<(int Id, int Program, int Year, string Receipt, DateTime Opens, DateTime Closes, Allotment Allotment, long Cap, double Weight)>();
        var nextWindowId = 1 + (int)(long)(await ScalarAsync(connection, "SELECT COALESCE(MAX(Id), 0) FROM SubsidyWindows"))!;
        foreach (var program in programs)
        {
            for (var year = FirstYear; year <= LastYear; year++)
            {
                for (var round = 1; round <= 2; round++)
                {
                    var opens = JapanTime.ToUtc(new DateTime(year, round == 1 ? 5 : 10, 10 + _random.Next(10), 10, 0, 0));
                    var allotment = program.Id % 2 == 0 ? Allotment.Screening : Allotment.FirstCome;
                    windows.Add((nextWindowId++, program.Id, year, SubsidyWindow.ReceiptCodeFor(year, program.Code, round), opens, opens.AddDays(35 + _random.Next(20)),
                        allotment, round == 1 ? 1_500_000 : 1_000_000, YearWeights[year - FirstYear] * (round == 1 ? 1.2 : 0.8) * (1 + program.Id % 3)));
                }
            }
        }
        var perWindow = Spread(Applications, [.. windows.Select(w => w.Weight)]);
        var rows = new List<(int Window, int Seq, DateTime At)>();
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            var span = (window.Closes - window.Opens).TotalMinutes;
            // First come: most arrive in the opening days.
            var times = Enumerable.Range(0, perWindow[w])
                .Select(_ => window.Opens.AddMinutes(span * (window.Allotment == Allotment.FirstCome ? Math.Pow(_random.NextDouble(), 3) : _random.NextDouble())))
                .Order().ToList();
            rows.AddRange(times.Select((at, n) => (w, n + 1, at)));
        }
        // The windows first, with their budget and receipts filled in once the applications are written.
        await InsertAsync(connection, "SubsidyWindows",
            ["Id", "Allotment", "BudgetYen", "CapYen", "ClosesAt", "CreatedAt", "CreatedBy", "FiscalYear", "LastReceiptSeq", "MaxEmployees", "MinEmployees", "OpensAt",
             "PrerequisiteSchemeCode", "ProgramId", "RateDenominator", "RateNumerator", "ReceiptCode", "RequireSme", "RequireTokyo", "RequiredDocumentsJson", "ReservedYen",
             "UpdatedAt", "UpdatedBy", "Version", "WaitingList"],
            windows.Count, (w, p) =>
            {
                var window = windows[w];
                p[0].Value = window.Id;
                p[1].Value = (int)window.Allotment;
                p[2].Value = 0L;
                p[3].Value = window.Cap;
                p[4].Value = Utc(window.Closes);
                p[5].Value = Utc(window.Opens.AddDays(-30));
                p[6].Value = "bench";
                p[7].Value = window.Year;
                p[8].Value = 0;
                p[9].Value = DBNull.Value;
                p[10].Value = DBNull.Value;
                p[11].Value = Utc(window.Opens);
                p[12].Value = DBNull.Value;
                p[13].Value = window.Program;
                p[14].Value = 2;
                p[15].Value = 1;
                p[16].Value = window.Receipt;
                p[17].Value = true;
                p[18].Value = true;
                p[19].Value = "[]";
                p[20].Value = 0L;
                p[21].Value = Utc(window.Closes);
                p[22].Value = "bench";
                p[23].Value = NewGuid();
                p[24].Value = false;
            });
        var held = new long[windows.Count];
        var granted = new long[windows.Count];
        // One application per company and window, as the live key demands.
        var applied = new HashSet<long>();
        await InsertAsync(connection, "SubsidyApplications",
            ["Id", "CompanyId", "ConfirmedYen", "CreatedAt", "CreatedBy", "DecidedAt", "DraftSavedAt", "EligibleExpensesYen", "ExpensesJson", "GrantedYen", "HeldYen",
             "LiveKey", "PaidAt", "Reason", "ReceiptNumber", "ReceiptSeq", "ReportText", "ReportedAt", "RequestedYen", "Status", "SubmittedAt", "UpdatedAt", "UpdatedBy",
             "Version", "WindowId"],
            rows.Count, (i, p) =>
            {
                var (w, seq, submitted) = rows[i];
                var window = windows[w];
                var expenses = 100_000L * (1 + _random.Next(60));
                var requested = Math.Min(window.Cap, expenses / 2);
                var roll = _random.NextDouble();
                var recent = window.Year == LastYear && window.Receipt.EndsWith('2');
                var status = recent && roll < 0.3 ? (roll < 0.15 ? ApplicationStatus.UnderReview : ApplicationStatus.Submitted)
                    : roll switch { < 0.08 => ApplicationStatus.Withdrawn, < 0.26 => ApplicationStatus.NotGranted, < 0.34 => ApplicationStatus.Granted, < 0.42 => ApplicationStatus.Reported, < 0.50 => ApplicationStatus.Confirmed, _ => ApplicationStatus.Paid };
                var isGranted = SubsidyRules.IsGranted(status);
                DateTime? decided = isGranted || status == ApplicationStatus.NotGranted ? window.Closes.AddDays(10 + _random.Next(60)).AddMinutes(_random.Next(480)) : null;
                long? grantedYen = isGranted ? requested - 10_000 * _random.Next(0, 5) : null;
                DateTime? reported = status is ApplicationStatus.Reported or ApplicationStatus.Confirmed or ApplicationStatus.Paid ? decided!.Value.AddDays(60 + _random.Next(90)) : null;
                long? confirmed = status is ApplicationStatus.Confirmed or ApplicationStatus.Paid ? grantedYen : null;
                DateTime? paid = status == ApplicationStatus.Paid ? reported!.Value.AddDays(20 + _random.Next(40)) : null;
                var holding = status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview && window.Allotment == Allotment.FirstCome ? requested : isGranted ? grantedYen!.Value : 0;
                held[w] += holding;
                granted[w] += grantedYen ?? 0;
                int company;
                do
                {
                    company = AnyCompany();
                }
                while (!applied.Add(company * 1000L + w));
                p[0].Value = i + 1;
                p[1].Value = company;
                p[2].Value = (object?)confirmed ?? DBNull.Value;
                p[3].Value = Utc(submitted.AddDays(-_random.Next(1, 10)));
                p[4].Value = "bench";
                p[5].Value = decided is { } d ? Utc(d) : DBNull.Value;
                p[6].Value = Utc(submitted.AddMinutes(-_random.Next(1, 600)));
                p[7].Value = expenses;
                p[8].Value = "[]";
                p[9].Value = (object?)grantedYen ?? DBNull.Value;
                p[10].Value = holding;
                p[11].Value = status is ApplicationStatus.Withdrawn or ApplicationStatus.NotGranted ? DBNull.Value : SubsidyApplication.LiveKeyFor(company, window.Id);
                p[12].Value = paid is { } pa ? Utc(pa) : DBNull.Value;
                p[13].Value = status == ApplicationStatus.NotGranted ? "予算の範囲を超えたため" : DBNull.Value;
                p[14].Value = window.Receipt + "-" + seq.ToString("D6", CultureInfo.InvariantCulture);
                p[15].Value = seq;
                p[16].Value = reported is null ? "" : "導入済み";
                p[17].Value = reported is { } r ? Utc(r) : DBNull.Value;
                p[18].Value = requested;
                p[19].Value = (int)status;
                p[20].Value = Utc(submitted);
                p[21].Value = Utc(paid ?? reported ?? decided ?? submitted);
                p[22].Value = "bench";
                p[23].Value = NewGuid();
                p[24].Value = window.Id;
            });
        // Each window's budget covers what it holds, with some left over.
        var counts = rows.GroupBy(r => r.Window).ToDictionary(g => g.Key, g => g.Count());
        await InsertAsync(connection, "SubsidyWindows", [], windows.Count, (w, p) =>
        {
            p[0].Value = Math.Max(10_000_000, (held[w] * 12 / 10 + 999_999) / 1_000_000 * 1_000_000);
            p[1].Value = held[w];
            p[2].Value = counts.GetValueOrDefault(w);
            p[3].Value = windows[w].Id;
        }, sql: "UPDATE SubsidyWindows SET BudgetYen = $p0, ReservedYen = $p1, LastReceiptSeq = $p2 WHERE Id = $p3", parameterCount: 4);
        return windows.Count;
    }

    // ---------------------------------------------------------------- spreads

    /// <summary>A day of FY2021–FY2025, by year growth, month seasonality and fewer on weekends.</summary>
    private DateOnly RandomDay()
    {
        while (true)
        {
            var year = FirstYear + Pick(YearWeights);
            var monthIndex = Pick(MonthWeights);
            var first = new DateOnly(year, 4, 1).AddMonths(monthIndex);
            var day = first.AddDays(_random.Next(DateTime.DaysInMonth(first.Year, first.Month)));
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || _random.NextDouble() < 0.15)
            {
                return day;
            }
        }
    }

    /// <summary>A UTC instant during Japanese office hours of a <see cref="RandomDay"/>.</summary>
    private DateTime RandomInstant() => JapanTime.ToUtc(RandomDay().ToDateTime(new TimeOnly(8, 30)).AddMinutes(_random.Next(660)).AddSeconds(_random.Next(60)));

    private int Pick(double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>Splits a total over weights exactly (largest remainders).</summary>
    private static int[] Spread(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var result = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in exact.Select((e, i) => (Remainder: e - Math.Floor(e), Index: i)).OrderByDescending(x => x.Remainder).Take(total - result.Sum()).Select(x => x.Index))
        {
            result[i]++;
        }
        return result;
    }

    private string NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString().ToUpperInvariant();
    }

    /// <summary>EF Core's SQLite text for a DateTime.</summary>
    public static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- ADO.NET

    private static async Task InsertAsync(SqliteConnection connection, string table, string[] columns, int count, Action<int, SqliteParameter[]> fill, string? sql = null, int parameterCount = 0)
    {
        parameterCount = sql is null ? columns.Length : parameterCount;
        sql ??= $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var start = 0; start < count; start += Batch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var parameters = Enumerable.Range(0, parameterCount).Select(i => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            command.Prepare();
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                fill(i, parameters);
                await command.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)transaction;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
        {
            result.Add(read(reader));
        }
        return result;
    }
}
