using Partnership.Core.Companies;

namespace Partnership.UnitTests.Companies;

public class CompanyProfileRulesTests
{
    private static readonly ProfileReference Reference = new(
        new Dictionary<string, string> { ["131041"] = "新宿区" }, new HashSet<string> { "I", "L" }, new HashSet<string> { "HQ", "13104" });

    private static CompanyProfileInput Valid() => new(
        "東京商事株式会社", "ﾄｳｷｮｳ ｼｮｳｼﾞ", false, "８０００－０２０１－３０００１", "１６３－８００１", "東京都", "131041", null, "西新宿２ー８ー１　都庁センター",
        "03(5320)1234", "L", SmeCategory.Service, "１０，０００,０００円", "４人", true, "１２３４", "13104", "東京 太郎", "総務部");

    [Fact]
    public void Full_width_and_half_width_input_is_normalised_before_it_is_stored()
    {
        var (profile, errors) = CompanyProfileRules.Validate(Valid(), Reference);
        Assert.Empty(errors);
        Assert.Equal("トウキョウ　ショウジ", profile!.NameKana);
        Assert.Equal("8000020130001", profile.CorporateNumber);
        Assert.Equal("163-8001", profile.PostalCode);
        Assert.Equal("新宿区", profile.CityName);
        Assert.Equal("西新宿2-8-1 都庁センター", profile.Street);
        Assert.Equal("03-5320-1234", profile.Phone);
        Assert.Equal(10_000_000, profile.CapitalYen);
        Assert.Equal(4, profile.RegularEmployees);
        Assert.Equal("1234", profile.ChamberMemberNumber);
    }

    [Fact]
    public void Every_wrong_field_gets_its_own_message()
    {
        var input = Valid() with
        {
            Name = " ", NameKana = "かぶしきがいしゃトウキョウ", CorporateNumber = "8000020130002", PostalCode = "1638", MunicipalityCode = "999999",
            Phone = "5320", IndustryCode = "Z", SmeCategory = null, CapitalYen = "-5", RegularEmployees = "多数", ChamberBranchCode = "X", ContactName = "",
        };
        var (profile, errors) = CompanyProfileRules.Validate(input, Reference);
        Assert.Null(profile);
        Assert.Equal(
            new[]
            {
                ("Name", "Company.NameRequired"), ("NameKana", "Company.KanaHasLegalForm"), ("CorporateNumber", "Company.CorporateNumberCheckDigit"),
                ("PostalCode", "Company.PostalCodeFormat"), ("MunicipalityCode", "Company.MunicipalityRequired"), ("Phone", "Company.PhoneFormat"),
                ("IndustryCode", "Company.IndustryRequired"), ("SmeCategory", "Company.SmeCategoryRequired"), ("CapitalYen", "Company.CapitalFormat"),
                ("RegularEmployees", "Company.EmployeesFormat"), ("ChamberBranchCode", "Company.BranchRequired"), ("ContactName", "Company.ContactRequired"),
            },
            errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void A_sole_proprietor_has_no_corporate_number_and_may_have_no_capital()
    {
        var sole = Valid() with { IsSoleProprietor = true, CorporateNumber = "", CapitalYen = "" };
        var (profile, errors) = CompanyProfileRules.Validate(sole, Reference);
        Assert.Empty(errors);
        Assert.Null(profile!.CorporateNumber);
        Assert.Null(profile.CapitalYen);

        var (_, withNumber) = CompanyProfileRules.Validate(sole with { CorporateNumber = "8000020130001" }, Reference);
        Assert.Equal("Company.SoleProprietorHasNoNumber", Assert.Single(withNumber).Code);
    }

    [Fact]
    public void Outside_Tokyo_the_city_is_typed_and_inside_Tokyo_it_comes_from_the_list()
    {
        var (osaka, errors) = CompanyProfileRules.Validate(Valid() with { Prefecture = "大阪府", MunicipalityCode = null, CityName = "大阪市北区" }, Reference);
        Assert.Empty(errors);
        Assert.Equal(("大阪市北区", (string?)null), (osaka!.CityName, osaka.MunicipalityCode));
        var (_, missing) = CompanyProfileRules.Validate(Valid() with { Prefecture = "大阪府", MunicipalityCode = null, CityName = "" }, Reference);
        Assert.Equal("Company.CityRequired", Assert.Single(missing).Code);
    }

    [Theory]
    [InlineData("西新宿２－８－１", "西新宿2-8-1")]
    [InlineData("丸の内３ー２ー１　センタービル", "丸の内3-2-1 センタービル")]
    [InlineData("センター通り１丁目", "センター通り1丁目")]
    public void Street_addresses_get_ASCII_digits_and_hyphens_but_keep_their_words(string typed, string stored) =>
        Assert.Equal(stored, CompanyProfileRules.NormalizeAddress(typed));
}
