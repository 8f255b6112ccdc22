using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Common;
using Partnership.Core.Documents;
using Partnership.Core.Outreach;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>
/// Outreach records for the harness, put back for each test: an activity logged by the demo chamber user (the only
/// one who may change or delete it) and a referral of the sample company, a publicity request with a leaflet attached,
/// a co-sponsorship request, a support case of the sample company, and a second chamber account for the administrators'
/// branch setting.
/// </summary>
public static class OutreachSamples
{
    public const string Note = "試験用の活動（ハーネス）";

    public sealed record Ids(int ActivityId, int ReferralId, int PublicityRequestId, int CoSponsorshipId, int AttachmentId, int SupportCaseId, string ChamberUserId);

    public const string HarnessChamberEmail = "harness-chamber@example.jp";
    public const string SoleProprietorNumber = "SP-0001";

    public static async Task<Ids> EnsureAsync(PortalFactory portal, int companyId)
    {
        string harnessChamberId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(HarnessChamberEmail);
            if (user is null)
            {
                user = new AppUser { UserName = HarnessChamberEmail, Email = HarnessChamberEmail, EmailConfirmed = true, DisplayName = "支部 試験", ChamberBranchCode = "13101" };
                await users.CreateAsync(user, "harness-pass-1234");
                await users.AddToRoleAsync(user, Roles.ChamberStaff);
            }
            harnessChamberId = user.Id;
        }
        var store = portal.Services.GetRequiredService<IDocumentStore>();
        return await portal.WithDbAsync(db => EnsureAsync(db, store, companyId, harnessChamberId));
    }

    private static async Task<Ids> EnsureAsync(Partnership.Infrastructure.Data.AppDbContext db, IDocumentStore store, int companyId, string harnessChamberId)
    {
        var chamberId = await db.Users.Where(u => u.Email == DemoUsers.Chamber).Select(u => u.Id).SingleAsync();
        // A roster member without a 法人番号 (a sole proprietor), for the match by hand; never matched by the harness.
        if (!await db.RosterMembers.AnyAsync(m => m.MemberNumber == SoleProprietorNumber))
        {
            db.RosterMembers.Add(new Partnership.Core.Members.RosterMember
            {
                MemberNumber = SoleProprietorNumber, Name = "個人事業 田中工房", NameKana = "タナカコウボウ", NameFolded = "個人事業田中工房", KanaFolded = "タナカコウボウ",
                BranchCode = "13101", JoinedOn = new DateOnly(2020, 4, 1),
            });
        }
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
                // The demo member company's roster entry: the referral has an invitation letter to print.
                RosterMemberId = await db.RosterMembers.Where(m => m.MemberNumber == "1234567").Select(m => (int?)m.Id).FirstOrDefaultAsync(),
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
        var attachment = await db.PublicityAttachments.FirstOrDefaultAsync(a => a.PublicityRequestId == request.Id);
        if (attachment is null)
        {
            var pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray();
            attachment = new PublicityAttachment
            {
                PublicityRequestId = request.Id, FileName = "チラシ（試験）.pdf", ContentType = "application/pdf", SizeBytes = pdf.Length,
                Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pdf)), StorageKey = await store.SaveAsync(new MemoryStream(pdf)),
                UploadedAt = DateTime.UtcNow, UploadedByUserId = metroId,
            };
            db.PublicityAttachments.Add(attachment);
        }
        var supportCase = await db.MemberSupportCases.FirstOrDefaultAsync(c => c.CompanyId == companyId && c.Advice == Note);
        if (supportCase is null)
        {
            supportCase = new MemberSupportCase
            {
                CompanyId = companyId, Date = new DateOnly(2021, 6, 1), AreaCode = "TELEWORK", BranchCode = "13101", Advice = Note, FollowUpOn = new DateOnly(2021, 7, 1),
                RecordedByUserId = chamberId,
            };
            db.MemberSupportCases.Add(supportCase);
        }
        await db.SaveChangesAsync();
        return new Ids(activity.Id, referral.Id, request.Id, cosponsorship.Id, attachment.Id, supportCase.Id, harnessChamberId);
    }
}
