using System.Globalization;
using Partnership.Core.Common;
using Partnership.Core.Reference;

namespace Partnership.Core.Companies;

/// <summary>The company profile form as typed: numbers as text, so full-width digits can be normalised first.</summary>
public sealed record CompanyProfileInput(
    string? Name,
    string? NameKana,
    bool IsSoleProprietor,
    string? CorporateNumber,
    string? PostalCode,
    string? Prefecture,
    string? MunicipalityCode,
    string? CityName,
    string? Street,
    string? Phone,
    string? IndustryCode,
    SmeCategory? SmeCategory,
    string? CapitalYen,
    string? RegularEmployees,
    bool IsChamberMember,
    string? ChamberMemberNumber,
    string? ChamberBranchCode,
    string? ContactName,
    string? ContactDepartment);

/// <summary>The profile after normalisation and validation, ready to store.</summary>
public sealed record CompanyProfile(
    string Name,
    string NameKana,
    bool IsSoleProprietor,
    string? CorporateNumber,
    string PostalCode,
    string Prefecture,
    string? MunicipalityCode,
    string CityName,
    string Street,
    string Phone,
    string IndustryCode,
    SmeCategory SmeCategory,
    long? CapitalYen,
    int RegularEmployees,
    bool IsChamberMember,
    string? ChamberMemberNumber,
    string? ChamberBranchCode,
    string ContactName,
    string ContactDepartment);

/// <summary>The reference lists a profile is checked against.</summary>
public sealed record ProfileReference(
    IReadOnlyDictionary<string, string> TokyoMunicipalities, IReadOnlySet<string> Industries, IReadOnlySet<string> Branches);

/// <summary>
/// Normalises what people type (full-width digits and hyphens, half-width katakana) and validates the
/// whole profile, field by field, with message codes the web layer localises.
/// </summary>
public static class CompanyProfileRules
{
    public const long MaxCapitalYen = 100_000_000_000_000;
    public const int MaxEmployees = 1_000_000;

    public static (CompanyProfile? Profile, List<FieldError> Errors) Validate(CompanyProfileInput input, ProfileReference reference)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string code) => errors.Add(new FieldError(field, code));

        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            Fail(nameof(input.Name), "Company.NameRequired");
        }
        else if (name.Length > 100)
        {
            Fail(nameof(input.Name), "Company.NameTooLong");
        }

        var kana = JapaneseInput.ToFullWidthKatakana(input.NameKana);
        if (kana.Length == 0)
        {
            Fail(nameof(input.NameKana), "Company.KanaRequired");
        }
        else if (!JapaneseInput.IsKatakanaReading(kana))
        {
            Fail(nameof(input.NameKana), "Company.KanaNotKatakana");
        }
        else if (JapaneseInput.ContainsLegalFormReading(kana))
        {
            Fail(nameof(input.NameKana), "Company.KanaHasLegalForm");
        }
        else if (kana.Length > 100)
        {
            Fail(nameof(input.NameKana), "Company.KanaTooLong");
        }

        string? corporateNumber = null;
        var typedNumber = Companies.CorporateNumber.Normalize(input.CorporateNumber);
        if (input.IsSoleProprietor)
        {
            if (typedNumber.Length > 0)
            {
                Fail(nameof(input.CorporateNumber), "Company.SoleProprietorHasNoNumber");
            }
        }
        else if (typedNumber.Length == 0)
        {
            Fail(nameof(input.CorporateNumber), "Company.CorporateNumberRequired");
        }
        else if (typedNumber.Length != 13 || !typedNumber.All(char.IsAsciiDigit))
        {
            Fail(nameof(input.CorporateNumber), "Company.CorporateNumberFormat");
        }
        else if (!Companies.CorporateNumber.IsValid(typedNumber))
        {
            Fail(nameof(input.CorporateNumber), "Company.CorporateNumberCheckDigit");
        }
        else
        {
            corporateNumber = typedNumber;
        }

        if (!Companies.PostalCode.TryNormalize(input.PostalCode, out var postalCode))
        {
            Fail(nameof(input.PostalCode), string.IsNullOrWhiteSpace(input.PostalCode) ? "Company.PostalCodeRequired" : "Company.PostalCodeFormat");
        }

        var prefecture = (input.Prefecture ?? "").Trim();
        string? municipalityCode = null;
        var cityName = (input.CityName ?? "").Trim();
        if (cityName.Length > 50)
        {
            Fail(nameof(input.CityName), "Company.CityRequired");
        }
        else if (!Prefectures.All.Contains(prefecture))
        {
            Fail(nameof(input.Prefecture), "Company.PrefectureRequired");
        }
        else if (prefecture == Prefectures.Tokyo)
        {
            if (input.MunicipalityCode is { } code && reference.TokyoMunicipalities.TryGetValue(code, out var municipalityName))
            {
                municipalityCode = code;
                cityName = municipalityName;
            }
            else
            {
                Fail(nameof(input.MunicipalityCode), "Company.MunicipalityRequired");
            }
        }
        else if (cityName.Length == 0 || cityName.Length > 50)
        {
            Fail(nameof(input.CityName), "Company.CityRequired");
        }

        var street = NormalizeAddress(input.Street);
        if (street.Length == 0 || street.Length > 200)
        {
            Fail(nameof(input.Street), street.Length == 0 ? "Company.StreetRequired" : "Company.StreetTooLong");
        }

        if (!PhoneNumber.TryNormalize(input.Phone, out var phone))
        {
            Fail(nameof(input.Phone), string.IsNullOrWhiteSpace(input.Phone) ? "Company.PhoneRequired" : "Company.PhoneFormat");
        }

        var industry = (input.IndustryCode ?? "").Trim().ToUpperInvariant();
        if (!reference.Industries.Contains(industry))
        {
            Fail(nameof(input.IndustryCode), "Company.IndustryRequired");
        }
        if (input.SmeCategory is not { } category || !Enum.IsDefined(category))
        {
            Fail(nameof(input.SmeCategory), "Company.SmeCategoryRequired");
            category = default;
        }

        long? capital = null;
        var capitalText = NumberText(input.CapitalYen, [.. Amounts.YenUnits]);
        if (capitalText.Length == 0)
        {
            if (!input.IsSoleProprietor)
            {
                Fail(nameof(input.CapitalYen), "Company.CapitalRequired");
            }
        }
        else if (!long.TryParse(capitalText, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c > MaxCapitalYen)
        {
            Fail(nameof(input.CapitalYen), "Company.CapitalFormat");
        }
        else
        {
            capital = c;
        }

        var employees = 0;
        var employeesText = NumberText(input.RegularEmployees, "人", "名");
        if (employeesText.Length == 0)
        {
            Fail(nameof(input.RegularEmployees), "Company.EmployeesRequired");
        }
        else if (!int.TryParse(employeesText, NumberStyles.None, CultureInfo.InvariantCulture, out employees) || employees > MaxEmployees)
        {
            Fail(nameof(input.RegularEmployees), "Company.EmployeesFormat");
        }

        string? memberNumber = null;
        string? branch = null;
        if (input.IsChamberMember)
        {
            memberNumber = JapaneseInput.NormalizeDigits(input.ChamberMemberNumber);
            if (memberNumber.Length is 0 or > 20 || !memberNumber.All(ch => char.IsAsciiDigit(ch) || ch == '-'))
            {
                Fail(nameof(input.ChamberMemberNumber), "Company.MemberNumberFormat");
            }
            branch = input.ChamberBranchCode;
            if (branch is null || !reference.Branches.Contains(branch))
            {
                Fail(nameof(input.ChamberBranchCode), "Company.BranchRequired");
            }
        }

        var contact = (input.ContactName ?? "").Trim();
        if (contact.Length == 0 || contact.Length > 50)
        {
            Fail(nameof(input.ContactName), contact.Length == 0 ? "Company.ContactRequired" : "Company.ContactTooLong");
        }
        var department = (input.ContactDepartment ?? "").Trim();
        if (department.Length > 50)
        {
            Fail(nameof(input.ContactDepartment), "Company.DepartmentTooLong");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new CompanyProfile(name, kana, input.IsSoleProprietor, corporateNumber, postalCode, prefecture, municipalityCode, cityName,
            street, phone, industry, category, capital, employees, input.IsChamberMember, memberNumber, branch, contact, department), errors);
    }

    /// <summary>A number as typed, read by the portal's one rule for amounts (<see cref="Amounts"/>).</summary>
    private static string NumberText(string? text, params string[] units) => Amounts.Normalize(text, units);

    /// <summary>
    /// Street addresses: full-width digits become ASCII and dashes become "-" (a ー between digits too, as in
    /// ２ー８ー１), while ー inside words (センター) and the spaces between parts stay.
    /// </summary>
    public static string NormalizeAddress(string? text)
    {
        var chars = (text ?? "").Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '０' and <= '９')
            {
                chars[i] = (char)('0' + (c - '０'));
            }
            else if (c is '－' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−')
            {
                chars[i] = '-';
            }
        }
        for (var i = 1; i < chars.Length - 1; i++)
        {
            if (chars[i] is 'ー' or 'ｰ' && char.IsAsciiDigit(chars[i - 1]) && (char.IsAsciiDigit(chars[i + 1]) || chars[i + 1] is >= '０' and <= '９'))
            {
                chars[i] = '-';
            }
        }
        return System.Text.RegularExpressions.Regex.Replace(new string(chars), @"[ \u3000]+", " ");
    }

    /// <summary>Copies a validated profile onto the company and recomputes its size.</summary>
    public static void ApplyTo(this CompanyProfile p, Company c)
    {
        c.Name = p.Name;
        c.NameKana = p.NameKana;
        c.IsSoleProprietor = p.IsSoleProprietor;
        c.CorporateNumber = p.CorporateNumber;
        c.PostalCode = p.PostalCode;
        c.Prefecture = p.Prefecture;
        c.MunicipalityCode = p.MunicipalityCode;
        c.CityName = p.CityName;
        c.Street = p.Street;
        c.Phone = p.Phone;
        c.IndustryCode = p.IndustryCode;
        c.SmeCategory = p.SmeCategory;
        c.CapitalYen = p.CapitalYen;
        c.RegularEmployees = p.RegularEmployees;
        c.IsChamberMember = p.IsChamberMember;
        c.ChamberMemberNumber = p.ChamberMemberNumber;
        c.ChamberBranchCode = p.ChamberBranchCode;
        c.ContactName = p.ContactName;
        c.ContactDepartment = p.ContactDepartment;
        c.ApplySizeRule();
    }
}
