using Microsoft.Extensions.Localization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Consultations;
using Partnership.Core.Events;
using Partnership.Core.Mail;

namespace Partnership.Web.Infrastructure;

/// <summary>Mail about events and consultations, from the resources, in the language of the person it goes to.</summary>
public sealed class ServiceMail(IStringLocalizer<SharedResource> t, PortalLinks links) : IEventMail, IConsultationMail
{
    private string Link(string path) => links.Absolute(path);

    public MailContent Promoted(PartnershipEvent e, EventRegistration registration)
    {
        var mail = MailText.ForCulture(t, registration.ContactCulture);
        var culture = new System.Globalization.CultureInfo(registration.ContactCulture == Languages.English ? Languages.English : Languages.Japanese);
        var title = culture.TwoLetterISOLanguageName == Languages.English && e.TitleEn.Length > 0 ? e.TitleEn : e.TitleJa;
        return new MailContent(
            mail["Mail.EventPromoted.Subject", title],
            mail["Mail.EventPromoted.Body", registration.ParticipantName, title, JapanTime.FormatDateTime(e.StartsAt, culture), Link($"/events/{e.Id}")]);
    }

    public MailContent StatusChanged(ConsultationRequest request, ConsultationAction action)
    {
        var mail = MailText.ForCulture(t, request.ContactCulture);
        var status = mail[$"ConsultationAction.{action}"];
        var detail = action == ConsultationAction.Decline ? request.DeclineReason ?? "" : "";
        return new MailContent(
            mail["Mail.Consultation.Subject", request.ReceiptNumber ?? "", status],
            mail["Mail.Consultation.Body", request.ReceiptNumber ?? "", status, detail, Link($"/company/consultations/{request.Id}")]);
    }
}
