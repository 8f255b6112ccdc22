using System.Globalization;
using System.Text;

namespace Partnership.Core.Events;

/// <summary>
/// An iCalendar file (RFC 5545) for one event, written by hand: CRLF line ends, TEXT values escaped (backslash,
/// semicolon, comma, line breaks), lines folded at 75 octets of UTF-8 without splitting a character, times in UTC.
/// See docs/adr/0020-ics-calendar.md.
/// </summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string For(PartnershipEvent e, string title, string description, string publicUrl, string uidHost, DateTime stampUtc)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Tokyo Metropolitan Government and TCCI//Partnership Portal//JA",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:event-{e.Id.ToString(CultureInfo.InvariantCulture)}@{uidHost}",
            $"DTSTAMP:{Utc(stampUtc)}",
            $"DTSTART:{Utc(e.StartsAt)}",
            $"DTEND:{Utc(e.EndsAt)}",
            "SUMMARY:" + Escape(title),
        };
        if (description.Length > 0)
        {
            lines.Add("DESCRIPTION:" + Escape(description));
        }
        var location = e.Venue ?? e.OnlineUrl;
        if (location is not null)
        {
            lines.Add("LOCATION:" + Escape(location));
        }
        lines.Add("URL:" + publicUrl);
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(Fold(line));
        }
        return text.ToString();
    }

    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>One content line, folded (RFC 5545 §3.1): no physical line longer than 75 octets; continuations start with a space.</summary>
    public static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > 75)
            {
                result.Append("\r\n ");
                octets = 1;
            }
            result.Append(element);
            octets += size;
        }
        return result.Append("\r\n").ToString();
    }
}
