using System.Globalization;
using System.Text;

namespace Partnership.Core.Common;

/// <summary>
/// A record that the site search finds. Its <see cref="SearchText"/> is the normalised text of its titles and
/// descriptions, stored in its own column and set on every save (docs/adr/0076-search.md).
/// </summary>
public interface ISearchable
{
    string SearchText { get; set; }

    /// <summary>The texts the search looks in (Japanese and English titles, summaries…).</summary>
    IEnumerable<string?> SearchSources();
}

/// <summary>
/// The one normalisation of the site search, applied to stored text and to what is typed alike: Unicode NFKC
/// (full-width Latin and digits to half-width, half-width kana to full-width), lower case, katakana to hiragana,
/// runs of white space to one space. So 「テレワーク」, 「てれわーく」 and 「ﾃﾚﾜｰｸ」 are the same text.
/// </summary>
public static class SearchNormalizer
{
    public const int MaxQueryLength = 100;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var nfkc = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(nfkc.Length);
        var space = false;
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            // Katakana ァ (U+30A1) … ヶ (U+30F6) sit 0x60 above hiragana ぁ … ゖ.
            builder.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }
        return builder.ToString();
    }

    /// <summary>The normalised text of a record's sources, one space between them.</summary>
    public static string Of(ISearchable record) =>
        string.Join(' ', record.SearchSources().Select(Normalize).Where(t => t.Length > 0));
}
