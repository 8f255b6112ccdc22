using Partnership.Core.Common;
using Partnership.Core.Subsidies;

namespace Partnership.UnitTests.Common;

public class JsonListTests
{
    [Fact]
    public void The_same_stored_text_is_parsed_once()
    {
        var application = new SubsidyApplication { ExpensesJson = """[{"Description":"ノートPC","Quantity":2,"UnitPriceYen":150000}]""" };

        var first = application.Expenses;
        var second = application.Expenses;

        Assert.Same(first, second);
        Assert.Equal([new ExpenseItem("ノートPC", 2, 150000)], first);
    }

    [Fact]
    public void New_text_written_behind_the_property_is_read_anew()
    {
        // EF Core writes the column's value to the backing field, past any setter: the list must follow the text.
        var application = new SubsidyApplication { ExpensesJson = """[{"Description":"a","Quantity":1,"UnitPriceYen":1000}]""" };
        _ = application.Expenses;

        application.ExpensesJson = """[{"Description":"b","Quantity":3,"UnitPriceYen":2000}]""";

        Assert.Equal([new ExpenseItem("b", 3, 2000)], application.Expenses);
    }

    [Fact]
    public void Setting_lines_writes_readable_Japanese_and_reads_back_the_same()
    {
        var application = new SubsidyApplication();
        ExpenseItem[] lines = [new("テレワーク用ノートパソコン", 3, 120000), new("Web会議用カメラ", 3, 8000)];

        application.Expenses = lines;

        Assert.Contains("テレワーク用ノートパソコン", application.ExpensesJson, StringComparison.Ordinal);
        Assert.Equal(lines, application.Expenses);
    }

    [Fact]
    public void The_list_handed_out_cannot_be_changed()
    {
        var window = new SubsidyWindow { RequiredDocumentsJson = """[{"Code":"QUOTE","Ja":"見積書","En":"Quotation"}]""" };

        var list = (IList<DocumentRequirement>)window.RequiredDocuments;

        Assert.Throws<NotSupportedException>(() => list.Clear());
        Assert.Single(window.RequiredDocuments);
    }

    [Fact]
    public void Empty_text_reads_as_an_empty_list()
    {
        var list = new JsonList<ExpenseItem>();

        Assert.Empty(list.Read("[]"));
        Assert.Empty(list.Read("null"));
    }
}
