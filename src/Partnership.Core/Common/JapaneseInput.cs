using System.Text;

namespace Partnership.Core.Common;

/// <summary>
/// Normalisation of Japanese form input before validation: full-width and half-width digits, hyphens, Latin
/// letters and kana, as people type them with a Japanese input method. Pure functions, no culture dependence.
/// </summary>
public static class JapaneseInput
{
    /// <summary>The full-width (ideographic) space, U+3000.</summary>
    public const char FullWidthSpace = '\u3000';

    /// <summary>
    /// Full-width forms of the half-width katakana block U+FF61–U+FF9F, in code point order (63 characters).
    /// </summary>
    private const string HalfWidthKatakanaTargets =
        "。「」、・ヲァィゥェォャュョッー" +
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン" +
        "゛゜";

    private const char HalfWidthKatakanaFirst = '\uFF61';
    private const char HalfWidthKatakanaLast = '\uFF9F';
    private const char HalfWidthVoicedMark = '\uFF9E';
    private const char HalfWidthSemiVoicedMark = '\uFF9F';

    /// <summary>Readings of legal-form words (株式会社, 一般社団法人 …) that are not part of a company's カナ reading.</summary>
    private static readonly string[] LegalFormReadings =
    [
        "カブシキガイシャ",
        "カブシキカイシャ",
        "ユウゲンガイシャ",
        "ユウゲンカイシャ",
        "ゴウドウガイシャ",
        "ゴウドウカイシャ",
        "ゴウメイガイシャ",
        "ゴウシガイシャ",
        "イッパンシャダンホウジン",
        "イッパンザイダンホウジン",
        "コウエキシャダンホウジン",
        "コウエキザイダンホウジン",
        "トクテイヒエイリカツドウホウジン",
        "エヌピーオーホウジン",
    ];

    /// <summary>
    /// Normalises digits and separators typed in a number field (法人番号, 郵便番号, 電話番号): trims; turns
    /// full-width digits ０–９ and full-width Latin letters into ASCII; turns every hyphen, dash and long-vowel
    /// mark variant (－ ‐ ‑ ‒ – — ― − ー ｰ) into <c>-</c>; removes half-width and full-width spaces.
    /// </summary>
    /// <param name="text">What the user typed; may be <see langword="null"/>.</param>
    /// <returns>The normalised text, or an empty string for <see langword="null"/>.</returns>
    public static string NormalizeDigits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var trimmed = text.Trim();
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            switch (c)
            {
                case ' ' or FullWidthSpace:
                    break;
                case >= '０' and <= '９':
                    builder.Append((char)(c - '０' + '0'));
                    break;
                case >= 'Ａ' and <= 'Ｚ':
                    builder.Append((char)(c - 'Ａ' + 'A'));
                    break;
                case >= 'ａ' and <= 'ｚ':
                    builder.Append((char)(c - 'ａ' + 'a'));
                    break;
                case '\uFF0D' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015'
                    or '\u2212' or '\u30FC' or '\uFF70':
                    builder.Append('-');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Normalises a カナ reading to full-width katakana: trims; turns half-width katakana (U+FF61–U+FF9F) into
    /// full-width, combining a following ﾞ or ﾟ into the voiced or semi-voiced letter (ｶﾞ → ガ, ﾊﾟ → パ,
    /// ｳﾞ → ヴ); turns hiragana into katakana; turns half-width spaces into full-width spaces and collapses runs
    /// of spaces into one; turns ｰ into ー. Other characters are kept as they are.
    /// </summary>
    /// <param name="text">What the user typed; may be <see langword="null"/>.</param>
    /// <returns>The normalised reading, or an empty string for <see langword="null"/>.</returns>
    public static string ToFullWidthKatakana(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var trimmed = text.Trim();
        var builder = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is ' ' or FullWidthSpace)
            {
                if (builder.Length == 0 || builder[^1] != FullWidthSpace)
                {
                    builder.Append(FullWidthSpace);
                }
                continue;
            }
            if (c is >= HalfWidthKatakanaFirst and <= HalfWidthKatakanaLast)
            {
                var full = HalfWidthKatakanaTargets[c - HalfWidthKatakanaFirst];
                var next = i + 1 < trimmed.Length ? trimmed[i + 1] : '\0';
                if (next == HalfWidthVoicedMark && Voiced(full) is { } voiced)
                {
                    builder.Append(voiced);
                    i++;
                }
                else if (next == HalfWidthSemiVoicedMark && SemiVoiced(full) is { } semiVoiced)
                {
                    builder.Append(semiVoiced);
                    i++;
                }
                else
                {
                    builder.Append(full);
                }
                continue;
            }
            builder.Append(c switch
            {
                >= '\u3041' and <= '\u3096' => (char)(c + 0x60),
                '\u309D' => 'ヽ',
                '\u309E' => 'ヾ',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a reading written in full-width katakana: every character is a
    /// katakana letter (U+30A1–U+30FA), ー, ・, ヽ, ヾ or a full-width space, and at least one is not a space.
    /// </summary>
    /// <param name="text">The reading, normally after <see cref="ToFullWidthKatakana"/>.</param>
    /// <returns><see langword="true"/> for a non-empty katakana reading.</returns>
    public static bool IsKatakanaReading(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var hasLetter = false;
        foreach (var c in text)
        {
            if (c == FullWidthSpace)
            {
                continue;
            }
            if (c is not ((>= '\u30A1' and <= '\u30FA') or '\u30FB' or '\u30FC' or '\u30FD' or '\u30FE'))
            {
                return false;
            }
            hasLetter = true;
        }
        return hasLetter;
    }

    /// <summary>
    /// Whether a company's カナ reading contains the reading of a legal-form word (カブシキガイシャ,
    /// ゴウドウガイシャ, イッパンシャダンホウジン, エヌピーオーホウジン …), which is not part of the reading.
    /// Spaces and ・ are ignored, and the reading is first normalised with <see cref="ToFullWidthKatakana"/>,
    /// so half-width katakana and hiragana are recognised too.
    /// </summary>
    /// <param name="katakana">The company's カナ reading.</param>
    /// <returns><see langword="true"/> when a legal-form reading occurs anywhere in it.</returns>
    public static bool ContainsLegalFormReading(string katakana)
    {
        if (string.IsNullOrEmpty(katakana))
        {
            return false;
        }
        var compact = ToFullWidthKatakana(katakana)
            .Replace(FullWidthSpace.ToString(), string.Empty, StringComparison.Ordinal)
            .Replace("・", string.Empty, StringComparison.Ordinal);
        foreach (var reading in LegalFormReadings)
        {
            if (compact.Contains(reading, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static char? Voiced(char c) => c switch
    {
        // カ キ ク ケ コ サ シ ス セ ソ タ チ ツ テ ト ハ ヒ フ ヘ ホ: the voiced letter follows the plain one.
        'カ' or 'キ' or 'ク' or 'ケ' or 'コ' or 'サ' or 'シ' or 'ス' or 'セ' or 'ソ'
            or 'タ' or 'チ' or 'ツ' or 'テ' or 'ト' or 'ハ' or 'ヒ' or 'フ' or 'ヘ' or 'ホ' => (char)(c + 1),
        'ウ' => 'ヴ',
        'ワ' => 'ヷ',
        'ヲ' => 'ヺ',
        _ => null,
    };

    private static char? SemiVoiced(char c) => c switch
    {
        'ハ' or 'ヒ' or 'フ' or 'ヘ' or 'ホ' => (char)(c + 2),
        _ => null,
    };
}
