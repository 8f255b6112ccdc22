using System.Text;
using Partnership.Core.Events;

namespace Partnership.UnitTests.Events;

public class IcsCalendarTests
{
    private static readonly PartnershipEvent Seminar = new()
    {
        Id = 42, TitleJa = "テレワーク体験セミナー", Venue = "東京都庁 第一本庁舎, 5階; 大会議場",
        StartsAt = new DateTime(2026, 5, 10, 5, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 5, 10, 7, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Text_values_are_escaped()
    {
        Assert.Equal("a\\,b\\;c\\\\d\\ne", IcsCalendar.Escape("a,b;c\\d\ne"));
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_Japanese_character()
    {
        var line = "DESCRIPTION:" + new string('あ', 60);
        var folded = IcsCalendar.Fold(line);
        Assert.EndsWith("\r\n", folded);
        var physical = folded.TrimEnd('\n').TrimEnd('\r').Split("\r\n");
        Assert.True(physical.Length > 1);
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75, p));
        Assert.All(physical.Skip(1), p => Assert.StartsWith(" ", p));
        // Unfolding gives the line back.
        Assert.Equal(line, folded.Replace("\r\n ", "").TrimEnd('\n').TrimEnd('\r'));
    }

    [Fact]
    public void The_calendar_has_the_event_in_UTC_with_CRLF_line_ends()
    {
        var ics = IcsCalendar.For(Seminar, Seminar.TitleJa, "体験できます", "https://portal.example.jp/events/42", "portal.example.jp", new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.Contains("\r\nDTSTART:20260510T050000Z\r\n", ics);
        Assert.Contains("\r\nDTEND:20260510T070000Z\r\n", ics);
        Assert.Contains("\r\nUID:event-42@portal.example.jp\r\n", ics);
        Assert.Contains("\r\nLOCATION:東京都庁 第一本庁舎\\, 5階\\; 大会議場\r\n", ics);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
    }
}
