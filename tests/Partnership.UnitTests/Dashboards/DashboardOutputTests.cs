using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Partnership.Web.Areas.Dashboards.Controllers;

namespace Partnership.UnitTests.Dashboards;

public class DashboardOutputTests
{
    private static readonly (string, IReadOnlyList<decimal?>)[] Rows =
    [
        ("新宿区", [12m, 0.5m, null]),
        ("=HYPERLINK(\"x\")", [1m, 2m, 3m]),
    ];

    [Fact]
    public void The_CSV_starts_with_a_byte_order_mark_keeps_Japanese_and_escapes_formulas()
    {
        var bytes = TableExport.Csv(["区市町村", "申請", "率（%）", "日数"], Rows);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("区市町村,申請,率（%）,日数", lines[0]);
        Assert.Equal("新宿区,12,0.5,", lines[1]);
        Assert.StartsWith("\"'=HYPERLINK", lines[2]);
    }

    [Fact]
    public void The_workbook_holds_numbers_as_numbers_and_an_empty_cell_for_no_value()
    {
        var bytes = TableExport.Xlsx("区市町村別:[1]", ["区市町村", "申請", "率（%）", "日数"], Rows);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.Workbook.Descendants<Sheet>().Single();
        Assert.Equal("区市町村別1", sheet.Name!.Value);
        var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal("新宿区", cells[0].InnerText);
        Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
        Assert.Equal("12", cells[1].CellValue!.Text);
        Assert.Null(cells[3].CellValue);
    }

    [Fact]
    public void The_chart_draws_bars_in_proportion_and_names_itself_for_screen_readers()
    {
        var svg = DashChart.Svg([("千代田区", 100m, "100"), ("<script>", 50m, "50")], "グラフ：区市町村別").ToString()!;
        Assert.Contains("role=\"img\"", svg);
        Assert.Contains("aria-label=\"グラフ：区市町村別\"", System.Net.WebUtility.HtmlDecode(svg));
        Assert.Contains("width=\"300\"", svg);
        Assert.Contains("width=\"150\"", svg);
        Assert.DoesNotContain("<script>", svg);
    }
}
