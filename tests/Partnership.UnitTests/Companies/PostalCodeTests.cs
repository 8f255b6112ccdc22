using Partnership.Core.Companies;

namespace Partnership.UnitTests.Companies;

public class PostalCodeTests
{
    [Theory]
    [InlineData("100-0005", "100-0005")]
    [InlineData("1000005", "100-0005")]
    [InlineData("１００－０００５", "100-0005")]
    [InlineData("１０００００５", "100-0005")]
    [InlineData("〒163-8001", "163-8001")]
    [InlineData("〒 163-8001", "163-8001")]
    [InlineData("〒１６３ー８００１", "163-8001")]
    [InlineData("  163−8001\u3000", "163-8001")]
    [InlineData("163 8001", "163-8001")]
    public void A_seven_digit_postal_code_is_normalised_to_three_hyphen_four(string input, string expected)
    {
        Assert.True(PostalCode.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("163-80011")]
    [InlineData("16380011")]
    [InlineData("163-800")]
    [InlineData("163800")]
    [InlineData("1638-001")]
    [InlineData("16-38001")]
    [InlineData("163--8001")]
    [InlineData("-1638001")]
    [InlineData("abc-defg")]
    [InlineData("163-800a")]
    [InlineData("〒〒163-8001")]
    [InlineData("163-8001〒")]
    [InlineData("T163-8001")]
    [InlineData("١٦٣-٨٠٠١")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_not_a_postal_code(string? input)
    {
        Assert.False(PostalCode.TryNormalize(input, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }
}
