using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Dashboards;
using Partnership.Core.Facts;
using Partnership.Core.Outreach;
using Partnership.Core.Reference;

namespace Partnership.Web.Areas.Dashboards.Controllers;

public enum CellKind
{
    Count,
    Yen,
    Rate,
    Days,
}

/// <summary>A column of a dashboard table; its header is a resource key.</summary>
public sealed record DashColumn(string HeaderKey, CellKind Kind);

/// <summary>A figure, and where its records are listed (null when no list shows exactly these records).</summary>
public sealed record DashCell(decimal? Value, string? Link = null);

public sealed record DashRow(string Label, IReadOnlyList<DashCell> Cells, bool IsTotal = false);

/// <summary>
/// One table of a dashboard: what the chart draws (<see cref="ChartColumn"/>), what the CSV and .xlsx exports
/// hold, what a screen reader reads. <see cref="Empty"/> says there are no records for the year (shown as a
/// sentence, not as zeros).
/// </summary>
public sealed record DashTable(string Id, string CaptionKey, string RowHeaderKey, IReadOnlyList<DashColumn> Columns, IReadOnlyList<DashRow> Rows, int? ChartColumn, bool Empty, string? NoteKey = null)
{
    /// <summary>Rows left out of the page because all their figures are zero (shown on request); 0 when every row is shown.</summary>
    public int HiddenRows { get; init; }
}

/// <summary>Which rows of the 62-municipality table a dashboard shows.</summary>
public enum MunicipalityRows
{
    /// <summary>The page: those with a figure, by code.</summary>
    WithFigures,

    /// <summary>The page on request: all, those with a figure first, then by code.</summary>
    AllWithFiguresFirst,

    /// <summary>The downloads: all, by code (a spreadsheet is sorted by whoever reads it).</summary>
    AllByCode,
}

public sealed record DashboardPage(
    string Kind, int FiscalYear, string? AreaCode, bool Compare, bool Print, IReadOnlyList<int> Years,
    IReadOnlyList<(string Code, string Name)> Areas, DateOnly AsOf, IReadOnlyList<DashTable> Tables)
{
    /// <summary>A year asked for that is not one of the plan's (said on the page, no figures shown); null otherwise.</summary>
    public int? UnknownYear { get; init; }
}

/// <summary>
/// Builds the dashboards' tables from <see cref="DashboardData"/>: labels in the user's language, links to the lists
/// of records behind each figure with the same year and area. Kept in one place so the page, the exports and
/// the tests read the same tables.
/// </summary>
public sealed class DashboardTables(DashboardReader reader, IReferenceLists lists, IStringLocalizer<SharedResource> t, TimeProvider clock, ReferralService referrals)
{
    public const string Metro = "metro";
    public const string Chamber = "chamber";

    public static readonly IReadOnlyList<string> MetroTables =
        ["summary", "compare", "measures", "windows", "funnel", "referral-funnel", "channels", "branches", "municipalities", "sizes", "industries", "monthly", "publicity", "cosponsorship"];

    public static readonly IReadOnlyList<string> ChamberTables = ["channels", "branches", "referral-measures", "referral-funnel", "outreach-monthly", "publicity", "cosponsorship"];

    public int CurrentFiscalYear => JapanTime.FiscalYearOf(clock.GetUtcNow().UtcDateTime);

    public async Task<DashboardPage> BuildAsync(string kind, int? year, string? area, bool compare, bool print, CancellationToken ct,
        MunicipalityRows municipalityRows = MunicipalityRows.AllByCode)
    {
        var culture = CultureInfo.CurrentUICulture;
        var ja = JapanTime.IsJapanese(culture);
        var current = CurrentFiscalYear;
        var years = DashboardRules.SelectableYears(current, await reader.PlanYearsAsync(ct));
        var areas = await lists.ProgramAreasAsync(ct);
        var areaList = areas.Select(a => (a.Code, ja ? a.NameJa : a.NameEn)).ToList();
        var areaCode = kind == Metro && area is not null && areas.Any(a => a.Code == area) ? area : null;
        if (year is { } asked && !years.Contains(asked))
        {
            // Not one of the plan's years: say so rather than show another year's figures under it.
            return new DashboardPage(kind, current, areaCode, false, print, years, areaList, DateOnly.FromDateTime(JapanTime.Today(clock)), [])
            {
                UnknownYear = asked,
            };
        }
        var fiscalYear = year ?? current;
        var data = await reader.ReadAsync(fiscalYear, ct);
        var previous = compare && kind == Metro ? await reader.ReadAsync(fiscalYear - 1, ct) : null;
        var measures = await reader.MeasuresAsync(ct);
        var context = new Context(data, areaCode, areaList, measures, ja, fiscalYear);
        var schemeByMeasure = await reader.SchemeByMeasureAsync(ct);
        context.SchemeByMeasure = schemeByMeasure;

        var tables = new List<DashTable>();
        if (kind == Metro)
        {
            tables.Add(Summary(context));
            if (previous is not null)
            {
                tables.Add(Comparison(context, previous));
            }
            tables.Add(Measures(context));
            tables.Add(Windows(context));
            tables.Add(FunnelTable(context));
            tables.Add(await ReferralFunnelAsync(context, fiscalYear, ct));
            tables.Add(Channels(context));
            tables.Add(Branches(context, await BranchesAsync(ja, ct)));
            var municipalities = await lists.MunicipalitiesAsync(ct);
            tables.Add(Municipalities(context, [.. municipalities.Select(m => (m.Code, m.NameJa))], municipalityRows));
            tables.Add(Sizes(context));
            var industries = await lists.IndustriesAsync(ct);
            tables.Add(Industries(context, [.. industries.Select(i => (i.Code, ja ? i.NameJa : i.NameEn))]));
            tables.Add(Monthly(context, outreachOnly: false));
        }
        else
        {
            tables.Add(Channels(context));
            tables.Add(Branches(context, await BranchesAsync(ja, ct)));
            tables.Add(ReferralMeasures(context));
            tables.Add(await ReferralFunnelAsync(context, fiscalYear, ct));
            tables.Add(Monthly(context, outreachOnly: true));
        }
        tables.Add(Publicity(context));
        tables.Add(CoSponsorships(context));
        return new DashboardPage(kind, fiscalYear, areaCode, previous is not null, print, years, areaList, data.Stock.AsOf, tables);
    }

    private async Task<List<(string Code, string Name)>> BranchesAsync(bool ja, CancellationToken ct) =>
        (await lists.BranchesAsync(ct))
            .Select(b => (b.Code, ja ? b.NameJa : b.NameEn)).ToList();

    private sealed class Context(DashboardData data, string? area, List<(string Code, string Name)> areas, List<DashboardMeasure> measures, bool ja, int year)
    {
        public DashboardData Data { get; } = data;
        public string? Area { get; } = area;
        public List<(string Code, string Name)> Areas { get; } = areas;
        public List<DashboardMeasure> Measures { get; } = measures;
        public bool Ja { get; } = ja;
        public int Year { get; } = year;
        public Dictionary<string, string> SchemeByMeasure { get; set; } = [];
        public string From => DashboardRules.DaysOf(Year).First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        public string To => DashboardRules.DaysOf(Year).Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        public IEnumerable<(string Code, string Name)> AreasInScope => Area is null ? Areas : Areas.Where(a => a.Code == Area);
        public string Period => $"from={From}&to={To}";
        public string AreaParam(string? area) => area is null ? "" : "&area=" + Uri.EscapeDataString(area);
        public bool Has(string family) => Data.Facts.Any(f => f.Family == family);
    }

    private static DashCell N(long value, string? link = null) => new(value, link);
    private static DashCell R(decimal? rate) => new(rate);

    private DashTable Summary(Context c)
    {
        var rows = new List<DashRow>();
        foreach (var (code, name) in c.AreasInScope)
        {
            rows.Add(new DashRow(name, SummaryCells(c, code)));
        }
        if (c.Area is null)
        {
            rows.Add(new DashRow(t["Dashboard.Total"], SummaryCells(c, null), IsTotal: true));
        }
        return new DashTable("summary", "Dashboard.Table.Summary", "Dashboard.Col.Area", SummaryColumns, rows, ChartColumn: 0,
            Empty: !c.Has(Families.Entries) && !c.Has(Families.Subsidies) && !c.Has(Families.Outreach) && !c.Has(Families.Referrals) && c.Data.Stock.InForce.Values.All(v => v == 0));
    }

    private static readonly DashColumn[] SummaryColumns =
    [
        new("Dashboard.Col.EntriesSubmitted", CellKind.Count), new("Dashboard.Col.EntriesAccepted", CellKind.Count),
        new("Dashboard.Col.InForce", CellKind.Count), new("Dashboard.Col.Expiring", CellKind.Count),
        new("Dashboard.Col.Applications", CellKind.Count), new("Dashboard.Col.GrantedYen", CellKind.Yen), new("Dashboard.Col.ExecutionRate", CellKind.Rate),
        new("Dashboard.Col.Activities", CellKind.Count), new("Dashboard.Col.Reach", CellKind.Count),
        new("Dashboard.Col.Referrals", CellKind.Count), new("Dashboard.Col.Converted", CellKind.Count), new("Dashboard.Col.ConversionRate", CellKind.Rate),
    ];

    private List<DashCell> SummaryCells(Context c, string? area, string? measure = null)
    {
        var d = c.Data;
        var measureKeys = measure is not null ? [measure] : c.Measures.Where(m => area is null || m.AreaCode == area).Select(m => m.Key).ToHashSet();
        var inForce = d.Stock.InForce.Where(kv => measureKeys.Contains(kv.Key) || (measure is null && area is null)).Sum(kv => kv.Value);
        var expiring = d.Stock.Expiring.Where(kv => measureKeys.Contains(kv.Key) || (measure is null && area is null)).Sum(kv => kv.Value);
        var windows = d.Windows.Where(w => measure is not null ? w.MeasureKey == measure : area is null || w.AreaCode == area).ToList();
        var granted = d.Sum(Families.Subsidies, Metrics.GrantedYen, area, measure);
        var budget = windows.Sum(w => w.BudgetYen);
        var made = d.Sum(Families.Referrals, Metrics.ReferralsMade, area, measure);
        var converted = d.Sum(Families.Referrals, Metrics.ReferralsConverted, area, measure);
        var measureId = measure is null ? null : c.Measures.FirstOrDefault(m => m.Key == measure)?.Id;
        var scheme = measure is not null && c.SchemeByMeasure.TryGetValue(measure, out var code) ? code : null;
        // The lists behind the scheme figures: entries first submitted in the year, those of them accepted (expired
        // since or not), and the stock on the day the year is read on (in force, ending within 90 days).
        var noList = measure is not null && scheme is null;
        var schemeParam = c.AreaParam(area) + (scheme is null ? "" : "&scheme=" + scheme);
        var asOf = d.Stock.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var entriesLink = noList ? null : $"/schemes/review?status=all&{c.Period}{schemeParam}";
        var acceptedLink = noList ? null : $"/schemes/review?status={Schemes.Controllers.ReviewController.AcceptedOrExpired}&{c.Period}{schemeParam}";
        var inForceLink = noList ? null : $"/schemes/review?status=all&inforce={asOf}{schemeParam}";
        var expiringLink = noList ? null : $"/schemes/review?status=all&expiring={asOf}{schemeParam}";
        var measureParam = measureId is null ? "" : $"&measure={measureId}";
        var outreachLink = $"/outreach?{c.Period}{c.AreaParam(area)}{measureParam}";
        return
        [
            N(d.Sum(Families.Entries, Metrics.Submitted, area, measure), entriesLink),
            N(d.Sum(Families.Entries, Metrics.Accepted, area, measure), acceptedLink),
            N(inForce, inForceLink),
            N(expiring, expiringLink),
            N(d.Sum(Families.Subsidies, Metrics.Applications, area, measure), windows.Count == 1 ? $"/subsidies/manage/windows/{windows[0].Id}" : null),
            N(granted),
            R(DashboardRules.Rate(granted, budget)),
            N(d.Sum(Families.Outreach, Metrics.Activities, area, measure), outreachLink),
            N(d.Sum(Families.Outreach, Metrics.Reach, area, measure), outreachLink),
            N(made, area is null && measure is null ? $"/outreach/referrals?{c.Period}" : measureId is null ? null : $"/outreach/referrals?{c.Period}{measureParam}"),
            N(converted, area is null && measure is null ? $"/outreach/referrals?{c.Period}&converted=true" : measureId is null ? null : $"/outreach/referrals?{c.Period}{measureParam}&converted=true"),
            R(DashboardRules.Rate(converted, made)),
        ];
    }

    private DashTable Comparison(Context c, DashboardData previous)
    {
        var area = c.Area;
        (string Key, Func<DashboardData, long> Value)[] metrics =
        [
            ("Dashboard.Col.EntriesSubmitted", d => d.Sum(Families.Entries, Metrics.Submitted, area)),
            ("Dashboard.Col.EntriesAccepted", d => d.Sum(Families.Entries, Metrics.Accepted, area)),
            ("Dashboard.Col.Applications", d => d.Sum(Families.Subsidies, Metrics.Applications, area)),
            ("Dashboard.Col.GrantedYen", d => d.Sum(Families.Subsidies, Metrics.GrantedYen, area)),
            ("Dashboard.Col.Activities", d => d.Sum(Families.Outreach, Metrics.Activities, area)),
            ("Dashboard.Col.Reach", d => d.Sum(Families.Outreach, Metrics.Reach, area)),
            ("Dashboard.Col.Referrals", d => d.Sum(Families.Referrals, Metrics.ReferralsMade, area)),
            ("Dashboard.Col.Converted", d => d.Sum(Families.Referrals, Metrics.ReferralsConverted, area)),
        ];
        var rows = metrics.Select(m =>
        {
            var now = m.Value(c.Data);
            var before = m.Value(previous);
            return new DashRow(t[m.Key], [N(now), N(before), N(now - before), R(DashboardRules.Change(now, before))]);
        }).ToList();
        return new DashTable("compare", "Dashboard.Table.Compare", "Dashboard.Col.Figure",
            [new("Dashboard.Col.ThisYear", CellKind.Count), new("Dashboard.Col.PreviousYear", CellKind.Count), new("Dashboard.Col.Difference", CellKind.Count), new("Dashboard.Col.ChangeRate", CellKind.Rate)],
            rows, ChartColumn: null, Empty: false);
    }

    private DashTable Measures(Context c)
    {
        var rows = new List<DashRow>();
        foreach (var m in c.Measures.Where(m => c.Area is null || m.AreaCode == c.Area))
        {
            var cells = SummaryCells(c, m.AreaCode, m.Key);
            if (cells.Any(x => x.Value is > 0))
            {
                rows.Add(new DashRow(c.Ja ? m.TitleJa : m.TitleEn, cells));
            }
        }
        return new DashTable("measures", "Dashboard.Table.Measures", "Dashboard.Col.Measure", SummaryColumns, rows, ChartColumn: null, Empty: rows.Count == 0);
    }

    private DashTable Windows(Context c)
    {
        var rows = new List<DashRow>();
        foreach (var w in c.Data.Windows.Where(w => c.Area is null || w.AreaCode == c.Area))
        {
            var apps = c.Data.Sum(Families.Subsidies, Metrics.Applications, bucket: w.Id, measure: w.MeasureKey);
            var grantedCount = c.Data.Sum(Families.Subsidies, Metrics.Granted, bucket: w.Id, measure: w.MeasureKey);
            var granted = c.Data.Sum(Families.Subsidies, Metrics.GrantedYen, bucket: w.Id, measure: w.MeasureKey);
            var days = c.Data.Facts.Where(f => f.Family == Families.Subsidies && f.Bucket == w.Id && f.Metric == Metrics.DecisionDays)
                .Select(f => (int.Parse(f.DimValue, CultureInfo.InvariantCulture), f.Value));
            var link = $"/subsidies/manage/windows/{w.Id}";
            rows.Add(new DashRow($"{(c.Ja ? w.ProgramJa : w.ProgramEn)} ({w.ReceiptCode})",
            [
                N(w.BudgetYen), N(apps, link), N(grantedCount, link), N(granted), R(DashboardRules.Rate(granted, w.BudgetYen)),
                N(Math.Max(0, w.BudgetYen - w.ReservedYen)), new DashCell(DashboardRules.Median(days)),
            ]));
        }
        return new DashTable("windows", "Dashboard.Table.Windows", "Dashboard.Col.Window",
        [
            new("Dashboard.Col.Budget", CellKind.Yen), new("Dashboard.Col.Applications", CellKind.Count), new("Dashboard.Col.GrantedCount", CellKind.Count),
            new("Dashboard.Col.GrantedYen", CellKind.Yen), new("Dashboard.Col.ExecutionRate", CellKind.Rate), new("Dashboard.Col.Remaining", CellKind.Yen),
            new("Dashboard.Col.MedianDays", CellKind.Days),
        ], rows, ChartColumn: 4, Empty: rows.Count == 0, NoteKey: "Dashboard.Note.Windows");
    }

    private Funnel FunnelOf(DashboardData d, string? area) => Funnel.Of(
        d.Sum(Families.Outreach, Metrics.Activities, area),
        d.Sum(Families.Referrals, Metrics.ReferralsMade, area),
        d.Sum(Families.Referrals, Metrics.ReferralsConverted, area),
        d.Sum(Families.Entries, Metrics.Submitted, area),
        d.Sum(Families.Subsidies, Metrics.Applications, area),
        d.Sum(Families.Entries, Metrics.Accepted, area) + d.Sum(Families.Entries, Metrics.Rejected, area),
        d.Sum(Families.Subsidies, Metrics.Granted, area) + d.Sum(Families.Subsidies, Metrics.NotGranted, area));

    /// <summary>
    /// Referred → registered on the portal → converted, for the referrals made in the year, split by whether the member
    /// was registered before the referral. The figures are the referral list's own funnel (<see cref="ReferralService.FunnelAsync"/>,
    /// one query) and each links to that list filtered to exactly its referrals. Counts only, no rates (docs/adr/0089).
    /// </summary>
    private async Task<DashTable> ReferralFunnelAsync(Context c, int fiscalYear, CancellationToken ct) =>
        ReferralFunnelTable(c, await referrals.FunnelAsync(
            new ReferralFilter(null, null, null, DashboardRules.DaysOf(fiscalYear).First, DashboardRules.DaysOf(fiscalYear).Last), ct));

    private DashTable ReferralFunnelTable(Context c, ReferralFunnel f)
    {
        var list = $"/outreach/referrals?{c.Period}";
        DashRow Row(string label, int referred, int registered, int converted, string referredFilter, string registeredFilter, bool total = false) =>
            new(label,
            [
                N(referred, list + referredFilter), N(registered, list + registeredFilter),
                N(converted, list + (registeredFilter.Length == 0 ? "" : registeredFilter) + "&converted=true"),
            ], total);
        var rows = new List<DashRow>
        {
            Row(t["Dashboard.ReferralFunnel.Before"], f.RegisteredBefore, f.RegisteredBefore, f.ConvertedBefore, "&registration=before", "&registration=before"),
            Row(t["Dashboard.ReferralFunnel.After"], f.ToUnregistered, f.Registered, f.Converted, "&registration=not-before", "&registration=after"),
            Row(t["Dashboard.Total"], f.Referrals, f.RegisteredBefore + f.Registered, f.ConvertedBefore + f.Converted, "", "&registration=registered", total: true),
        };
        return new DashTable("referral-funnel", "Dashboard.Table.ReferralFunnel", "Dashboard.Col.ReferralRegistration",
            [new("Dashboard.Col.Referrals", CellKind.Count), new("Dashboard.Col.RegisteredOnPortal", CellKind.Count), new("Dashboard.Col.Converted", CellKind.Count)],
            rows, ChartColumn: null, Empty: f.Referrals == 0, NoteKey: "Dashboard.Note.ReferralFunnel");
    }

    private DashTable FunnelTable(Context c)
    {
        var rows = new List<DashRow>();
        foreach (var (code, name) in c.AreasInScope)
        {
            rows.Add(FunnelRow(name, FunnelOf(c.Data, code), false, $"/outreach?{c.Period}{c.AreaParam(code)}", null));
        }
        if (c.Area is null)
        {
            rows.Add(FunnelRow(t["Dashboard.Total"], FunnelOf(c.Data, null), true, $"/outreach?{c.Period}", $"/outreach/referrals?{c.Period}"));
        }
        return new DashTable("funnel", "Dashboard.Table.Funnel", "Dashboard.Col.Area",
        [
            new("Dashboard.Col.Activities", CellKind.Count), new("Dashboard.Col.Referrals", CellKind.Count), new("Dashboard.Col.Converted", CellKind.Count),
            new("Dashboard.Col.ConversionRate", CellKind.Rate), new("Dashboard.Col.FunnelApplications", CellKind.Count), new("Dashboard.Col.Decisions", CellKind.Count),
            new("Dashboard.Col.DecisionRate", CellKind.Rate),
        ], rows, ChartColumn: 4, Empty: rows.All(r => r.Cells.All(x => x.Value is null or 0)), NoteKey: "Dashboard.Note.Funnel");

        // Referrals are listed by measure and branch, not by area: the areas' rows link their activities only.
        static DashRow FunnelRow(string label, Funnel f, bool total, string activities, string? referrals) =>
            new(label,
            [
                N(f.Activities, activities), N(f.Referrals, referrals), N(f.Converted, referrals is null ? null : referrals + "&converted=true"), R(f.ConversionRate),
                N(f.Applications), N(f.Decisions), R(f.DecisionRate),
            ], total);
    }

    private DashTable Channels(Context c)
    {
        var activities = c.Data.By(Families.Outreach, Metrics.Activities, Dims.Channel, c.Area);
        var reach = c.Data.By(Families.Outreach, Metrics.Reach, Dims.Channel, c.Area);
        var rows = Enum.GetValues<OutreachChannel>().Select(ch =>
        {
            var key = ((int)ch).ToString(CultureInfo.InvariantCulture);
            return new DashRow(t[$"Outreach.Channel.{ch}"], [N(activities.GetValueOrDefault(key), $"/outreach?{c.Period}{c.AreaParam(c.Area)}&channel={ch}"), N(reach.GetValueOrDefault(key), $"/outreach?{c.Period}{c.AreaParam(c.Area)}&channel={ch}")]);
        }).ToList();
        return new DashTable("channels", "Dashboard.Table.Channels", "Dashboard.Col.Channel",
            [new("Dashboard.Col.Activities", CellKind.Count), new("Dashboard.Col.Reach", CellKind.Count)], rows, ChartColumn: 1, Empty: !c.Has(Families.Outreach));
    }

    private DashTable Branches(Context c, List<(string Code, string Name)> branches)
    {
        var activities = c.Data.By(Families.Outreach, Metrics.Activities, Dims.Branch, c.Area);
        var reach = c.Data.By(Families.Outreach, Metrics.Reach, Dims.Branch, c.Area);
        var made = c.Data.By(Families.Referrals, Metrics.ReferralsMade, Dims.Branch, c.Area);
        var converted = c.Data.By(Families.Referrals, Metrics.ReferralsConverted, Dims.Branch, c.Area);
        var rows = branches.Select(b => new DashRow(b.Name,
        [
            N(activities.GetValueOrDefault(b.Code), $"/outreach?{c.Period}{c.AreaParam(c.Area)}&branch={b.Code}"), N(reach.GetValueOrDefault(b.Code), $"/outreach?{c.Period}{c.AreaParam(c.Area)}&branch={b.Code}"),
            N(made.GetValueOrDefault(b.Code), c.Area is null ? $"/outreach/referrals?{c.Period}&branch={b.Code}" : null),
            N(converted.GetValueOrDefault(b.Code), c.Area is null ? $"/outreach/referrals?{c.Period}&branch={b.Code}&converted=true" : null),
            R(DashboardRules.Rate(converted.GetValueOrDefault(b.Code), made.GetValueOrDefault(b.Code))),
        ])).ToList();
        return new DashTable("branches", "Dashboard.Table.Branches", "Dashboard.Col.Branch",
        [
            new("Dashboard.Col.Activities", CellKind.Count), new("Dashboard.Col.Reach", CellKind.Count), new("Dashboard.Col.Referrals", CellKind.Count),
            new("Dashboard.Col.Converted", CellKind.Count), new("Dashboard.Col.ConversionRate", CellKind.Rate),
        ], rows, ChartColumn: 0, Empty: !c.Has(Families.Outreach) && !c.Has(Families.Referrals));
    }

    private DashTable ReferralMeasures(Context c)
    {
        var rows = new List<DashRow>();
        foreach (var m in c.Measures)
        {
            var made = c.Data.Sum(Families.Referrals, Metrics.ReferralsMade, measure: m.Key);
            if (made == 0)
            {
                continue;
            }
            var converted = c.Data.Sum(Families.Referrals, Metrics.ReferralsConverted, measure: m.Key);
            rows.Add(new DashRow(c.Ja ? m.TitleJa : m.TitleEn,
                [N(made, $"/outreach/referrals?{c.Period}&measure={m.Id}"), N(converted, $"/outreach/referrals?{c.Period}&measure={m.Id}&converted=true"), R(DashboardRules.Rate(converted, made))]));
        }
        return new DashTable("referral-measures", "Dashboard.Table.ReferralMeasures", "Dashboard.Col.Measure",
            [new("Dashboard.Col.Referrals", CellKind.Count), new("Dashboard.Col.Converted", CellKind.Count), new("Dashboard.Col.ConversionRate", CellKind.Rate)],
            rows, ChartColumn: 0, Empty: rows.Count == 0);
    }

    private DashTable Profile(Context c, string id, string caption, string header, string dim, IEnumerable<(string Code, string Name)> values, bool linkMunicipality)
    {
        var entries = c.Data.By(Families.Entries, Metrics.Submitted, dim, c.Area);
        var apps = c.Data.By(Families.Subsidies, Metrics.Applications, dim, c.Area);
        var referrals = c.Data.By(Families.Referrals, Metrics.ReferralsMade, dim, c.Area);
        var rows = values.Select(v => new DashRow(v.Name,
        [
            N(entries.GetValueOrDefault(v.Code), linkMunicipality && v.Code != "" ? $"/schemes/review?status=all&{c.Period}{c.AreaParam(c.Area)}&municipality={v.Code}" : null),
            N(apps.GetValueOrDefault(v.Code)),
            N(referrals.GetValueOrDefault(v.Code)),
        ])).ToList();
        return new DashTable(id, caption, header,
            [new("Dashboard.Col.EntriesSubmitted", CellKind.Count), new("Dashboard.Col.Applications", CellKind.Count), new("Dashboard.Col.Referrals", CellKind.Count)],
            rows, ChartColumn: 0, Empty: !c.Has(Families.Entries) && !c.Has(Families.Subsidies) && !c.Has(Families.Referrals));
    }

    private DashTable Municipalities(Context c, List<(string Code, string Name)> municipalities, MunicipalityRows which)
    {
        var table = Profile(c, "municipalities", "Dashboard.Table.Municipalities", "Dashboard.Col.Municipality", Dims.Municipality,
            municipalities.Append(("", t["Dashboard.OutsideTokyo"].Value)), linkMunicipality: true);
        if (which == MunicipalityRows.AllByCode || table.Empty)
        {
            return table;
        }
        // The rows are in code order (the 23 wards first, those outside Tokyo last); a stable sort keeps it within each group.
        var withFigures = table.Rows.Where(r => r.Cells.Any(x => x.Value is > 0)).ToList();
        var rows = which == MunicipalityRows.WithFigures ? withFigures : [.. withFigures, .. table.Rows.Except(withFigures)];
        return table with { Rows = rows, HiddenRows = table.Rows.Count - rows.Count };
    }

    private DashTable Sizes(Context c) =>
        Profile(c, "sizes", "Dashboard.Table.Sizes", "Dashboard.Col.Size", Dims.Size,
            Enum.GetValues<SizeBand>().Select(s => (((int)s).ToString(CultureInfo.InvariantCulture), t[$"SizeBand.{s}"].Value)), linkMunicipality: false);

    private DashTable Industries(Context c, List<(string Code, string Name)> industries) =>
        Profile(c, "industries", "Dashboard.Table.Industries", "Dashboard.Col.Industry", Dims.Industry, industries, linkMunicipality: false);

    private DashTable Monthly(Context c, bool outreachOnly)
    {
        var columns = new List<DashColumn> { new("Dashboard.Col.Activities", CellKind.Count), new("Dashboard.Col.Reach", CellKind.Count), new("Dashboard.Col.Referrals", CellKind.Count) };
        if (!outreachOnly)
        {
            columns.Add(new("Dashboard.Col.EntriesSubmitted", CellKind.Count));
            columns.Add(new("Dashboard.Col.Applications", CellKind.Count));
        }
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        var rows = new List<DashRow>();
        var future = false;
        foreach (var bucket in DashboardRules.MonthsOf(c.Year))
        {
            var month = bucket % 100;
            var first = Families.FirstDay(bucket);
            var label = first.ToString(t["Dashboard.Format.MonthPattern"].Value, CultureInfo.InvariantCulture);
            if (first > today)
            {
                // A month still to come has no figures yet: "—", not 0 (and no link to an empty list).
                future = true;
                rows.Add(new DashRow(label, columns.Select(_ => new DashCell(null)).ToList()));
                continue;
            }
            var period = $"from={first:yyyy-MM-dd}&to={first.AddMonths(1).AddDays(-1):yyyy-MM-dd}";
            var cells = new List<DashCell>
            {
                N(c.Data.Sum(Families.Outreach, Metrics.Activities, c.Area, month: month), $"/outreach?{period}{c.AreaParam(c.Area)}"),
                N(c.Data.Sum(Families.Outreach, Metrics.Reach, c.Area, month: month), $"/outreach?{period}{c.AreaParam(c.Area)}"),
                N(c.Data.Sum(Families.Referrals, Metrics.ReferralsMade, c.Area, month: month), c.Area is null ? $"/outreach/referrals?{period}" : null),
            };
            if (!outreachOnly)
            {
                cells.Add(N(c.Data.Sum(Families.Entries, Metrics.Submitted, c.Area, month: month), $"/schemes/review?status=all&{period}{c.AreaParam(c.Area)}"));
                cells.Add(N(c.Data.Sum(Families.Subsidies, Metrics.Applications, c.Area, month: month)));
            }
            rows.Add(new DashRow(label, cells));
        }
        return new DashTable(outreachOnly ? "outreach-monthly" : "monthly", "Dashboard.Table.Monthly", "Dashboard.Col.Month", columns, rows, ChartColumn: 0,
            Empty: rows.All(r => r.Cells.All(x => x.Value is null or 0)), NoteKey: future ? "Dashboard.Note.FutureMonths" : null);
    }

    private DashTable Publicity(Context c)
    {
        var rows = Enum.GetValues<PublicityStatus>().Select(s =>
        {
            var f = c.Data.Publicity.FirstOrDefault(p => p.Status == s);
            return new DashRow(t[$"Publicity.Status.{s}"], [N(f?.Requests ?? 0, "/outreach/publicity"), N(f?.Publications ?? 0), N(f?.Reach ?? 0)]);
        }).ToList();
        return new DashTable("publicity", "Dashboard.Table.Publicity", "Dashboard.Col.Status",
            [new("Dashboard.Col.Requests", CellKind.Count), new("Dashboard.Col.Publications", CellKind.Count), new("Dashboard.Col.Reach", CellKind.Count)],
            rows, ChartColumn: 0, Empty: c.Data.Publicity.Count == 0);
    }

    private DashTable CoSponsorships(Context c)
    {
        var rows = new List<DashRow>();
        foreach (var kind in Enum.GetValues<CoSponsorKind>())
        {
            foreach (var status in Enum.GetValues<CoSponsorStatus>())
            {
                var f = c.Data.CoSponsorships.FirstOrDefault(x => x.Kind == kind && x.Status == status);
                rows.Add(new DashRow(t["Dashboard.Format.KindAndStatus", t[$"CoSponsor.Kind.{kind}"].Value, t[$"CoSponsor.Status.{status}"].Value],
                    [N(f?.Requests ?? 0, "/outreach/cosponsorship"), N(f?.Participants ?? 0), N(f?.MemberParticipants ?? 0)]));
            }
        }
        return new DashTable("cosponsorship", "Dashboard.Table.CoSponsorship", "Dashboard.Col.KindAndStatus",
            [new("Dashboard.Col.Requests", CellKind.Count), new("Dashboard.Col.Participants", CellKind.Count), new("Dashboard.Col.MemberParticipants", CellKind.Count)],
            rows, ChartColumn: 0, Empty: c.Data.CoSponsorships.Count == 0);
    }
}
