using System.Text;
using Partnership.Core.Outreach;
using Partnership.Infrastructure.Outreach;

namespace Partnership.UnitTests.Outreach;

public class OutreachImportRulesTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);

    private static readonly ImportReference Reference = new(
        new Dictionary<string, int> { ["TELEWORK-M01"] = 1, ["TELEWORK-M05"] = 5, ["LWB-M02"] = 12 },
        new HashSet<string> { "13101", "13104" });

    private static readonly string[] Good = ["2021-06-01", "メールマガジン", "TELEWORK-M01", "13101", "1200", "6月号"];

    private static (IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportRowError> Errors) Validate(params string[][] rows) =>
        OutreachRules.Validate(rows, Reference, Today);

    private static string[] With(int column, string value)
    {
        var row = (string[])Good.Clone();
        row[column] = value;
        return row;
    }

    [Fact]
    public void A_valid_row_is_read_with_its_channel_measures_and_reach()
    {
        var (rows, errors) = Validate(Good, ["2021/7/3", "Tour", "telework-m05; LWB-M02", "１３１０４", "1,050", ""]);

        Assert.Empty(errors);
        Assert.Equal(OutreachChannel.MailMagazine, rows[0].Channel);
        Assert.Equal(new DateOnly(2021, 7, 3), rows[1].Date);
        Assert.Equal(OutreachChannel.Tour, rows[1].Channel);
        Assert.Equal([5, 12], rows[1].MeasureIds);
        Assert.Equal("13104", rows[1].BranchCode);
        Assert.Equal(1050, rows[1].Reach);
    }

    [Theory]
    [InlineData(0, "", "Outreach.Import.Required")]
    [InlineData(0, "2021-13-01", "Outreach.Import.DateInvalid")]
    [InlineData(0, "昨日", "Outreach.Import.DateInvalid")]
    [InlineData(0, "1999-12-31", "Outreach.Import.DateOutOfRange")]
    [InlineData(0, "2026-04-02", "Outreach.Import.DateOutOfRange")]
    [InlineData(1, "", "Outreach.Import.Required")]
    [InlineData(1, "ラジオ", "Outreach.Import.ChannelUnknown")]
    [InlineData(1, "3", "Outreach.Import.ChannelUnknown")]
    [InlineData(2, "", "Outreach.Import.Required")]
    [InlineData(2, "TELEWORK-M99", "Outreach.Import.MeasureUnknown")]
    [InlineData(3, "", "Outreach.Import.Required")]
    [InlineData(3, "99999", "Outreach.Import.BranchUnknown")]
    [InlineData(4, "", "Outreach.Import.Required")]
    [InlineData(4, "-5", "Outreach.Import.ReachInvalid")]
    [InlineData(4, "12.5", "Outreach.Import.ReachInvalid")]
    [InlineData(4, "10000001", "Outreach.Import.ReachInvalid")]
    [InlineData(4, "多数", "Outreach.Import.ReachInvalid")]
    [InlineData(5, "<script>alert(1)</script>", "Outreach.Import.UnsafeText")]
    [InlineData(5, "\u202Eevil", "Outreach.Import.UnsafeText")]
    public void Every_column_names_its_own_error_with_the_row_number(int column, string value, string code)
    {
        var (rows, errors) = Validate(Good, With(column, value), Good);

        Assert.Empty(rows);
        var error = Assert.Single(errors);
        // The second data row is the sheet's row 3 (the header is row 1).
        Assert.Equal(3, error.Row);
        Assert.Equal(code, error.Code);
        Assert.Equal(OutreachRules.Columns[column], error.Column);
    }

    [Fact]
    public void A_note_over_the_limit_and_too_many_columns_are_refused()
    {
        var (_, errors) = Validate(With(5, new string('あ', OutreachActivity.NoteMaxLength + 1)), [.. Good, "余分"]);

        Assert.Equal(["Outreach.Import.NoteTooLong", "Outreach.Import.TooManyColumns"], errors.Select(e => e.Code));
        Assert.Equal([2, 3], errors.Select(e => e.Row));
    }

    [Fact]
    public void Every_error_of_every_row_is_reported_and_no_row_is_ready()
    {
        var (rows, errors) = Validate(With(0, "x"), Good, With(3, "00000"), With(4, "abc"));

        Assert.Empty(rows);
        Assert.Equal([2, 4, 5], errors.Select(e => e.Row));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var (_, errors) = Validate();
        Assert.Equal("Outreach.Import.Empty", Assert.Single(errors).Code);
    }

    [Fact]
    public void Identical_rows_get_different_keys_and_the_same_file_gets_the_same_keys_again()
    {
        var first = Validate(Good, Good, With(4, "5")).Rows.Select(r => r.ImportKey).ToList();
        var again = Validate(Good, Good, With(4, "5")).Rows.Select(r => r.ImportKey).ToList();

        Assert.Equal(3, first.Distinct().Count());
        Assert.Equal(first, again);
        // The same content written differently (measure order, full-width digits) is the same row.
        Assert.Equal(first[0], Validate(["2021-06-01", "MailMagazine", "telework-m01", "１３１０１", "1,200", "6月号"]).Rows[0].ImportKey);
    }

    [Fact]
    public void The_xlsx_template_reads_back_as_its_example_row()
    {
        var read = OutreachSpreadsheet.Read(new MemoryStream(OutreachSpreadsheet.XlsxTemplate()), "template.xlsx");

        Assert.True(read.Succeeded);
        Assert.Equal(OutreachSpreadsheet.ExampleRow, Assert.Single(read.Value!));
    }

    [Fact]
    public void The_csv_template_reads_back_as_its_example_row()
    {
        var read = OutreachSpreadsheet.Read(new MemoryStream(OutreachSpreadsheet.CsvTemplate()), "template.csv");

        Assert.True(read.Succeeded);
        Assert.Equal(OutreachSpreadsheet.ExampleRow, Assert.Single(read.Value!));
    }

    [Theory]
    [InlineData("a.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 }, "Spreadsheet.FileType")]
    [InlineData("a.xlsx", new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "Spreadsheet.XlsxUnreadable")]
    [InlineData("a.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 }, "Spreadsheet.XlsxUnreadable")]
    [InlineData("a.csv", new byte[] { 0x82, 0xA0, 0x82, 0xA2 }, "Spreadsheet.CsvUnreadable")]
    [InlineData("a.csv", new byte[] { 0x61, 0x00, 0x62 }, "Spreadsheet.CsvUnreadable")]
    [InlineData("a.csv", new byte[0], "Spreadsheet.FileEmpty")]
    public void Files_are_judged_by_their_content(string name, byte[] content, string code)
    {
        var read = OutreachSpreadsheet.Read(new MemoryStream(content), name);

        Assert.False(read.Succeeded);
        Assert.Equal(code, read.Errors[0].Code);
    }

    [Theory]
    [InlineData("a.csv")]
    [InlineData("a.xlsx")]
    public void Rows_are_numbered_as_the_spreadsheet_shows_them_blank_rows_included(string name)
    {
        // Row 1 the header, row 2 good, row 3 blank, row 4 wrong: the report names row 4.
        string[][] sheet = [[.. OutreachRules.Columns], Good, ["", "", "", "", "", ""], With(1, "ラジオ")];
        var bytes = name.EndsWith(".csv", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(string.Join("\r\n", sheet.Select(r => string.Join(',', r)).Select(l => l.Trim(',') == "" ? "" : l)) + "\r\n")
            : OutreachSpreadsheet.Xlsx(sheet);
        var read = OutreachSpreadsheet.Read(new MemoryStream(bytes), name);
        Assert.True(read.Succeeded);

        var (rows, errors) = OutreachRules.Validate(read.Value!, Reference, Today);
        Assert.Empty(rows);
        var error = Assert.Single(errors);
        Assert.Equal((4, "Outreach.Import.ChannelUnknown"), (error.Row, error.Code));
    }

    [Fact]
    public void A_file_with_another_header_is_refused()
    {
        var read = OutreachSpreadsheet.Read(new MemoryStream(Encoding.UTF8.GetBytes("date,channel\n2021-06-01,Tour\n")), "a.csv");
        Assert.Equal("Outreach.Import.HeaderMismatch", read.Errors[0].Code);
    }
}

public class ReferralConversionRuleTests
{
    private static readonly DateTime Referred = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_first_submission_after_the_referral_converts_it()
    {
        var conversion = OutreachRules.Conversion(Referred,
        [
            (Referred.AddDays(20), ConversionKind.Subsidy),
            (Referred.AddDays(3), ConversionKind.Consultation),
            (null, ConversionKind.Scheme),
        ]);

        Assert.Equal((Referred.AddDays(3), ConversionKind.Consultation), conversion);
    }

    [Fact]
    public void Submissions_before_the_referral_do_not_convert_it()
    {
        Assert.Null(OutreachRules.Conversion(Referred, [(Referred.AddSeconds(-1), ConversionKind.Scheme)]));
        Assert.Null(OutreachRules.Conversion(Referred, []));
    }
}
