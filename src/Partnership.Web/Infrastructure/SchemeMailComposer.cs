using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnership.Core.Companies;
using Partnership.Core.Mail;
using Partnership.Core.Schemes;

namespace Partnership.Web.Infrastructure;

/// <summary>Scheme mails from the resources, in the recipient's language, with a link to the entry.</summary>
public sealed class SchemeMailComposer(IStringLocalizer<SharedResource> localizer, PortalLinks links) : ISchemeMail
{
    public MailContent Compose(SchemeMailKind kind, SchemeMailFacts facts, string culture)
    {
        var text = MailText.ForCulture(localizer, culture);
        var ja = culture == Languages.Japanese || !Languages.Supported.Contains(culture);
        var scheme = ja ? facts.SchemeJa : facts.SchemeEn;
        var link = links.Absolute($"/company/schemes/entries/{facts.EntryId.ToString(CultureInfo.InvariantCulture)}");
        var until = facts.ValidUntil is { } day
            ? (ja ? day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))
            : "";
        var subject = text[$"SchemeMail.{kind}.Subject", scheme];
        var body = text[$"SchemeMail.{kind}.Body", facts.CompanyName, scheme, facts.Number ?? "", facts.Reason ?? "", until, link];
        return new MailContent(subject, body);
    }
}
