using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Dashboards.Controllers;

/// <summary>
/// The dashboards: Metro's (every area, measure, window, municipality; compared with the previous year on demand)
/// and the chamber's (outreach, referrals, publicity, co-sponsorship). Every table can be downloaded as CSV or .xlsx.
/// </summary>
[Area("Dashboards")]
[Route("/dashboard")]
public sealed class DashboardController(DashboardTables tables, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = Policies.MetroDashboard)]
    public async Task<IActionResult> Index(int? year, [FromQuery] string? area, [FromQuery] string? municipalities, bool compare = false, bool print = false, CancellationToken ct = default) =>
        Page(await tables.BuildAsync(DashboardTables.Metro, year, area, compare, print, ct,
            municipalities == "all" || print ? MunicipalityRows.AllWithFiguresFirst : MunicipalityRows.WithFigures));

    [HttpGet("chamber")]
    [Authorize(Policy = Policies.ChamberDashboard)]
    public async Task<IActionResult> Chamber(int? year, bool print = false, CancellationToken ct = default) =>
        Page(await tables.BuildAsync(DashboardTables.Chamber, year, null, false, print, ct, MunicipalityRows.WithFigures));

    /// <summary>The dashboard; a year that is not the plan's answers 404 with the message and the years that are.</summary>
    private ViewResult Page(DashboardPage page)
    {
        var view = View("Dashboard", page);
        if (page.UnknownYear is not null)
        {
            view.StatusCode = StatusCodes.Status404NotFound;
        }
        return view;
    }

    [HttpGet("export/{table}")]
    [Authorize(Policy = Policies.MetroDashboard)]
    public Task<IActionResult> Export(string table, string? format, int? year, [FromQuery] string? area, bool compare = false, CancellationToken ct = default) =>
        ExportAsync(DashboardTables.Metro, table, format, year, area, compare, ct);

    [HttpGet("chamber/export/{table}")]
    [Authorize(Policy = Policies.ChamberDashboard)]
    public Task<IActionResult> ChamberExport(string table, string? format, int? year, CancellationToken ct = default) =>
        ExportAsync(DashboardTables.Chamber, table, format, year, null, false, ct);

    private async Task<IActionResult> ExportAsync(string kind, string table, string? format, int? year, string? area, bool compare, CancellationToken ct)
    {
        var allowed = kind == DashboardTables.Metro ? DashboardTables.MetroTables : DashboardTables.ChamberTables;
        if (!allowed.Contains(table) || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }
        var page = await tables.BuildAsync(kind, year, area, compare || table == "compare", print: false, ct);
        if (page.UnknownYear is not null)
        {
            return NotFound();
        }
        var found = page.Tables.FirstOrDefault(x => x.Id == table);
        if (found is null)
        {
            return NotFound();
        }
        var header = new List<string> { t[found.RowHeaderKey] };
        header.AddRange(found.Columns.Select(c => c.Kind switch
        {
            CellKind.Rate => t["Dashboard.Header.Percent", t[c.HeaderKey].Value].Value,
            CellKind.Yen => t["Dashboard.Header.Yen", t[c.HeaderKey].Value].Value,
            _ => t[c.HeaderKey].Value,
        }));
        var rows = found.Rows.Select(r => (r.Label, (IReadOnlyList<decimal?>)[.. r.Cells.Select((cell, i) => found.Columns[i].Kind == CellKind.Rate && cell.Value is { } v ? Math.Round(v * 100, 1) : cell.Value)]));
        var caption = t[found.CaptionKey].Value;
        var name = $"dashboard-{kind}-{page.FiscalYear}-{found.Id}{(page.AreaCode is { } a ? "-" + a : "")}";
        return format == "csv"
            ? File(TableExport.Csv(header, rows), "text/csv; charset=utf-8", name + ".csv")
            : File(TableExport.Xlsx(caption, header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}
