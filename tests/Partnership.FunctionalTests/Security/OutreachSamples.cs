using Microsoft.EntityFrameworkCore;
using Partnership.Core.Outreach;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>
/// Outreach records for the harness, put back for each test: an activity logged by the demo chamber user (the only
/// one who may change or delete it) and a referral of the sample company.
/// </summary>
public static class OutreachSamples
{
    public const string Note = "試験用の活動（ハーネス）";

    public sealed record Ids(int ActivityId, int ReferralId, int PublicityRequestId, int CoSponsorshipId);

    public static Task<Ids> EnsureAsync(PortalFactory portal, int companyId) => portal.WithDbAsync(async db =>
    {
        var chamberId = await db.Users.Where(u => u.Email == DemoUsers.Chamber).Select(u => u.Id).SingleAsync();
        var measureId = await db.Measures.Where(m => m.Key == "TELEWORK-M01" && m.Plan!.FiscalYear == 2021).Select(m => m.Id).SingleAsync();
        var activity = await db.OutreachActivities.FirstOrDefaultAsync(a => a.Note == Note);
        if (activity is null)
        {
            activity = new OutreachActivity
            {
                Date = new DateOnly(2021, 6, 1), Channel = OutreachChannel.MailMagazine, BranchCode = "13101", Reach = 1200, Note = Note,
                LoggedByUserId = chamberId, Measures = [new OutreachActivityMeasure { MeasureId = measureId }],
            };
            db.OutreachActivities.Add(activity);
        }
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.CompanyId == companyId && r.Note == Note);
        if (referral is null)
        {
            referral = new Referral
            {
                CompanyId = companyId, MeasureId = measureId, BranchCode = "13101", ReferredAt = DateTime.UtcNow, ReferredByUserId = chamberId, Note = Note,
            };
            db.Referrals.Add(referral);
        }
        // A request of the demo Metro official, waiting for an answer at the start of each test.
        var metroId = await db.Users.Where(u => u.Email == DemoUsers.Metro).Select(u => u.Id).SingleAsync();
        var request = await db.PublicityRequests.FirstOrDefaultAsync(r => r.Title == Note);
        if (request is null)
        {
            request = new PublicityRequest { RequestedByUserId = metroId, MeasureId = measureId, Title = Note, Reason = "テレワーク助成金の周知をお願いします。", RequestedAt = DateTime.UtcNow };
            db.PublicityRequests.Add(request);
        }
        request.Status = PublicityStatus.Requested;
        request.DeclineReason = null;
        var cosponsorship = await db.CoSponsorshipRequests.FirstOrDefaultAsync(r => r.EventTitle == Note);
        if (cosponsorship is null)
        {
            cosponsorship = new CoSponsorshipRequest
            {
                RequestedByUserId = metroId, Kind = CoSponsorKind.Sponsorship, MeasureId = measureId, EventTitle = Note, EventDate = new DateOnly(2030, 6, 1),
                RequestedAt = DateTime.UtcNow,
            };
            db.CoSponsorshipRequests.Add(cosponsorship);
        }
        cosponsorship.Status = CoSponsorStatus.Requested;
        cosponsorship.Answer = "";
        await db.SaveChangesAsync();
        return new Ids(activity.Id, referral.Id, request.Id, cosponsorship.Id);
    });
}
