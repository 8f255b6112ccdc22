using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Partnership.Core.Common;
using Partnership.Core.Outreach;

namespace Partnership.Infrastructure.Outreach;

/// <summary>
/// Reads an outreach import file into rows of cells, and writes the template. A file is judged by its content:
/// .xlsx by its zip signature and by opening it as a workbook; CSV as valid UTF-8 text (a BOM allowed) without
/// control characters other than line breaks and tabs. See docs/adr/0030-spreadsheet-import.md.
/// </summary>
public sealed class OutreachSpreadsheet
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The data rows (the header row checked and dropped), or a refusal of the whole file.</summary>
    public static Outcome<List<string[]>> Read(Stream stream, string? fileName)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return Outcome<List<string[]>>.Invalid("File", "Outreach.Import.FileTooLarge");
            }
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return Outcome<List<string[]>>.Invalid("File", "Outreach.Import.FileEmpty");
        }
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        List<string[]>? rows;
        if (extension == ".xlsx")
        {
            rows = bytes.AsSpan().StartsWith(ZipSignature) ? ReadXlsx(bytes) : null;
        }
        else if (extension == ".csv")
        {
            rows = ReadCsv(bytes);
        }
        else
        {
            return Outcome<List<string[]>>.Invalid("File", "Outreach.Import.FileType");
        }
        if (rows is null)
        {
            return Outcome<List<string[]>>.Invalid("File", extension == ".xlsx" ? "Outreach.Import.XlsxUnreadable" : "Outreach.Import.CsvUnreadable");
        }
        // Trailing empty rows are what spreadsheets leave behind; they are not rows.
        while (rows.Count > 0 && rows[^1].All(string.IsNullOrWhiteSpace))
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (rows.Count == 0 || !IsHeader(rows[0]))
        {
            return Outcome<List<string[]>>.Invalid("File", "Outreach.Import.HeaderMismatch");
        }
        return Outcome<List<string[]>>.Ok(rows.Skip(1).ToList());
    }

    private static bool IsHeader(string[] cells) =>
        cells.Length >= OutreachRules.Columns.Count
        && OutreachRules.Columns.Select((c, i) => (c, i)).All(x => string.Equals((cells[x.i] ?? "").Trim(), x.c, StringComparison.Ordinal));

    private static List<string[]>? ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            return null;
        }
        var rows = new List<string[]>();
        try
        {
            using var reader = new StringReader(text);
            using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectDelimiter = false });
            while (csv.Read())
            {
                rows.Add(csv.Record ?? []);
                if (rows.Count > OutreachRules.MaxImportRows + 1)
                {
                    break;
                }
            }
        }
        catch (CsvHelperException)
        {
            return null;
        }
        return rows;
    }

    private static List<string[]>? ReadXlsx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = 50_000_000 });
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } sheetId)
            {
                return null;
            }
            var part = (WorksheetPart)workbook.GetPartById(sheetId);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = new List<string[]>();
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    if (column > 64)
                    {
                        continue;
                    }
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }
                    var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
                    if (cell.DataType?.Value == CellValues.SharedString)
                    {
                        value = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
                    }
                    cells.Add(value);
                }
                var index = (int?)row.RowIndex?.Value ?? rows.Count + 1;
                while (rows.Count < index - 1 && rows.Count <= OutreachRules.MaxImportRows + 1)
                {
                    rows.Add([]);
                }
                rows.Add([.. cells]);
                if (rows.Count > OutreachRules.MaxImportRows + 1)
                {
                    break;
                }
            }
            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or InvalidOperationException or System.Xml.XmlException or FileFormatException or IOException or ArgumentException or InvalidCastException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = index * 26 + (c - 'A' + 1);
            if (index > 1000)
            {
                return null;
            }
        }
        return index == 0 ? null : index - 1;
    }

    /// <summary>The template's example row, shown under the header.</summary>
    public static readonly string[] ExampleRow = ["2021-06-01", "メールマガジン", "TELEWORK-M01", "13101", "1200", "6月号で周知しました。"];

    /// <summary>The CSV template: UTF-8 with BOM (Excel reads the Japanese), the header and one example row.</summary>
    public static byte[] CsvTemplate() => Spreadsheets.SpreadsheetFiles.Csv([OutreachRules.Columns.ToArray(), ExampleRow]);

    /// <summary>The .xlsx template: one sheet with the header and one example row, every cell text.</summary>
    public static byte[] XlsxTemplate() => Xlsx([OutreachRules.Columns.ToArray(), ExampleRow]);

    /// <summary>A one-sheet workbook of text cells (for the template, tests and the benchmark).</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows) => Spreadsheets.SpreadsheetFiles.Xlsx("活動", rows);
}
