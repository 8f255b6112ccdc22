using System.Globalization;

namespace Partnership.Web.Infrastructure;

/// <summary>Japanese first, English second.</summary>
public static class Languages
{
    public const string Japanese = "ja";
    public const string English = "en";
    public static readonly string[] Supported = [Japanese, English];

    public static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Japanese;

    /// <summary>The text in the user's language, for data stored in both (titles, names).</summary>
    public static string Pick(string ja, string en) => IsJapanese || string.IsNullOrWhiteSpace(en) ? ja : en;
}
