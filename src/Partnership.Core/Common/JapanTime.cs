using System.Globalization;

namespace Partnership.Core.Common;

/// <summary>
/// Instants are stored in UTC and shown in Japan time. Fiscal years run April–March (Japan time) and are
/// labelled with the Japanese era the way Tokyo's officials write them: 令和3年度 (2021).
/// </summary>
public static class JapanTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static readonly CultureInfo JapaneseEraCulture = CreateJapaneseEraCulture();

    public static DateTime ToJapan(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime japanLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(japanLocal, DateTimeKind.Unspecified), Zone);

    public static DateTime Today(TimeProvider clock) => ToJapan(clock.GetUtcNow().UtcDateTime).Date;

    /// <summary>The fiscal year (April–March, Japan time) that contains the instant.</summary>
    public static int FiscalYearOf(DateTime utc)
    {
        var local = ToJapan(utc);
        return local.Month >= 4 ? local.Year : local.Year - 1;
    }

    /// <summary>First instant of a fiscal year, in UTC (1 April 00:00 Japan time).</summary>
    public static DateTime FiscalYearStartUtc(int fiscalYear) => ToUtc(new DateTime(fiscalYear, 4, 1));

    /// <summary>First instant after a fiscal year, in UTC (the next 1 April 00:00 Japan time).</summary>
    public static DateTime FiscalYearEndUtc(int fiscalYear) => ToUtc(new DateTime(fiscalYear + 1, 4, 1));

    /// <summary>令和3年度 for 2021; 令和元年度 for 2019 (the year Reiwa began); 平成30年度 for 2018.</summary>
    public static string FiscalYearEraJa(int fiscalYear)
    {
        var (era, year) = EraOfFiscalYear(fiscalYear);
        return $"{era}{(year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture))}年度";
    }

    /// <summary>"令和3年度 (2021)" in Japanese, "FY2021 (Reiwa 3)" in English.</summary>
    public static string FiscalYearLabel(int fiscalYear, CultureInfo culture)
    {
        if (IsJapanese(culture))
        {
            return $"{FiscalYearEraJa(fiscalYear)} ({fiscalYear})";
        }
        var (era, year) = EraOfFiscalYear(fiscalYear);
        var eraEn = era switch { "令和" => "Reiwa", "平成" => "Heisei", _ => "Showa" };
        return $"FY{fiscalYear} ({eraEn} {year})";
    }

    /// <summary>A date in the user's language; in Japanese with the era where officials expect it (令和3年4月1日).</summary>
    public static string FormatDate(DateTime utc, CultureInfo culture, bool withEra = false)
    {
        var local = ToJapan(utc);
        if (IsJapanese(culture))
        {
            return withEra
                ? local.ToString("ggy年M月d日", JapaneseEraCulture)
                : local.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        }
        return local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>Date and time in Japan time, e.g. 2021年4月1日 9:00 (JST).</summary>
    public static string FormatDateTime(DateTime utc, CultureInfo culture)
    {
        var local = ToJapan(utc);
        return IsJapanese(culture)
            ? local.ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture)
            : local.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture) + " JST";
    }

    public static bool IsJapanese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("ja", StringComparison.OrdinalIgnoreCase);

    private static (string Era, int Year) EraOfFiscalYear(int fiscalYear) => fiscalYear switch
    {
        // A fiscal year is named after the era in force on its first day, except FY2019, which began in
        // Heisei 31 but which Tokyo, like the national government, calls 令和元年度.
        >= 2019 => ("令和", fiscalYear - 2018),
        >= 1989 => ("平成", fiscalYear - 1988),
        _ => ("昭和", fiscalYear - 1925),
    };

    private static CultureInfo CreateJapaneseEraCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ja-JP").Clone();
        culture.DateTimeFormat.Calendar = new JapaneseCalendar();
        return CultureInfo.ReadOnly(culture);
    }
}
