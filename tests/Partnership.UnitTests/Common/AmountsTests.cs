using Partnership.Core.Common;

namespace Partnership.UnitTests.Common;

public class AmountsTests
{
    [Theory]
    [InlineData("１２８，５００", 128500)]
    [InlineData("１２８,５００", 128500)]
    [InlineData("128，500", 128500)]
    [InlineData("12,980", 12980)]
    [InlineData("１２８５００", 128500)]
    [InlineData("128500円", 128500)]
    [InlineData("１２８，５００円", 128500)]
    [InlineData("￥128,500", 128500)]
    [InlineData("¥１２８５００", 128500)]
    [InlineData(" 128 500 ", 128500)]
    [InlineData("0", 0)]
    public void Yen_amounts_are_read_as_people_type_them(string typed, long expected) =>
        Assert.Equal(expected, Amounts.Yen(typed));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("円")]
    [InlineData("-500")]
    [InlineData("－５００")]
    [InlineData("128.5")]
    [InlineData("十万")]
    [InlineData("128500ドル")]
    [InlineData("99999999999999999999")]
    public void Anything_else_is_not_an_amount(string? typed) =>
        Assert.Null(Amounts.Yen(typed));

    [Fact]
    public void A_count_allows_only_the_units_it_is_given()
    {
        Assert.Equal(30, Amounts.Whole("３０名", ["人", "名"]));
        Assert.Null(Amounts.Whole("３０名"));
        Assert.Null(Amounts.Whole("30円", ["人", "名"]));
    }
}
