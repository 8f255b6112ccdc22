using System.Text.RegularExpressions;
using Partnership.Core.Common;

namespace Partnership.Core.Companies;

/// <summary>郵便番号 (Japanese postal code), stored and shown as <c>NNN-NNNN</c>.</summary>
public static partial class PostalCode
{
    /// <summary>
    /// Normalises a typed postal code: applies <see cref="JapaneseInput.NormalizeDigits"/>, removes a leading 〒,
    /// and accepts <c>NNNNNNN</c> or <c>NNN-NNNN</c> (ASCII digits after normalisation).
    /// </summary>
    /// <param name="input">What the user typed, such as "〒163-8001" or "１００－０００５".</param>
    /// <param name="normalized">The postal code as <c>NNN-NNNN</c>, or an empty string when not accepted.</param>
    /// <returns><see langword="true"/> when the input is a postal code.</returns>
    public static bool TryNormalize(string? input, out string normalized)
    {
        var text = JapaneseInput.NormalizeDigits(input);
        if (text.StartsWith('〒'))
        {
            text = text[1..];
        }
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            normalized = string.Empty;
            return false;
        }
        normalized = $"{match.Groups["first"].Value}-{match.Groups["last"].Value}";
        return true;
    }

    [GeneratedRegex(@"^(?<first>[0-9]{3})-?(?<last>[0-9]{4})$")]
    private static partial Regex Pattern();
}
