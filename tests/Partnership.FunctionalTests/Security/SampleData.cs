using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Common;
using Partnership.Core.Consultations;
using Partnership.Core.Events;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>Real seeded records to fill route parameters and forms with.</summary>
public sealed class SampleData(PortalFactory portal, int measureId, int companyId, int ownerMemberId, long outboxMessageId, string staffUserId, ServiceSamples services, int draftEntryId, int acceptedEntryId, SubsidySamples.Ids subsidy, OutreachSamples.Ids outreach)
{
    /// <summary>An outreach activity logged by the demo chamber user, and a referral of the sample company.</summary>
    public OutreachSamples.Ids Outreach { get; } = outreach;

    /// <summary>The sample company's subsidy records: a draft with a document, and a received application in another window.</summary>
    public SubsidySamples.Ids Subsidy { get; } = subsidy;

    /// <summary>A draft of the sample company (telework rule), made fresh for each test that loads the samples.</summary>
    public int DraftEntryId { get; } = draftEntryId;

    /// <summary>An accepted action plan of the sample company, with progress reports and a certificate.</summary>
    public int AcceptedEntryId { get; } = acceptedEntryId;

    public int MeasureId { get; } = measureId;

    /// <summary>The demo company owned by the Company principal.</summary>
    public int CompanyId { get; } = companyId;

    /// <summary>That company's owner membership.</summary>
    public int OwnerMemberId { get; } = ownerMemberId;

    /// <summary>A message in the outbox (one is queued when there is none, before any request is measured).</summary>
    public long OutboxMessageId { get; } = outboxMessageId;

    /// <summary>A staff account for the administrators' actions that is none of the principals.</summary>
    public string StaffUserId { get; } = staffUserId;

    public const string EventTitle = "試験セミナー（ハーネス）";

    /// <summary>A joint event open for registration (so both organiser sides may manage it), in 2030.</summary>
    public int EventId { get; } = services.EventId;

    public int EventMeasureId { get; } = services.EventMeasureId;

    /// <summary>A registration of the sample company for that event.</summary>
    public int RegistrationId { get; } = services.RegistrationId;

    /// <summary>A consultation request of the sample company, scheduled, assigned to the demo expert, with a session held yesterday.</summary>
    public int ConsultationId { get; } = services.ConsultationId;

    public int SessionId { get; } = services.SessionId;

    public int DeskId { get; } = services.DeskId;

    public int TopicId { get; } = services.TopicId;

    /// <summary>A desk other than the request's, for the redirect.</summary>
    public int OtherDeskId { get; } = services.OtherDeskId;

    public string ExpertUserId { get; } = services.ExpertUserId;

    public string FutureDate(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The demo roster's member who is not registered on the portal.</summary>
    public int UnregisteredRosterMemberId() =>
        portal.WithDbAsync(db => db.RosterMembers.Where(m => m.MemberNumber == "2345678").Select(m => m.Id).SingleAsync()).GetAwaiter().GetResult();

    /// <summary>The harness's roster member without a 法人番号 (a sole proprietor, <see cref="OutreachSamples"/>), for the match by hand.</summary>
    public int SoleProprietorRosterMemberId() =>
        portal.WithDbAsync(db => db.RosterMembers.Where(m => m.MemberNumber == OutreachSamples.SoleProprietorNumber).Select(m => m.Id).SingleAsync()).GetAwaiter().GetResult();

    public string EventVersion() =>
        portal.WithDbAsync(db => db.PartnershipEvents.Where(e => e.Id == EventId).Select(e => e.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public static async Task<SampleData> LoadAsync(PortalFactory portal)
    {
        var measureId = await portal.WithDbAsync(db => db.Measures.Where(m => m.Key == "TELEWORK-M01" && m.Plan!.FiscalYear == 2021).Select(m => m.Id).SingleAsync());
        var owner = await portal.WithDbAsync(db => db.CompanyMembers
            .Where(m => m.IsOwner && db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Company))
            .Select(m => new { m.Id, m.CompanyId }).SingleAsync());
        var outboxMessageId = await portal.WithDbAsync(async db =>
        {
            if (!await db.OutboxMessages.AnyAsync())
            {
                new Partnership.Infrastructure.Mail.MailOutbox(db, TimeProvider.System).Enqueue("harness@example.jp", "件名", "本文");
                await db.SaveChangesAsync();
            }
            return await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        });
        string staffUserId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Partnership.Infrastructure.Identity.AppUser>>();
            var expert = await users.FindByEmailAsync("harness-expert@example.jp");
            if (expert is null)
            {
                expert = new Partnership.Infrastructure.Identity.AppUser { UserName = "harness-expert@example.jp", Email = "harness-expert@example.jp", EmailConfirmed = true, DisplayName = "専門家 試験" };
                await users.CreateAsync(expert, "harness-pass-9753");
                await users.AddToRoleAsync(expert, Partnership.Core.Common.Roles.Expert);
            }
            staffUserId = expert.Id;
        }
        var services = await ServiceSamples.LoadAsync(portal, owner.CompanyId);
        var (draft, accepted) = await SchemeSamples.EnsureAsync(portal, owner.CompanyId);
        var subsidy = await SubsidySamples.EnsureAsync(portal, owner.CompanyId);
        var outreach = await OutreachSamples.EnsureAsync(portal, owner.CompanyId);
        var (articleId, publishedCode, attachmentId) = await LibrarySamplesAsync(portal);
        return new SampleData(portal, measureId, owner.CompanyId, owner.Id, outboxMessageId, staffUserId, services, draft, accepted, subsidy, outreach)
        {
            LibraryArticleId = articleId, PublishedArticleCode = publishedCode, LibraryAttachmentId = attachmentId,
        };
    }

    /// <summary>The entry the officials' library endpoints change (its own, so the seeded ones stay as they are).</summary>
    public int LibraryArticleId { get; init; }

    /// <summary>A published entry with one attachment, never changed by the harness: the public download's sample.</summary>
    public string PublishedArticleCode { get; init; } = "";

    public int LibraryAttachmentId { get; init; }

    public string ArticleVersion() =>
        portal.WithDbAsync(db => db.LibraryArticles.Where(a => a.Id == LibraryArticleId).Select(a => a.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    /// <summary>The sample measure's offline note version, or empty when it has none (read at the moment of the request).</summary>
    public string NoteVersion() =>
        portal.WithDbAsync(db => db.MeasureOfflineNotes.Where(n => n.MeasureKey == "TELEWORK-M01").Select(n => (Guid?)n.Version).SingleOrDefaultAsync()).GetAwaiter().GetResult()?.ToString() ?? "";

    private static async Task<(int ArticleId, string PublishedCode, int AttachmentId)> LibrarySamplesAsync(PortalFactory portal)
    {
        const string draftCode = "HARNESS-DRAFT", publishedCode = "HARNESS-GUIDE";
        await using var scope = portal.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<Partnership.Core.Documents.IDocumentStore>();
        return await portal.WithDbAsync(async db =>
        {
            foreach (var code in new[] { draftCode, publishedCode })
            {
                if (!await db.LibraryArticles.AnyAsync(a => a.Code == code))
                {
                    db.LibraryArticles.Add(new Partnership.Core.Library.LibraryArticle
                    {
                        Code = code, MeasureKey = "WORKSTYLE-M03", TitleJa = "試験用の記事", TitleEn = "Harness entry", SummaryJa = "概要", BodyJa = "本文",
                        PublishedOn = new DateOnly(2021, 4, 1), IsDraft = code == draftCode,
                    });
                }
            }
            await db.SaveChangesAsync();
            var published = await db.LibraryArticles.Include(a => a.Attachments).SingleAsync(a => a.Code == publishedCode);
            if (published.Attachments.Count == 0)
            {
                using var content = new MemoryStream(PdfSamples.Plain);
                published.Attachments.Add(new Partnership.Core.Library.LibraryAttachment
                {
                    FileName = "guide.pdf", ContentType = "application/pdf", SizeBytes = PdfSamples.Plain.Length, Sha256 = new string('0', 64),
                    StorageKey = await store.SaveAsync(content), UploadedAt = DateTime.UtcNow, UploadedByUserId = "harness",
                });
                await db.SaveChangesAsync();
            }
            var draft = await db.LibraryArticles.Where(a => a.Code == draftCode).Select(a => a.Id).SingleAsync();
            return (draft, publishedCode, published.Attachments[0].Id);
        });
    }

    /// <summary>The sample support case's current version, read at the moment of the request.</summary>
    public string SupportCaseVersion() =>
        portal.WithDbAsync(db => db.MemberSupportCases.Where(c => c.Id == Outreach.SupportCaseId).Select(c => c.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public string CompanyVersionOf(int companyId) =>
        portal.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => c.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    /// <summary>The measure's current version, read at the moment of the request (it changes with every edit).</summary>
    public string MeasureVersion() =>
        portal.WithDbAsync(db => db.Measures.Where(m => m.Id == MeasureId).Select(m => m.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    /// <summary>A scheme entry's current version, read at the moment of the request.</summary>
    public string EntryVersion(int entryId) =>
        portal.WithDbAsync(db => db.SchemeEntries.Where(e => e.Id == entryId).Select(e => e.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public string ApplicationVersion(int applicationId) =>
        portal.WithDbAsync(db => db.SubsidyApplications.Where(a => a.Id == applicationId).Select(a => a.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public string ActivityVersion() =>
        portal.WithDbAsync(db => db.OutreachActivities.Where(a => a.Id == Outreach.ActivityId).Select(a => a.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public int CurrentFormVersion(string schemeCode) =>
        portal.WithDbAsync(db => db.SchemeFormVersions.Where(v => v.Scheme!.Code == schemeCode).MaxAsync(v => v.Number)).GetAwaiter().GetResult();

    public int LatestFiscalYear() =>
        portal.WithDbAsync(db => db.PartnershipPlans.MaxAsync(p => p.FiscalYear)).GetAwaiter().GetResult();
}

/// <summary>The event, registration and consultation request the harness addresses, created once per portal.</summary>
public sealed record ServiceSamples(int EventId, int EventMeasureId, int RegistrationId, int ConsultationId, int SessionId, int DeskId, int TopicId, int OtherDeskId, string ExpertUserId)
{
    public static Task<ServiceSamples> LoadAsync(PortalFactory portal, int companyId) => portal.WithDbAsync(async db =>
    {
        var ownerId = await db.CompanyMembers.Where(m => m.CompanyId == companyId && m.IsOwner).Select(m => m.UserId).FirstAsync();
        var expertId = await db.Users.Where(u => u.Email == DemoUsers.Expert).Select(u => u.Id).SingleAsync();
        var measureId = await db.Measures.Where(m => m.Key == "TELEWORK-M04" && m.Plan!.FiscalYear == 2021).Select(m => m.Id).SingleAsync();
        var e = await db.PartnershipEvents.FirstOrDefaultAsync(x => x.TitleJa == SampleData.EventTitle);
        if (e is null)
        {
            e = new PartnershipEvent
            {
                MeasureId = measureId, Organiser = OrganiserSide.Joint, TitleJa = SampleData.EventTitle, TitleEn = "Harness seminar",
                DescriptionJa = "試験用のセミナーです。", DescriptionEn = "A seminar.", Venue = "東京都庁", OnlineUrl = "https://example.jp/online",
                StartsAt = JapanTime.ToUtc(new DateTime(2030, 6, 1, 14, 0, 0)), EndsAt = JapanTime.ToUtc(new DateTime(2030, 6, 1, 16, 0, 0)), Capacity = 1000,
                RegistrationOpensAt = JapanTime.ToUtc(new DateTime(2020, 1, 1, 9, 0, 0)), RegistrationClosesAt = JapanTime.ToUtc(new DateTime(2030, 5, 31, 17, 0, 0)),
                Registered = 1,
            };
            db.PartnershipEvents.Add(e);
            db.EventRegistrations.Add(new EventRegistration
            {
                Event = e, CompanyId = companyId, RegisteredByUserId = ownerId, ParticipantName = "東京 太郎", ParticipantEmail = "sample-participant@example.jp",
                ActiveEmail = "sample-participant@example.jp", Status = RegistrationStatus.Registered, RequestedAt = DateTime.UtcNow, ContactEmail = DemoUsers.Company,
            });
            await db.SaveChangesAsync();
        }
        var registrationId = await db.EventRegistrations.Where(r => r.EventId == e.Id && r.CompanyId == companyId).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var desks = await db.ConsultationDesks.Include(d => d.Topics).OrderBy(d => d.Order).ToListAsync();
        var desk = desks.Single(d => d.Code == "TELEWORK-CENTER");
        var request = await db.ConsultationRequests.Include(r => r.Sessions).FirstOrDefaultAsync(r => r.CompanyId == companyId && r.ReceiptNumber == "C2026-HARNESS");
        if (request is null)
        {
            request = new ConsultationRequest
            {
                CompanyId = companyId, RequestedByUserId = ownerId, DeskId = desk.Id, TopicId = desk.Topics[0].Id, Description = "テレワークの導入について相談したいです。",
                PreferredMode = ConsultationMode.Visit, PreferredDate1 = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)), WantsExpert = true,
                Status = ConsultationStatus.Scheduled, ReceiptNumber = "C2026-HARNESS", SubmittedAt = DateTime.UtcNow.AddDays(-3), FirstContactAt = DateTime.UtcNow.AddDays(-2),
                AssignedExpertUserId = expertId, ContactEmail = DemoUsers.Company,
            };
            request.Sessions.Add(new ConsultationSession { ScheduledAt = DateTime.UtcNow.AddDays(-1), Mode = ConsultationMode.Visit, AdviserUserId = expertId });
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync();
        }
        return new ServiceSamples(e.Id, measureId, registrationId, request.Id, request.Sessions[0].Id, desk.Id, desk.Topics[0].Id,
            desks.First(d => d.Id != desk.Id).Id, expertId);
    });
}
