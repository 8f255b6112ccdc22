using Partnership.Core.Common;
using Partnership.Core.Members;
using Partnership.Infrastructure.Spreadsheets;

namespace Partnership.Infrastructure.Members;

/// <summary>
/// The member roster file: read through the bounded reader with the roster's larger limits (80,000 members and more
/// in one file), and its templates (docs/adr/0069-member-roster.md).
/// </summary>
public static class RosterSpreadsheet
{
    public const long MaxBytes = 32L * 1024 * 1024;

    public static readonly SpreadsheetLimits Limits = new(
        RosterRules.MaxImportRows, MaxCellsPerRow: 32, MaxFileBytes: MaxBytes, MaxPartBytes: 192L * 1024 * 1024, MaxUnpackedBytes: 384L * 1024 * 1024,
        MaxSharedStrings: 1_000_000, MaxSharedStringChars: 48L * 1024 * 1024, MaxCells: 3_300_000);

    /// <summary>The data rows (row 2 onwards), or a refusal of the whole file.</summary>
    public static Outcome<List<string[]>> Read(ISpreadsheetReader reader, Stream stream, string? fileName)
    {
        var read = reader.Read(stream, fileName, Limits);
        if (!read.Succeeded)
        {
            return Outcome<List<string[]>>.Invalid(read.Errors);
        }
        var rows = read.Value!.Rows;
        if (rows.Count == 0 || !RosterRules.IsHeader(rows[0]))
        {
            return Outcome<List<string[]>>.Invalid("File", "Roster.Import.HeaderMismatch");
        }
        var header = rows[0];
        var withEmail = header.Length > RosterRules.Columns.Count && string.Equals((header[RosterRules.Columns.Count] ?? "").Trim(), RosterRules.EmailColumn, StringComparison.Ordinal);
        // Columns to the right that are not the optional mail column are ignored, as they always were.
        var width = RosterRules.Columns.Count + (withEmail ? 1 : 0);
        return Outcome<List<string[]>>.Ok(rows.Skip(1).Select(r => r.Length > width ? r[..width] : r).ToList());
    }

    public static readonly string[] ExampleRow = ["8000020130001", "A-000123", "東京商工株式会社", "トウキョウショウコウ", "13101", "2015-04-01", "山田 花子", "東京都千代田区丸の内3-2-2", "info@example.jp"];

    private static string[] Header => [.. RosterRules.Columns, RosterRules.EmailColumn];

    public static byte[] CsvTemplate() => SpreadsheetFiles.Csv([Header, ExampleRow]);

    public static byte[] XlsxTemplate() => Xlsx([Header, ExampleRow]);

    public static byte[] Xlsx(IEnumerable<string[]> rows) => SpreadsheetFiles.Xlsx("会員名簿", rows);
}
