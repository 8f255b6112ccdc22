using Partnership.Core.Companies;

namespace Partnership.UnitTests.Companies;

public class SmeRulesTests
{
    public static TheoryData<SmeCategory, long, int, int> AllLimits => new()
    {
        { SmeCategory.ManufacturingAndOther, 300_000_000, 300, 20 },
        { SmeCategory.Wholesale, 100_000_000, 100, 5 },
        { SmeCategory.Service, 50_000_000, 100, 5 },
        { SmeCategory.Retail, 50_000_000, 50, 5 },
        { SmeCategory.RubberProducts, 300_000_000, 900, 20 },
        { SmeCategory.SoftwareAndInformationServices, 300_000_000, 300, 20 },
        { SmeCategory.Ryokan, 50_000_000, 200, 20 },
        { SmeCategory.LodgingAndEntertainment, 50_000_000, 100, 20 },
    };

    [Theory]
    [MemberData(nameof(AllLimits))]
    public void Each_category_has_the_limits_of_the_sme_basic_act_and_its_ordinance(
        SmeCategory category, long capital, int employees, int smallEmployees) =>
        Assert.Equal(new SmeLimits(capital, employees, smallEmployees), SmeRules.LimitsFor(category));

    [Fact]
    public void Every_defined_category_has_limits() =>
        Assert.All(Enum.GetValues<SmeCategory>(), category => Assert.NotNull(SmeRules.LimitsFor(category)));

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(-1)]
    public void An_undefined_category_is_refused(int category)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmeRules.LimitsFor((SmeCategory)category));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmeRules.Classify((SmeCategory)category, 1, 1));
    }

    [Theory]
    [MemberData(nameof(AllLimits))]
    public void Capital_at_or_just_under_the_limit_passes_the_capital_test_and_just_over_fails_it(
        SmeCategory category, long capital, int employees, int smallEmployees)
    {
        _ = smallEmployees;
        var tooMany = employees + 1;

        var atLimit = SmeRules.Classify(category, capital, tooMany);
        Assert.True(atLimit.IsSme);
        Assert.True(atLimit.ByCapital);
        Assert.False(atLimit.ByEmployees);
        Assert.Equal(SizeBand.Sme, atLimit.Band);

        var underLimit = SmeRules.Classify(category, capital - 1, tooMany);
        Assert.True(underLimit.IsSme);
        Assert.True(underLimit.ByCapital);

        var overLimit = SmeRules.Classify(category, capital + 1, tooMany);
        Assert.False(overLimit.IsSme);
        Assert.False(overLimit.ByCapital);
        Assert.False(overLimit.ByEmployees);
        Assert.Equal(SizeBand.Large, overLimit.Band);
    }

    [Theory]
    [MemberData(nameof(AllLimits))]
    public void Employees_at_or_just_under_the_limit_pass_the_employee_test_and_just_over_fail_it(
        SmeCategory category, long capital, int employees, int smallEmployees)
    {
        var tooMuch = capital + 1;

        var atLimit = SmeRules.Classify(category, tooMuch, employees);
        Assert.True(atLimit.IsSme);
        Assert.False(atLimit.ByCapital);
        Assert.True(atLimit.ByEmployees);
        Assert.Equal(employees <= smallEmployees ? SizeBand.SmallEnterprise : SizeBand.Sme, atLimit.Band);

        var underLimit = SmeRules.Classify(category, tooMuch, employees - 1);
        Assert.True(underLimit.IsSme);
        Assert.True(underLimit.ByEmployees);
        Assert.Equal(SizeBand.Sme, underLimit.Band);

        var overLimit = SmeRules.Classify(category, tooMuch, employees + 1);
        Assert.False(overLimit.IsSme);
        Assert.False(overLimit.ByEmployees);
        Assert.Equal(SizeBand.Large, overLimit.Band);
    }

    [Theory]
    [MemberData(nameof(AllLimits))]
    public void Employees_at_or_under_the_small_enterprise_limit_make_an_sme_a_small_enterprise(
        SmeCategory category, long capital, int employees, int smallEmployees)
    {
        Assert.Equal(SizeBand.SmallEnterprise, SmeRules.Classify(category, capital, smallEmployees).Band);
        Assert.Equal(SizeBand.SmallEnterprise, SmeRules.Classify(category, capital, smallEmployees - 1).Band);
        Assert.Equal(SizeBand.SmallEnterprise, SmeRules.Classify(category, capital, 0).Band);
        Assert.Equal(SizeBand.Sme, SmeRules.Classify(category, capital, smallEmployees + 1).Band);
        Assert.Equal(SizeBand.Sme, SmeRules.Classify(category, capital, employees).Band);
    }

    [Theory]
    [MemberData(nameof(AllLimits))]
    public void Both_tests_passing_are_both_reported(SmeCategory category, long capital, int employees, int smallEmployees)
    {
        _ = smallEmployees;
        var result = SmeRules.Classify(category, capital, employees);
        Assert.True(result.IsSme);
        Assert.True(result.ByCapital);
        Assert.True(result.ByEmployees);
        Assert.Equal(category, result.Category);
        Assert.Equal(SmeRules.LimitsFor(category), result.Limits);
    }

    [Fact]
    public void Large_capital_but_few_employees_is_still_an_sme()
    {
        var result = SmeRules.Classify(SmeCategory.ManufacturingAndOther, 10_000_000_000, 250);
        Assert.True(result.IsSme);
        Assert.False(result.ByCapital);
        Assert.True(result.ByEmployees);
        Assert.Equal(SizeBand.Sme, result.Band);
    }

    [Fact]
    public void Many_employees_but_small_capital_is_still_an_sme()
    {
        var result = SmeRules.Classify(SmeCategory.Retail, 10_000_000, 5_000);
        Assert.True(result.IsSme);
        Assert.True(result.ByCapital);
        Assert.False(result.ByEmployees);
        Assert.Equal(SizeBand.Sme, result.Band);
    }

    [Fact]
    public void Large_capital_and_few_employees_within_the_small_limit_is_a_small_enterprise()
    {
        var result = SmeRules.Classify(SmeCategory.Service, 1_000_000_000, 3);
        Assert.True(result.IsSme);
        Assert.Equal(SizeBand.SmallEnterprise, result.Band);
    }

    [Fact]
    public void Large_capital_and_many_employees_is_a_large_company() =>
        Assert.Equal(SizeBand.Large, SmeRules.Classify(SmeCategory.Wholesale, 100_000_001, 101).Band);

    [Theory]
    [InlineData(SmeCategory.Service, 5, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.Service, 6, SizeBand.Sme)]
    [InlineData(SmeCategory.Service, 20, SizeBand.Sme)]
    [InlineData(SmeCategory.LodgingAndEntertainment, 6, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.LodgingAndEntertainment, 20, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.LodgingAndEntertainment, 21, SizeBand.Sme)]
    [InlineData(SmeCategory.Ryokan, 20, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.Ryokan, 21, SizeBand.Sme)]
    [InlineData(SmeCategory.Wholesale, 5, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.Wholesale, 6, SizeBand.Sme)]
    [InlineData(SmeCategory.Retail, 5, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.Retail, 6, SizeBand.Sme)]
    [InlineData(SmeCategory.ManufacturingAndOther, 20, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.ManufacturingAndOther, 21, SizeBand.Sme)]
    public void Lodging_and_entertainment_has_a_small_enterprise_limit_of_20_where_other_services_have_5(
        SmeCategory category, int employees, SizeBand expected) =>
        Assert.Equal(expected, SmeRules.Classify(category, 10_000_000, employees).Band);

    [Theory]
    [InlineData(SmeCategory.Ryokan, 200, true)]
    [InlineData(SmeCategory.Ryokan, 201, false)]
    [InlineData(SmeCategory.LodgingAndEntertainment, 200, false)]
    [InlineData(SmeCategory.Service, 101, false)]
    [InlineData(SmeCategory.RubberProducts, 900, true)]
    [InlineData(SmeCategory.RubberProducts, 901, false)]
    [InlineData(SmeCategory.ManufacturingAndOther, 900, false)]
    public void Ordinance_exceptions_raise_the_employee_limit(SmeCategory category, int employees, bool expected) =>
        Assert.Equal(expected, SmeRules.Classify(category, 1_000_000_000, employees).IsSme);

    [Theory]
    [InlineData(SmeCategory.Retail, 5, true, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.Retail, 50, true, SizeBand.Sme)]
    [InlineData(SmeCategory.Retail, 51, false, SizeBand.Large)]
    [InlineData(SmeCategory.ManufacturingAndOther, 0, true, SizeBand.SmallEnterprise)]
    [InlineData(SmeCategory.ManufacturingAndOther, 301, false, SizeBand.Large)]
    public void Without_capital_a_sole_proprietor_is_judged_by_employees_only(
        SmeCategory category, int employees, bool isSme, SizeBand band)
    {
        var result = SmeRules.Classify(category, null, employees);
        Assert.Equal(isSme, result.IsSme);
        Assert.Equal(band, result.Band);
        Assert.False(result.ByCapital);
        Assert.Equal(isSme, result.ByEmployees);
    }

    [Fact]
    public void Zero_capital_passes_the_capital_test()
    {
        var result = SmeRules.Classify(SmeCategory.Service, 0, 1_000);
        Assert.True(result.IsSme);
        Assert.True(result.ByCapital);
    }

    [Fact]
    public void Negative_capital_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SmeRules.Classify(SmeCategory.Service, -1, 10));

    [Fact]
    public void Negative_employees_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SmeRules.Classify(SmeCategory.Service, 10_000_000, -1));

    [Theory]
    [InlineData("I", SmeCategory.Retail)]
    [InlineData("M", SmeCategory.Retail)]
    [InlineData("G", SmeCategory.SoftwareAndInformationServices)]
    [InlineData("K", SmeCategory.Service)]
    [InlineData("L", SmeCategory.Service)]
    [InlineData("N", SmeCategory.Service)]
    [InlineData("O", SmeCategory.Service)]
    [InlineData("P", SmeCategory.Service)]
    [InlineData("Q", SmeCategory.Service)]
    [InlineData("R", SmeCategory.Service)]
    [InlineData("A", SmeCategory.ManufacturingAndOther)]
    [InlineData("B", SmeCategory.ManufacturingAndOther)]
    [InlineData("C", SmeCategory.ManufacturingAndOther)]
    [InlineData("D", SmeCategory.ManufacturingAndOther)]
    [InlineData("E", SmeCategory.ManufacturingAndOther)]
    [InlineData("F", SmeCategory.ManufacturingAndOther)]
    [InlineData("H", SmeCategory.ManufacturingAndOther)]
    [InlineData("J", SmeCategory.ManufacturingAndOther)]
    [InlineData("S", SmeCategory.ManufacturingAndOther)]
    [InlineData("T", SmeCategory.ManufacturingAndOther)]
    public void A_category_is_suggested_for_each_jsic_major_group(string group, SmeCategory expected) =>
        Assert.Equal(expected, SmeRules.SuggestCategory(group));

    [Theory]
    [InlineData("i", SmeCategory.Retail)]
    [InlineData(" G ", SmeCategory.SoftwareAndInformationServices)]
    [InlineData("Ｋ", SmeCategory.Service)]
    [InlineData("ｒ", SmeCategory.Service)]
    public void The_major_group_letter_may_be_lower_case_padded_or_full_width(string group, SmeCategory expected) =>
        Assert.Equal(expected, SmeRules.SuggestCategory(group));

    [Theory]
    [InlineData("U")]
    [InlineData("Z")]
    [InlineData("")]
    [InlineData("II")]
    [InlineData("製造業")]
    [InlineData("1")]
    public void An_unknown_major_group_suggests_manufacturing_and_other(string group) =>
        Assert.Equal(SmeCategory.ManufacturingAndOther, SmeRules.SuggestCategory(group));

    [Fact]
    public void A_null_major_group_suggests_manufacturing_and_other() =>
        Assert.Equal(SmeCategory.ManufacturingAndOther, SmeRules.SuggestCategory(null!));

    [Fact]
    public void Every_major_group_in_the_reference_data_gets_a_suggestion_from_the_letters_a_to_t()
    {
        var letters = Enumerable.Range('A', 20).Select(c => ((char)c).ToString()).ToArray();
        Assert.Equal("T", letters[^1]);
        var services = letters.Where(l => SmeRules.SuggestCategory(l) == SmeCategory.Service);
        Assert.Equal(["K", "L", "N", "O", "P", "Q", "R"], services);
    }
}
