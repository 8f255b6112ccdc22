using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Mail;
using Partnership.Core.Reminders;

namespace Partnership.Web.Infrastructure;

/// <summary>Reminder mails from the resources (<c>ReminderMail.{kind}.Subject/Body</c>), in the recipient's language, with a link to the record.</summary>
public sealed class ReminderMailComposer(IStringLocalizer<SharedResource> localizer, PortalLinks links) : IReminderMail
{
    public MailContent Compose(ReminderKind kind, ReminderFacts facts, string culture)
    {
        var text = MailText.ForCulture(localizer, culture);
        var ja = culture == Languages.Japanese || !Languages.Supported.Contains(culture);
        var title = ja || facts.TitleEn.Length == 0 ? facts.TitleJa : facts.TitleEn;
        var info = CultureInfo.GetCultureInfo(ja ? Languages.Japanese : Languages.English);
        // The day alone where only the day matters (a report's due day, a follow-up), the time too for a window's close and an event's start.
        var when = kind is ReminderKind.DraftWindowCloses or ReminderKind.EventTomorrow
            ? JapanTime.FormatDateTime(facts.DueAtUtc, info)
            : JapanTime.FormatDate(facts.DueAtUtc, info);
        var subject = text[$"ReminderMail.{kind}.Subject", title];
        var body = text[$"ReminderMail.{kind}.Body", facts.Name, title, when, links.Absolute(facts.Path)];
        return new MailContent(subject, body);
    }
}
