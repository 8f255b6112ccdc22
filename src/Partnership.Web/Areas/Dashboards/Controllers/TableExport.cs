using Partnership.Infrastructure.Spreadsheets;

namespace Partnership.Web.Areas.Dashboards.Controllers;

/// <summary>
/// A dashboard table as a file, through <see cref="SpreadsheetFiles"/>: the header row, then a row per label with
/// its figures (a figure with no value, such as a rate over zero, is an empty cell).
/// </summary>
public static class TableExport
{
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<(string Label, IReadOnlyList<decimal?> Values)> rows) =>
        SpreadsheetFiles.Csv(Rows(header, rows));

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> header, IEnumerable<(string Label, IReadOnlyList<decimal?> Values)> rows) =>
        SpreadsheetFiles.Xlsx(sheetName, Rows(header, rows));

    private static IEnumerable<IReadOnlyList<object?>> Rows(IReadOnlyList<string> header, IEnumerable<(string Label, IReadOnlyList<decimal?> Values)> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)[r.Label, .. r.Values.Cast<object?>()]).Prepend([.. header]);
}
