using System.Text;
using Partnership.Core.Common;

namespace Partnership.Core.Companies;

/// <summary>Japanese domestic telephone numbers (fixed lines, mobiles, 0120 …) as typed in a form.</summary>
public static class PhoneNumber
{
    /// <summary>
    /// Normalises a typed telephone number: applies <see cref="JapaneseInput.NormalizeDigits"/> and turns
    /// parentheses (half-width or full-width) into hyphens ("03(5320)1234" → "03-5320-1234"). The input may contain
    /// only digits, hyphens and parentheses; without hyphens it must be 10 or 11 digits starting with 0. The user's hyphen grouping is kept,
    /// without leading, trailing or doubled hyphens.
    /// </summary>
    /// <param name="input">What the user typed, such as "０３－５３２０－１２３４".</param>
    /// <param name="normalized">The normalised number, or an empty string when not accepted.</param>
    /// <returns><see langword="true"/> when the input is a domestic telephone number.</returns>
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        var text = JapaneseInput.NormalizeDigits(input);
        var builder = new StringBuilder(text.Length);
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
                digits++;
            }
            else if (c is '-' or '(' or ')' or '（' or '）')
            {
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
            else
            {
                return false;
            }
        }
        if (builder.Length > 0 && builder[^1] == '-')
        {
            builder.Length--;
        }
        if (digits is not (10 or 11) || builder[0] != '0')
        {
            return false;
        }
        normalized = builder.ToString();
        return true;
    }
}
