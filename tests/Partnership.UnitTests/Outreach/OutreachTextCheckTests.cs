using Partnership.Core.Common;
using Partnership.Core.Outreach;

namespace Partnership.UnitTests.Outreach;

public class OutreachTextCheckTests
{
    private static List<FieldError> Check(string? value, int max = 10, bool required = true)
    {
        var errors = new List<FieldError>();
        OutreachRules.CheckText(errors, "Title", value, max, required);
        return errors;
    }

    [Theory]
    [InlineData(null, "Validation.Required")]
    [InlineData("   ", "Validation.Required")]
    [InlineData("12345678901", "Validation.TooLong")]
    [InlineData("<b>太字</b>", "Validation.Markup")]
    public void A_text_field_is_refused_with_one_error_for_its_first_problem(string? value, string code) =>
        Assert.Equal(new[] { new FieldError("Title", code) }, Check(value));

    [Fact]
    public void Spaces_around_the_text_do_not_count_towards_its_length() => Assert.Empty(Check("  1234567890  "));

    [Fact]
    public void An_optional_field_may_be_empty() => Assert.Empty(Check("", required: false));
}
