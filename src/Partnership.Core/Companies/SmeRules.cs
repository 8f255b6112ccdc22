using Partnership.Core.Common;

namespace Partnership.Core.Companies;

/// <summary>
/// Industry category that sets a company's SME limits under 中小企業基本法 (Small and Medium-sized Enterprise
/// Basic Act) and its ordinance exceptions (政令特例). The company confirms its category; the portal only suggests one.
/// </summary>
public enum SmeCategory
{
    /// <summary>製造業・建設業・運輸業その他 (manufacturing, construction, transport and other industries).</summary>
    ManufacturingAndOther = 1,

    /// <summary>卸売業 (wholesale).</summary>
    Wholesale = 2,

    /// <summary>サービス業 (services).</summary>
    Service = 3,

    /// <summary>小売業 (retail, including restaurants 飲食店).</summary>
    Retail = 4,

    /// <summary>ゴム製品製造業 (rubber products manufacturing), an ordinance exception.</summary>
    RubberProducts = 5,

    /// <summary>ソフトウェア業・情報処理サービス業 (software and information processing services), an ordinance exception.</summary>
    SoftwareAndInformationServices = 6,

    /// <summary>旅館業 (ryokan and hotels), an ordinance exception.</summary>
    Ryokan = 7,

    /// <summary>宿泊業・娯楽業 (lodging and entertainment), a service with a higher small-enterprise limit.</summary>
    LodgingAndEntertainment = 8,
}

/// <summary>Size band of a company.</summary>
public enum SizeBand
{
    /// <summary>小規模企業者: an SME with few enough regular employees.</summary>
    SmallEnterprise = 1,

    /// <summary>中小企業者 that is not a small enterprise.</summary>
    Sme = 2,

    /// <summary>大企業: neither capital nor employees within the category's limits.</summary>
    Large = 3,
}

/// <summary>The limits of one <see cref="SmeCategory"/>.</summary>
/// <param name="CapitalYen">Largest capital (資本金又は出資の総額) in yen of an SME.</param>
/// <param name="Employees">Largest number of regular employees (常時使用する従業員) of an SME.</param>
/// <param name="SmallEnterpriseEmployees">Largest number of regular employees of a small enterprise (小規模企業者).</param>
public sealed record SmeLimits(long CapitalYen, int Employees, int SmallEnterpriseEmployees);

/// <summary>Outcome of <see cref="SmeRules.Classify"/>.</summary>
/// <param name="IsSme">Whether the company is an SME (capital or employees within the limits).</param>
/// <param name="Band">Size band.</param>
/// <param name="Category">The category the company was judged in.</param>
/// <param name="Limits">The limits that were applied.</param>
/// <param name="ByCapital">Whether the capital test passed (always false when there is no capital).</param>
/// <param name="ByEmployees">Whether the employee test passed.</param>
public sealed record SmeResult(
    bool IsSme,
    SizeBand Band,
    SmeCategory Category,
    SmeLimits Limits,
    bool ByCapital,
    bool ByEmployees);

/// <summary>
/// SME classification under 中小企業基本法 and its ordinance exceptions: a company is an SME when EITHER its capital
/// OR its number of regular employees is within its category's limit, and a small enterprise (小規模企業者) when it
/// is an SME and its regular employees are within the small-enterprise limit.
/// </summary>
public static class SmeRules
{
    private const long Yen300Million = 300_000_000;
    private const long Yen100Million = 100_000_000;
    private const long Yen50Million = 50_000_000;

    private static readonly SmeLimits ManufacturingAndOtherLimits = new(Yen300Million, 300, 20);
    private static readonly SmeLimits WholesaleLimits = new(Yen100Million, 100, 5);
    private static readonly SmeLimits ServiceLimits = new(Yen50Million, 100, 5);
    private static readonly SmeLimits RetailLimits = new(Yen50Million, 50, 5);
    private static readonly SmeLimits RubberProductsLimits = new(Yen300Million, 900, 20);
    private static readonly SmeLimits SoftwareAndInformationServicesLimits = new(Yen300Million, 300, 20);
    private static readonly SmeLimits RyokanLimits = new(Yen50Million, 200, 20);
    private static readonly SmeLimits LodgingAndEntertainmentLimits = new(Yen50Million, 100, 20);

    /// <summary>The capital, employee and small-enterprise limits of a category.</summary>
    /// <param name="category">The company's category.</param>
    /// <returns>The limits (all inclusive).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined category.</exception>
    public static SmeLimits LimitsFor(SmeCategory category) => category switch
    {
        SmeCategory.ManufacturingAndOther => ManufacturingAndOtherLimits,
        SmeCategory.Wholesale => WholesaleLimits,
        SmeCategory.Service => ServiceLimits,
        SmeCategory.Retail => RetailLimits,
        SmeCategory.RubberProducts => RubberProductsLimits,
        SmeCategory.SoftwareAndInformationServices => SoftwareAndInformationServicesLimits,
        SmeCategory.Ryokan => RyokanLimits,
        SmeCategory.LodgingAndEntertainment => LodgingAndEntertainmentLimits,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown SME category."),
    };

    /// <summary>Classifies a company by its category, capital and regular employees.</summary>
    /// <param name="category">The category the company confirmed.</param>
    /// <param name="capitalYen">Capital in yen, or <see langword="null"/> when the company has none (a sole
    /// proprietor): it is then judged by its employees only.</param>
    /// <param name="regularEmployees">Number of regular employees (常時使用する従業員).</param>
    /// <returns>Whether it is an SME, its size band and which tests passed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative capital or employee count, or an unknown category.</exception>
    public static SmeResult Classify(SmeCategory category, long? capitalYen, int regularEmployees)
    {
        if (capitalYen is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capitalYen), capitalYen, "Capital cannot be negative.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(regularEmployees);
        var limits = LimitsFor(category);
        var byCapital = capitalYen is { } capital && capital <= limits.CapitalYen;
        var byEmployees = regularEmployees <= limits.Employees;
        var isSme = byCapital || byEmployees;
        var band = !isSme
            ? SizeBand.Large
            : regularEmployees <= limits.SmallEnterpriseEmployees ? SizeBand.SmallEnterprise : SizeBand.Sme;
        return new SmeResult(isSme, band, category, limits, byCapital, byEmployees);
    }

    /// <summary>
    /// Suggests a category from a 日本標準産業分類 (JSIC Rev. 13) major group letter. The company confirms it: in
    /// I (卸売業，小売業) the suggestion is <see cref="SmeCategory.Retail"/> and wholesale is the alternative; in M
    /// (宿泊業，飲食サービス業) it is <see cref="SmeCategory.Retail"/> (restaurants) and lodging is the alternative;
    /// the ordinance exceptions are never suggested except software in G (情報通信業).
    /// </summary>
    /// <param name="industryMajorGroup">The major group letter A–T (case and full-width forms are tolerated).</param>
    /// <returns>The suggested category; <see cref="SmeCategory.ManufacturingAndOther"/> for an unknown letter.</returns>
    public static SmeCategory SuggestCategory(string industryMajorGroup)
    {
        var letter = JapaneseInput.NormalizeDigits(industryMajorGroup).ToUpperInvariant();
        return letter switch
        {
            "I" or "M" => SmeCategory.Retail,
            "G" => SmeCategory.SoftwareAndInformationServices,
            "K" or "L" or "N" or "O" or "P" or "Q" or "R" => SmeCategory.Service,
            _ => SmeCategory.ManufacturingAndOther,
        };
    }
}
