using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Partnership.Infrastructure.Spreadsheets;

namespace Partnership.UnitTests.Spreadsheets;

public class SpreadsheetEscapingTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+81 3 1234 5678", "'+81 3 1234 5678")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void Text_that_starts_like_a_formula_gets_a_single_quote_in_front(string text, string escaped) =>
        Assert.Equal(escaped, SpreadsheetFiles.Escape(text));

    [Theory]
    [InlineData("")]
    [InlineData("新宿区")]
    [InlineData("a=1")]
    [InlineData(" =1")]
    [InlineData("'=1")]
    public void Other_text_is_left_as_it_is(string text) => Assert.Equal(text, SpreadsheetFiles.Escape(text));

    [Fact]
    public void The_CSV_escapes_text_but_not_numbers_and_keeps_the_byte_order_mark()
    {
        var bytes = SpreadsheetFiles.Csv([["-1", -1, "@x", null]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("'-1,-1,'@x,\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task The_streamed_CSV_is_the_same_file_as_the_one_in_memory()
    {
        IReadOnlyList<object?>[] rows = [["名前", "金額"], ["=HYPERLINK(\"x\")", 150_000L], ["\r改行", null]];
        using var stream = new MemoryStream();
        await SpreadsheetFiles.WriteCsvAsync(stream, rows.ToAsyncEnumerable());
        Assert.Equal(SpreadsheetFiles.Csv(rows), stream.ToArray());
    }

    [Fact]
    public void The_workbook_escapes_text_by_the_same_rule()
    {
        var bytes = SpreadsheetFiles.Xlsx("sheet", [["+1", 1, "ok"]]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.Equal(["'+1", "1", "ok"], cells.Select(c => c.InnerText));
        Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
    }
}
