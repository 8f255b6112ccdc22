using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Partnership.Infrastructure.Spreadsheets;

/// <summary>
/// Small files for download, written the one way the portal writes them (docs/adr/0010-csv-library.md): CSV in
/// UTF-8 with a BOM so Excel reads the Japanese, text that looks like a formula escaped; .xlsx with one sheet,
/// text as text and numbers as numbers. A cell is a string, a number, or null (an empty cell).
/// </summary>
public static class SpreadsheetFiles
{
    public static byte[] Csv(IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch { null => "", IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => cell.ToString() });
                }
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
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

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        string text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
        IFormattable number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString(null, CultureInfo.InvariantCulture)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? "")) },
    };
}
