using System.Globalization;
using System.Text.RegularExpressions;

namespace Partnership.Core.Common;

/// <summary>
/// What typed text may contain, for every form of the portal: no control characters (except line breaks and
/// tabs), no bidirectional or invisible format controls (they can make text read differently from what it
/// is: "Trojan Source"), no replacement characters left by invalid UTF-8, no lone surrogates, and no HTML
/// tags. See docs/adr/0008-hostile-input.md.
/// </summary>
public static partial class TextRules
{
    public enum Problem
    {
        None,
        ForbiddenCharacters,
        Markup,
    }

    public static Problem Check(string? text, bool allowMarkup = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Problem.None;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsForbidden(c))
            {
                return Problem.ForbiddenCharacters;
            }
        }
        return !allowMarkup && MarkupPattern().IsMatch(text) ? Problem.Markup : Problem.None;
    }

    private static bool IsForbidden(char c)
    {
        if (c is '\r' or '\n' or '\t')
        {
            return false;
        }
        if (char.IsSurrogate(c) || c is '\uFFFD' or '\uFFFE' or '\uFFFF' or '\uFEFF')
        {
            return true;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        // Cc: C0/C1 controls. Cf: format controls such as U+202E (right-to-left override), U+200F (RLM), U+200B.
        return category is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!?]")]
    private static partial Regex MarkupPattern();
}
