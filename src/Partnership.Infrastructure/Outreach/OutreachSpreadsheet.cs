using Partnership.Core.Common;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Spreadsheets;

namespace Partnership.Infrastructure.Outreach;

/// <summary>
/// Reads an outreach import file into rows of cells through the bounded reader, and writes the template. A file is
/// judged by its content: .xlsx by its zip signature and its parts within the limits; CSV as valid UTF-8 text (a BOM
/// allowed) without control characters other than line breaks and tabs. See docs/adr/0030-spreadsheet-import.md and
/// docs/adr/0068-bounded-spreadsheet-reader.md.
/// </summary>
public sealed class OutreachSpreadsheet
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>What an outreach file may take: 5 MB, the import's rows, and the bounded reader's part limits.</summary>
    public static readonly SpreadsheetLimits Limits = SpreadsheetLimits.Outreach(OutreachRules.MaxImportRows) with { MaxFileBytes = MaxBytes };

    /// <summary>The data rows (the header row checked and dropped), or a refusal of the whole file.</summary>
    public static Outcome<List<string[]>> Read(Stream stream, string? fileName) => Read(BoundedSpreadsheetReader.Instance, stream, fileName);

    public static Outcome<List<string[]>> Read(ISpreadsheetReader reader, Stream stream, string? fileName)
    {
        var read = reader.Read(stream, fileName, Limits);
        if (!read.Succeeded)
        {
            return Outcome<List<string[]>>.Invalid(read.Errors);
        }
        var rows = read.Value!.Rows;
        if (rows.Count == 0 || !IsHeader(rows[0]))
        {
            return Outcome<List<string[]>>.Invalid("File", "Outreach.Import.HeaderMismatch");
        }
        return Outcome<List<string[]>>.Ok(rows.Skip(1).ToList());
    }

    private static bool IsHeader(string[] cells) =>
        cells.Length >= OutreachRules.Columns.Count
        && OutreachRules.Columns.Select((c, i) => (c, i)).All(x => string.Equals((cells[x.i] ?? "").Trim(), x.c, StringComparison.Ordinal));

    /// <summary>The template's example row, shown under the header.</summary>
    public static readonly string[] ExampleRow = ["2021-06-01", "メールマガジン", "TELEWORK-M01", "13101", "1200", "6月号で周知しました。"];

    /// <summary>The CSV template: UTF-8 with BOM (Excel reads the Japanese), the header and one example row.</summary>
    public static byte[] CsvTemplate() => Spreadsheets.SpreadsheetFiles.Csv([OutreachRules.Columns.ToArray(), ExampleRow]);

    /// <summary>The .xlsx template: one sheet with the header and one example row, every cell text.</summary>
    public static byte[] XlsxTemplate() => Xlsx([OutreachRules.Columns.ToArray(), ExampleRow]);

    /// <summary>A one-sheet workbook of text cells (for the template, tests and the benchmark).</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows) => Spreadsheets.SpreadsheetFiles.Xlsx("活動", rows);
}
