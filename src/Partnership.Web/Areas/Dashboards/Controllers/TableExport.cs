using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Partnership.Web.Areas.Dashboards.Controllers;

/// <summary>
/// A dashboard table as a file: CSV (UTF-8 with BOM so Excel reads the Japanese; formula-looking text escaped) or
/// .xlsx (numbers as numbers). Rates are written as percentages with one decimal, amounts in yen; a figure with
/// no value (a rate over zero) is an empty cell.
/// </summary>
public static class TableExport
{
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<(string Label, IReadOnlyList<decimal?> Values)> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var h in header)
            {
                csv.WriteField(h);
            }
            csv.NextRecord();
            foreach (var (label, values) in rows)
            {
                csv.WriteField(label);
                foreach (var v in values)
                {
                    csv.WriteField(v?.ToString(CultureInfo.InvariantCulture) ?? "");
                }
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> header, IEnumerable<(string Label, IReadOnlyList<decimal?> Values)> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(header.Select(Text)));
            foreach (var (label, values) in rows)
            {
                var row = new Row(Text(label));
                foreach (var v in values)
                {
                    row.Append(v is { } number
                        ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) }
                        : new Cell());
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            // Sheet names: at most 31 characters, none of []:*?/\
            var name = new string([.. sheetName.Where(ch => "[]:*?/\\".IndexOf(ch) < 0).Take(31)]);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name.Length == 0 ? "Sheet1" : name }));
        }
        return stream.ToArray();
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
