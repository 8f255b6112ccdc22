using Partnership.Core.Companies;

namespace Partnership.UnitTests.Companies;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("03-5320-1234", "03-5320-1234")]
    [InlineData("0353201234", "0353201234")]
    [InlineData("090-1234-5678", "090-1234-5678")]
    [InlineData("09012345678", "09012345678")]
    [InlineData("0120-123-456", "0120-123-456")]
    [InlineData("042-528-1234", "042-528-1234")]
    [InlineData("04996-2-1234", "04996-2-1234")]
    public void A_domestic_number_keeps_the_users_hyphen_grouping(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("０３－５３２０－１２３４", "03-5320-1234")]
    [InlineData("０３ー５３２０ー１２３４", "03-5320-1234")]
    [InlineData("03–5320–1234", "03-5320-1234")]
    [InlineData(" 03 5320 1234 ", "0353201234")]
    [InlineData("\u3000０９０\u3000１２３４\u3000５６７８\u3000", "09012345678")]
    public void Full_width_digits_dashes_and_spaces_are_normalised(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("03(5320)1234", "03-5320-1234")]
    [InlineData("(03)5320-1234", "03-5320-1234")]
    [InlineData("(03)-5320-1234", "03-5320-1234")]
    [InlineData("03 (5320) 1234", "03-5320-1234")]
    [InlineData("０３（５３２０）１２３４", "03-5320-1234")]
    [InlineData("03-5320-1234-", "03-5320-1234")]
    [InlineData("-03-5320-1234", "03-5320-1234")]
    [InlineData("03--5320--1234", "03-5320-1234")]
    [InlineData("0120(123)456", "0120-123-456")]
    public void Parentheses_become_hyphens_without_leading_trailing_or_double_hyphens(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("03-5320-123")]
    [InlineData("035320123")]
    [InlineData("090-1234-56789")]
    [InlineData("090123456789")]
    [InlineData("3-5320-1234")]
    [InlineData("13-5320-1234")]
    [InlineData("+81-3-5320-1234")]
    [InlineData("03-5320-1234 内線12")]
    [InlineData("03-5320-1234 ext. 5")]
    [InlineData("03.5320.1234")]
    [InlineData("03/5320/1234")]
    [InlineData("O3-5320-1234")]
    [InlineData("٠٣-٥٣٢٠-١٢٣٤")]
    [InlineData("---")]
    [InlineData("()")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_not_a_phone_number(string? input)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }
}
