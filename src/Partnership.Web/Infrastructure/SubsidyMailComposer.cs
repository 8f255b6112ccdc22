using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnership.Core.Mail;
using Partnership.Core.Subsidies;
using Partnership.Core.Companies;

namespace Partnership.Web.Infrastructure;

/// <summary>Subsidy mails from the resources, in the recipient's language, with a link to the application.</summary>
public sealed class SubsidyMailComposer(IStringLocalizer<SharedResource> localizer, PortalLinks links) : ISubsidyMail
{
    public MailContent Compose(SubsidyMailKind kind, SubsidyMailFacts facts, string culture)
    {
        var text = MailText.ForCulture(localizer, culture);
        var ja = culture == Languages.Japanese || !Languages.Supported.Contains(culture);
        var program = ja ? facts.ProgramJa : facts.ProgramEn;
        var link = links.Absolute($"/company/subsidies/applications/{facts.ApplicationId.ToString(CultureInfo.InvariantCulture)}");
        var amount = ja ? facts.AmountYen.ToString("#,0", CultureInfo.InvariantCulture) + "円" : "¥" + facts.AmountYen.ToString("#,0", CultureInfo.InvariantCulture);
        return new MailContent(
            text[$"SubsidyMail.{kind}.Subject", program],
            text[$"SubsidyMail.{kind}.Body", facts.CompanyName, program, facts.Receipt ?? "", amount, facts.Reason ?? "", link]);
    }
}
