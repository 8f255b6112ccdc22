using System.Globalization;
using System.Text.RegularExpressions;

namespace Partnership.Core.Common;

/// <summary>
/// What typed text may contain, for every form of the portal: no control characters (except line breaks and
/// tabs), no bidirectional or invisible format controls (they can make text read differently from what it
/// is: "Trojan Source"), no replacement characters left by invalid UTF-8, no lone surrogates, and no HTML
/// tag openings as a browser reads them (<c>&lt;</c> straight before a letter, <c>/</c>, <c>!</c> or <c>?</c>).
/// Text a person really writes passes and is encoded on output: 「a &lt; b」, 「x&lt;1」, and emoji joined by a
/// zero-width joiner (U+200D) such as 👨‍👩‍👧. See docs/adr/0008-hostile-input.md and docs/adr/0071-text-people-write.md.
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
            if (c == ZeroWidthJoiner && JoinsEmoji(text, i))
            {
                continue;
            }
            if (IsForbidden(c))
            {
                return Problem.ForbiddenCharacters;
            }
        }
        return !allowMarkup && MarkupPattern().IsMatch(text) ? Problem.Markup : Problem.None;
    }

    /// <summary>
    /// A free-text field of a form, trimmed: required or not, at most <paramref name="max"/> characters, no markup or
    /// forbidden characters. Adds at most one error, by the shared validation messages' codes.
    /// </summary>
    public static void CheckField(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        value = (value ?? "").Trim();
        if (required && value.Length == 0)
        {
            errors.Add(new(field, "Validation.Required"));
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, "Validation.TooLong"));
        }
        else if (Check(value) is var problem && problem != Problem.None)
        {
            errors.Add(new(field, problem == Problem.Markup ? "Validation.Markup" : "Validation.ForbiddenCharacters"));
        }
    }

    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>
    /// A zero-width joiner inside an emoji sequence (👨‍👩‍👧, 🏳️‍🌈): after an emoji or its variation selector
    /// U+FE0F and before another emoji. Anywhere else it is an invisible character and stays refused.
    /// </summary>
    private static bool JoinsEmoji(string text, int i)
    {
        if (i == 0 || i + 1 >= text.Length)
        {
            return false;
        }
        var before = text[i - 1];
        var after = text[i + 1];
        var emojiBefore = before == '\uFE0F' || char.IsLowSurrogate(before) || IsSymbol(before);
        var emojiAfter = char.IsHighSurrogate(after) || IsSymbol(after);
        return emojiBefore && emojiAfter;
    }

    private static bool IsSymbol(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol;

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

    // As the HTML tokenizer reads a tag: "<" directly followed by a letter, "/", "!" or "?". "a < b" is text.
    [GeneratedRegex(@"<[A-Za-z/!?]")]
    private static partial Regex MarkupPattern();
}
