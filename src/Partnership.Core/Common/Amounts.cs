using System.Globalization;

namespace Partnership.Core.Common;

/// <summary>
/// The one rule for reading a whole number as people type it in a Japanese form, used wherever the portal
/// reads an amount or a count: full-width digits (１２８５００), half-width and full-width thousands
/// separators (, and ，), spaces, and a unit word before or after (円, ￥, ¥ for yen; 人, 名 for people).
/// 「１２８，５００」, 「￥128,500」 and 「128,500円」 are all 128500. Signs, decimals and anything else are refused.
/// </summary>
public static class Amounts
{
    /// <summary>The ways a yen amount is marked: 円 after it, ￥ (full-width) or ¥ before it.</summary>
    public static readonly IReadOnlyList<string> YenUnits = ["円", "￥", "¥"];

    /// <summary>
    /// The digits of a number as typed, with separators, spaces and the given unit words taken out; the
    /// result is for <see cref="long.TryParse(string?, NumberStyles, IFormatProvider?, out long)"/> with
    /// <see cref="NumberStyles.None"/>, or empty when nothing was typed.
    /// </summary>
    public static string Normalize(string? text, IEnumerable<string>? units = null)
    {
        var normalized = JapaneseInput.NormalizeDigits(text)
            .Replace(",", "", StringComparison.Ordinal)
            .Replace("，", "", StringComparison.Ordinal);
        foreach (var unit in units ?? [])
        {
            normalized = normalized.Replace(unit, "", StringComparison.Ordinal);
        }
        return normalized;
    }

    /// <summary>A yen amount as typed (「１２８，５００」, 「￥128,500」, 「128,500円」), or <see langword="null"/> when it is not a whole number of yen.</summary>
    public static long? Yen(string? text) => Whole(text, YenUnits);

    /// <summary>A whole number as typed, with the given unit words allowed, or <see langword="null"/>.</summary>
    public static long? Whole(string? text, IEnumerable<string>? units = null)
    {
        var digits = Normalize(text, units);
        return digits.Length > 0 && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
