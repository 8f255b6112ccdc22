using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Partnership.Infrastructure.Spreadsheets;

/// <summary>
/// Every file for download is written here, the one way the portal writes them (docs/adr/0010-csv-library.md): CSV in
/// UTF-8 with a BOM so Excel reads the Japanese; .xlsx with one sheet, text as text and numbers as numbers. A cell
/// is a string, a number, or null (an empty cell). Text in either format passes <see cref="Escape"/>, the one rule
/// against formula injection.
/// </summary>
public static class SpreadsheetFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The one escaping rule (OWASP "CSV injection"): text that starts with = + - @, a tab or a carriage return gets a
    /// single quote in front, so a spreadsheet shows it as text instead of running it as a formula. Numbers written as
    /// numbers are not text and are left alone.
    /// </summary>
    public static string Escape(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static byte[] Csv(IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var row in rows)
            {
                WriteRow(csv, row);
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }

    /// <summary>
    /// The same CSV, streamed to <paramref name="output"/> in pieces of whole rows (for exports of many rows); only
    /// asynchronous writes reach the stream, as a response body requires.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default)
    {
        await output.WriteAsync(Encoding.UTF8.GetPreamble(), ct);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        var pending = text.GetStringBuilder();
        await foreach (var row in rows.WithCancellation(ct))
        {
            WriteRow(csv, row);
            csv.Flush();
            if (pending.Length >= 16 * 1024)
            {
                await output.WriteAsync(Encoding.UTF8.GetBytes(pending.ToString()), ct);
                pending.Clear();
            }
        }
        csv.Flush();
        await output.WriteAsync(Encoding.UTF8.GetBytes(pending.ToString()), ct);
    }

    /// <summary>A one-sheet workbook; the sheet's name loses the characters Excel refuses and is cut to 31.</summary>
    public static byte[] Xlsx(string sheetName, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var cells in rows)
            {
                data.Append(new Row(cells.Select(Cell)));
            }
            sheetPart.Worksheet = new Worksheet(data);
            var name = new string([.. sheetName.Where(ch => "[]:*?/\\".IndexOf(ch) < 0).Take(31)]);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name.Length == 0 ? "Sheet1" : name }));
        }
        return stream.ToArray();
    }

    private static void WriteRow(CsvWriter csv, IReadOnlyList<object?> row)
    {
        foreach (var cell in row)
        {
            csv.WriteField(cell switch
            {
                null => "",
                string text => Escape(text),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                _ => Escape(cell.ToString() ?? ""),
            });
        }
        csv.NextRecord();
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        string text => Text(text),
        IFormattable number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString(null, CultureInfo.InvariantCulture)) },
        _ => Text(value.ToString() ?? ""),
    };

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Escape(text))) };
}
