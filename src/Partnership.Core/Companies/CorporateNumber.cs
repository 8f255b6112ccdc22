using Partnership.Core.Common;

namespace Partnership.Core.Companies;

/// <summary>
/// 法人番号 (corporate number) assigned by the National Tax Agency: 13 digits, the first of which is a check digit
/// over the other 12. Check digit = 9 − (Σ Pn × Qn mod 9), where Pn is the n-th digit of the 12-digit base counted
/// from the right (n = 1..12) and Qn is 1 for odd n and 2 for even n. Sole proprietors have no corporate number.
/// </summary>
public static class CorporateNumber
{
    /// <summary>Number of digits in a corporate number, check digit included.</summary>
    public const int Length = 13;

    private const int BaseLength = 12;

    /// <summary>Computes the check digit (1–9) of a 12-digit base number.</summary>
    /// <param name="base12">Exactly 12 ASCII digits: the corporate number without its first digit.</param>
    /// <returns>The check digit, which is always between 1 and 9.</returns>
    /// <exception cref="ArgumentException"><paramref name="base12"/> is not exactly 12 ASCII digits.</exception>
    public static int CheckDigit(string base12)
    {
        ArgumentNullException.ThrowIfNull(base12);
        if (!IsAsciiDigits(base12, BaseLength))
        {
            throw new ArgumentException("The base of a corporate number must be exactly 12 ASCII digits.", nameof(base12));
        }
        var sum = 0;
        for (var n = 1; n <= BaseLength; n++)
        {
            var digit = base12[BaseLength - n] - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - (sum % 9);
    }

    /// <summary>
    /// Whether <paramref name="number"/> is a valid corporate number: exactly 13 ASCII digits whose first digit is
    /// the check digit of the other 12. No normalisation is done: call <see cref="Normalize"/> first for typed input.
    /// </summary>
    /// <param name="number">The candidate number.</param>
    /// <returns><see langword="true"/> for a well-formed number with a correct check digit.</returns>
    public static bool IsValid(string? number) =>
        number is not null
        && IsAsciiDigits(number, Length)
        && number[0] - '0' == CheckDigit(number[1..]);

    /// <summary>
    /// Normalises typed input with <see cref="JapaneseInput.NormalizeDigits"/> (full-width digits, spaces, dash
    /// variants) and removes hyphens, so "８０００－０２０－１３０００１" becomes "8000020130001".
    /// </summary>
    /// <param name="input">What the user typed.</param>
    /// <returns>The normalised text (not necessarily valid), or an empty string for null or blank input.</returns>
    public static string Normalize(string? input) =>
        JapaneseInput.NormalizeDigits(input).Replace("-", string.Empty, StringComparison.Ordinal);

    private static bool IsAsciiDigits(string text, int length)
    {
        if (text.Length != length)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
