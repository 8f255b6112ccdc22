using Microsoft.Extensions.Localization;
using Partnership.Core.Companies;
using Partnership.Core.Mail;

namespace Partnership.Web.Infrastructure;

/// <summary>The staff invitation mail, in Japanese (the invitee's language is not known yet), with its one-time link.</summary>
public static class StaffInviteMail
{
    public static MailContent Create(IStringLocalizer localizer, string displayName, string role, string link)
    {
        var mail = MailText.ForCulture(localizer, Languages.Japanese);
        return new MailContent(mail["Mail.StaffInvite.Subject"], mail["Mail.StaffInvite.Body", displayName, mail[$"Role.{role}"], link]);
    }
}
