namespace Partnership.Core.Common;

/// <summary>
/// What a spreadsheet read may take, checked while the file is streamed (docs/adr/0068-bounded-spreadsheet-reader.md):
/// the file's size, the unpacked size of each zip part and of all parts together, the shared strings (count and
/// characters), the characters of one cell, the cells of one row and of the whole sheet, and the rows under the header.
/// </summary>
public sealed record SpreadsheetLimits(
    int MaxDataRows,
    int MaxCellsPerRow = 64,
    long MaxFileBytes = 5L * 1024 * 1024,
    long MaxPartBytes = 64L * 1024 * 1024,
    long MaxUnpackedBytes = 160L * 1024 * 1024,
    int MaxParts = 200,
    int MaxSharedStrings = 200_000,
    long MaxSharedStringChars = 16L * 1024 * 1024,
    int MaxCellChars = 32_767,
    long MaxCells = 2_000_000)
{
    /// <summary>The outreach activity import: 10,000 rows of six columns in a file of at most 5 MB.</summary>
    public static SpreadsheetLimits Outreach(int maxDataRows) => new(maxDataRows);
}

/// <summary>
/// The rows of a spreadsheet's first sheet (or of a CSV file) as text, in the order and with the numbers a spreadsheet
/// shows: <c>Rows[0]</c> is row 1 (the header). Rows missing in an .xlsx are empty arrays; trailing empty rows are dropped.
/// </summary>
public sealed record SpreadsheetRows(IReadOnlyList<string[]> Rows);

/// <summary>
/// Reads an uploaded .xlsx or CSV file within <see cref="SpreadsheetLimits"/>. A refusal is one <see cref="FieldError"/>
/// on "File" whose code is a resource key under <c>Spreadsheet.</c>, with its arguments (a limit, in words the user reads).
/// </summary>
public interface ISpreadsheetReader
{
    Outcome<SpreadsheetRows> Read(Stream stream, string? fileName, SpreadsheetLimits limits);
}
