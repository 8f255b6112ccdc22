using Partnership.Core.Companies;

namespace Partnership.UnitTests.Companies;

public class CorporateNumberTests
{
    private const string TokyoMetropolitanGovernment = "8000020130001";

    [Theory]
    [InlineData("000020130001", 8)]
    [InlineData("000012050002", 7)]
    [InlineData("010001008843", 8)]
    [InlineData("010401006492", 3)]
    [InlineData("180001031569", 3)]
    [InlineData("700150005290", 8)]
    [InlineData("000000000000", 9)]
    [InlineData("000000000009", 9)]
    [InlineData("000000000001", 8)]
    [InlineData("000000000010", 7)]
    [InlineData("999999999999", 9)]
    public void CheckDigit_follows_the_national_tax_agency_formula(string base12, int expected) =>
        Assert.Equal(expected, CorporateNumber.CheckDigit(base12));

    [Fact]
    public void CheckDigit_of_the_tokyo_metropolitan_government_is_8_by_the_formula_written_out()
    {
        // Base 000020130001 from the right: P1..P12 = 1,0,0,0,3,1,0,2,0,0,0,0; Q alternates 1,2,1,2…
        var sum = (1 * 1) + (0 * 2) + (0 * 1) + (0 * 2) + (3 * 1) + (1 * 2) + (0 * 1) + (2 * 2);
        Assert.Equal(10, sum);
        Assert.Equal(9 - (sum % 9), CorporateNumber.CheckDigit("000020130001"));
        Assert.Equal(8, CorporateNumber.CheckDigit("000020130001"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00002013000")]
    [InlineData("0000201300011")]
    [InlineData("00002013000a")]
    [InlineData("００００２０１３０００１")]
    [InlineData("0000-2013-0001")]
    [InlineData(" 000020130001")]
    public void CheckDigit_refuses_anything_but_twelve_ascii_digits(string base12) =>
        Assert.Throws<ArgumentException>(() => CorporateNumber.CheckDigit(base12));

    [Fact]
    public void CheckDigit_refuses_null() =>
        Assert.ThrowsAny<ArgumentException>(() => CorporateNumber.CheckDigit(null!));

    [Theory]
    [InlineData(TokyoMetropolitanGovernment)]
    [InlineData("7000012050002")]
    [InlineData("8010001008843")]
    [InlineData("3010401006492")]
    [InlineData("3180001031569")]
    [InlineData("8700150005290")]
    [InlineData("9000000000000")]
    public void A_number_with_the_right_check_digit_is_valid(string number) =>
        Assert.True(CorporateNumber.IsValid(number));

    [Theory]
    [InlineData(0, '9')]
    [InlineData(1, '1')]
    [InlineData(2, '1')]
    [InlineData(3, '1')]
    [InlineData(4, '1')]
    [InlineData(5, '3')]
    [InlineData(6, '1')]
    [InlineData(7, '2')]
    [InlineData(8, '4')]
    [InlineData(9, '1')]
    [InlineData(10, '1')]
    [InlineData(11, '1')]
    [InlineData(12, '2')]
    public void Changing_any_single_digit_of_a_valid_number_makes_it_invalid(int position, char replacement)
    {
        var original = TokyoMetropolitanGovernment[position] - '0';
        Assert.Equal((original + 1) % 10, replacement - '0');
        var chars = TokyoMetropolitanGovernment.ToCharArray();
        chars[position] = replacement;
        Assert.False(CorporateNumber.IsValid(new string(chars)));
    }

    [Fact]
    public void Every_other_first_digit_than_the_check_digit_is_invalid()
    {
        for (var digit = 0; digit <= 9; digit++)
        {
            var number = $"{digit}000020130001";
            Assert.Equal(digit == 8, CorporateNumber.IsValid(number));
        }
    }

    [Theory]
    [InlineData("800002013000")]
    [InlineData("80000201300011")]
    [InlineData("000020130001")]
    [InlineData("")]
    [InlineData(null)]
    public void A_number_of_the_wrong_length_is_invalid(string? number) =>
        Assert.False(CorporateNumber.IsValid(number));

    [Theory]
    [InlineData("800002013000A")]
    [InlineData("8000-020-130001")]
    [InlineData("8000020130001 ")]
    [InlineData("８００００２０１３０００１")]
    [InlineData("8000020１30001")]
    [InlineData("٨000020130001")]
    public void A_number_with_non_ascii_digits_is_invalid_until_normalised(string number) =>
        Assert.False(CorporateNumber.IsValid(number));

    [Theory]
    [InlineData("８００００２０１３０００１", TokyoMetropolitanGovernment)]
    [InlineData("8000-02-0130001", TokyoMetropolitanGovernment)]
    [InlineData("8-0000-2013-0001", TokyoMetropolitanGovernment)]
    [InlineData("８－００００－２０１３－０００１", TokyoMetropolitanGovernment)]
    [InlineData("8ー0000ー2013ー0001", TokyoMetropolitanGovernment)]
    [InlineData("  8000 0201 30001\u3000", TokyoMetropolitanGovernment)]
    [InlineData(TokyoMetropolitanGovernment, TokyoMetropolitanGovernment)]
    public void Normalize_makes_full_width_spaced_and_hyphenated_input_valid(string input, string expected)
    {
        var normalized = CorporateNumber.Normalize(input);
        Assert.Equal(expected, normalized);
        Assert.True(CorporateNumber.IsValid(normalized));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void Normalize_returns_an_empty_string_for_null_or_blank_input(string? input) =>
        Assert.Equal(string.Empty, CorporateNumber.Normalize(input));

    [Fact]
    public void Normalize_does_not_make_an_invalid_number_valid()
    {
        var normalized = CorporateNumber.Normalize("９０００－０２０－１３０００１");
        Assert.Equal("9000020130001", normalized);
        Assert.False(CorporateNumber.IsValid(normalized));
    }
}
