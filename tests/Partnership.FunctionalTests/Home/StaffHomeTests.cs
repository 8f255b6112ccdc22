using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Consultations;
using Partnership.Core.Outreach;
using Partnership.Core.Subsidies;
using Partnership.Infrastructure.Data;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Home;

/// <summary>
/// The staff homes on /me over HTTP: each role's queues count exactly the records in that state (records added in
/// other states do not move them), each count links to the list filtered the same way, and a company never sees a queue.
/// </summary>
public sealed class StaffHomeTests : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private sealed record Queue(string Name, int Count, string Link);

    /// <summary>The queues of one role's section on /me, as the page shows them (name, count, link).</summary>
    private static async Task<List<Queue>> QueuesAsync(HttpClient client, string role)
    {
        var page = Parser.ParseDocument(await client.GetStringAsync("/me"));
        var section = page.QuerySelector($"[data-testid=queues-{role}]");
        Assert.NotNull(section);
        return section.QuerySelectorAll("li[data-queue]").Select(li => new Queue(
            li.GetAttribute("data-queue")!, int.Parse(li.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture),
            li.QuerySelector("a")!.GetAttribute("href")!)).ToList();
    }

    private static int Count(List<Queue> queues, string name, string? link = null) =>
        queues.Where(q => q.Name == name && (link is null || q.Link == link)).Sum(q => q.Count);

    private Task<string> UserIdAsync(string email) => _portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> CompanyIdAsync(string email) => _portal.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.CompanyMembers.Where(m => m.UserId == userId).Select(m => m.CompanyId).SingleAsync();
    });

    private Task<int> SaveAsync(Action<AppDbContext> add) => _portal.WithDbAsync(db =>
    {
        add(db);
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_Metro_official_sees_each_queue_counted_and_linked_to_its_filtered_list()
    {
        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var metroId = await UserIdAsync(DemoUsers.Metro);
        var chamberId = await UserIdAsync(DemoUsers.Chamber);
        var companyId = await CompanyIdAsync(DemoUsers.Company);
        var companyUserId = await UserIdAsync(DemoUsers.Company);
        var before = await QueuesAsync(metro, Roles.MetroOfficial);

        // A scheme entry counts once it is sent, not as a draft.
        var started = await company.PostFormAsync("/company/schemes", "/company/schemes/TELEWORK-RULE/start", []);
        var draft = started.Headers.Location!.OriginalString;
        Assert.Equal(Count(before, "SchemeEntriesToReview"), Count(await QueuesAsync(metro, Roles.MetroOfficial), "SchemeEntriesToReview"));
        var html = await company.GetStringAsync(draft);
        var submitted = await company.PostAsync(draft + "/submit", new FormUrlEncodedContent(
        [
            .. Schemes.SchemeJourneyTests.TeleworkRule(), new("version", Regex.Match(html, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value),
            new(WebPageHelpers.AntiforgeryFieldName, WebPageHelpers.ExtractAntiforgeryToken(html)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var entryId = int.Parse(draft[(draft.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // Two subsidy applications in one window: one received, one under review; a draft does not count.
        var windowId = await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.Id).SingleAsync());
        var received = (await company.PostFormAsync($"/subsidies/windows/{windowId}", $"/company/subsidies/windows/{windowId}/apply", [])).Headers.Location!.OriginalString;
        var receivedId = int.Parse(received[(received.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var otherId = await CompanyIdAsync(DemoUsers.OtherCompany);
        var underReviewApplication = new SubsidyApplication { WindowId = windowId, CompanyId = otherId, Status = ApplicationStatus.Draft, LiveKey = SubsidyApplication.LiveKeyFor(otherId, windowId) };
        await SaveAsync(db => db.SubsidyApplications.Add(underReviewApplication));
        var underReviewId = underReviewApplication.Id;
        Assert.NotEqual(receivedId, underReviewId);
        var receivedLink = $"/subsidies/manage/windows/{windowId}?status=Submitted";
        Assert.Equal(Count(before, "SubsidyApplicationsReceived"), Count(await QueuesAsync(metro, Roles.MetroOfficial), "SubsidyApplicationsReceived"));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.SubsidyApplications.Where(a => a.Id == receivedId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Submitted))));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.SubsidyApplications.Where(a => a.Id == underReviewId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.UnderReview))));

        // Consultations: one sent (to triage) and one accepted (already triaged).
        var deskId = await _portal.WithDbAsync(db => db.ConsultationDesks.Select(d => d.Id).FirstAsync());
        await SaveAsync(db => db.ConsultationRequests.AddRange(
            new ConsultationRequest { CompanyId = companyId, RequestedByUserId = companyUserId, DeskId = deskId, Status = ConsultationStatus.Submitted, SubmittedAt = DateTime.UtcNow, ReceiptNumber = "SH-1" },
            new ConsultationRequest { CompanyId = companyId, RequestedByUserId = companyUserId, DeskId = deskId, Status = ConsultationStatus.Accepted, SubmittedAt = DateTime.UtcNow, ReceiptNumber = "SH-2" }));

        // Publicity and co-sponsorship: the official's own requests answered lately count; unanswered, old or others' do not.
        var measureId = await _portal.WithDbAsync(db => db.Measures.Select(m => m.Id).FirstAsync());
        await SaveAsync(db =>
        {
            db.PublicityRequests.AddRange(
                new PublicityRequest { RequestedByUserId = metroId, MeasureId = measureId, Title = "回答済み", Status = PublicityStatus.Accepted, RequestedAt = DateTime.UtcNow.AddDays(-3), AnsweredAt = DateTime.UtcNow.AddDays(-1) },
                new PublicityRequest { RequestedByUserId = metroId, MeasureId = measureId, Title = "回答待ち", RequestedAt = DateTime.UtcNow },
                new PublicityRequest { RequestedByUserId = metroId, MeasureId = measureId, Title = "古い回答", Status = PublicityStatus.Declined, RequestedAt = DateTime.UtcNow.AddDays(-90), AnsweredAt = DateTime.UtcNow.AddDays(-60) },
                new PublicityRequest { RequestedByUserId = chamberId, MeasureId = measureId, Title = "他の人の依頼", Status = PublicityStatus.Accepted, RequestedAt = DateTime.UtcNow, AnsweredAt = DateTime.UtcNow });
            db.CoSponsorshipRequests.AddRange(
                new CoSponsorshipRequest { RequestedByUserId = metroId, MeasureId = measureId, EventTitle = "承認済み", EventDate = new DateOnly(2027, 1, 20), Status = CoSponsorStatus.Approved, RequestedAt = DateTime.UtcNow.AddDays(-2), AnsweredAt = DateTime.UtcNow },
                new CoSponsorshipRequest { RequestedByUserId = metroId, MeasureId = measureId, EventTitle = "回答待ち", EventDate = new DateOnly(2027, 1, 20), RequestedAt = DateTime.UtcNow });
        });

        var after = await QueuesAsync(metro, Roles.MetroOfficial);
        Assert.Equal(Count(before, "SchemeEntriesToReview") + 1, Count(after, "SchemeEntriesToReview"));
        Assert.Equal(Count(before, "SubsidyApplicationsReceived", receivedLink) + 1, Count(after, "SubsidyApplicationsReceived", receivedLink));
        Assert.Equal(1, Count(after, "SubsidyApplicationsUnderReview", $"/subsidies/manage/windows/{windowId}?status=UnderReview"));
        Assert.Equal(Count(before, "ConsultationsToTriage") + 1, Count(after, "ConsultationsToTriage"));
        Assert.Equal(Count(before, "PublicityAnswered") + 1, Count(after, "PublicityAnswered"));
        Assert.Equal(Count(before, "CoSponsorshipAnswered") + 1, Count(after, "CoSponsorshipAnswered"));
        Assert.DoesNotContain(after, q => q.Name is "FollowUpsDue" or "ExpertAssignments");

        // Each count opens the list filtered the same way: the sent entry and the received application are in theirs.
        var review = after.Single(q => q.Name == "SchemeEntriesToReview").Link;
        Assert.Contains($"/schemes/review/{entryId}\"", await metro.GetStringAsync(review));
        var window = await metro.GetStringAsync(receivedLink);
        Assert.Contains($"/subsidies/manage/applications/{receivedId}\"", window);
        Assert.DoesNotContain($"/subsidies/manage/applications/{underReviewId}\"", window);
        Assert.Contains("SH-1", await metro.GetStringAsync(after.Single(q => q.Name == "ConsultationsToTriage").Link));

        // A company user never sees a staff queue.
        var companyHome = Parser.ParseDocument(await company.GetStringAsync("/me"));
        Assert.Empty(companyHome.QuerySelectorAll("[data-testid^=queues-]"));
        Assert.Empty(companyHome.QuerySelectorAll("li[data-queue]"));
    }

    [Fact]
    public async Task Chamber_staff_see_follow_ups_due_requests_waiting_for_them_and_open_referrals()
    {
        var chamber = await _portal.SignedInAsync(DemoUsers.Chamber);
        var metroId = await UserIdAsync(DemoUsers.Metro);
        var chamberId = await UserIdAsync(DemoUsers.Chamber);
        var companyId = await CompanyIdAsync(DemoUsers.Company);
        var before = await QueuesAsync(chamber, Roles.ChamberStaff);
        Assert.Equal(["FollowUpsDue", "PublicityToAnswer", "CoSponsorshipToAnswer", "ReferralsOpen"], before.Select(q => q.Name));

        var today = DateOnly.FromDateTime(JapanTime.Today(TimeProvider.System));
        var (measureId, areaCode, branchCode) = await _portal.WithDbAsync(async db => (
            await db.Measures.Select(m => m.Id).FirstAsync(), await db.ProgramAreas.Select(a => a.Code).FirstAsync(), await db.ChamberBranches.Select(b => b.Code).FirstAsync()));
        MemberSupportCase Case(DateOnly? followUp, DateOnly? done) => new()
        {
            CompanyId = companyId, Date = today.AddDays(-10), AreaCode = areaCode, BranchCode = branchCode, Advice = "就業規則の見直し",
            FollowUpOn = followUp, FollowedUpOn = done, RecordedByUserId = chamberId,
        };
        await SaveAsync(db =>
        {
            // Due today and overdue count; tomorrow's, a done one and one without a date do not.
            db.MemberSupportCases.AddRange(Case(today, null), Case(today.AddDays(-3), null), Case(today.AddDays(1), null), Case(today.AddDays(-1), today), Case(null, null));
            db.PublicityRequests.AddRange(
                new PublicityRequest { RequestedByUserId = metroId, MeasureId = measureId, Title = "待ち", RequestedAt = DateTime.UtcNow },
                new PublicityRequest { RequestedByUserId = metroId, MeasureId = measureId, Title = "回答済み", Status = PublicityStatus.Declined, DeclineReason = "時期", RequestedAt = DateTime.UtcNow, AnsweredAt = DateTime.UtcNow });
            db.CoSponsorshipRequests.AddRange(
                new CoSponsorshipRequest { RequestedByUserId = metroId, MeasureId = measureId, EventTitle = "待ち1", EventDate = new DateOnly(2027, 2, 1), RequestedAt = DateTime.UtcNow },
                new CoSponsorshipRequest { RequestedByUserId = metroId, MeasureId = measureId, EventTitle = "待ち2", EventDate = new DateOnly(2027, 2, 2), RequestedAt = DateTime.UtcNow },
                new CoSponsorshipRequest { RequestedByUserId = metroId, MeasureId = measureId, EventTitle = "辞退", EventDate = new DateOnly(2027, 2, 3), Status = CoSponsorStatus.Declined, RequestedAt = DateTime.UtcNow, AnsweredAt = DateTime.UtcNow });
            db.Referrals.AddRange(
                new Referral { CompanyId = companyId, MeasureId = measureId, BranchCode = branchCode, ReferredAt = DateTime.UtcNow, ReferredByUserId = chamberId },
                new Referral { CompanyId = companyId, MeasureId = measureId, BranchCode = branchCode, ReferredAt = DateTime.UtcNow.AddDays(-5), ReferredByUserId = chamberId, ConvertedAt = DateTime.UtcNow, ConvertedBy = ConversionKind.Scheme });
        });

        var after = await QueuesAsync(chamber, Roles.ChamberStaff);
        Assert.Equal(Count(before, "FollowUpsDue") + 2, Count(after, "FollowUpsDue"));
        Assert.Equal(Count(before, "PublicityToAnswer") + 1, Count(after, "PublicityToAnswer"));
        Assert.Equal(Count(before, "CoSponsorshipToAnswer") + 2, Count(after, "CoSponsorshipToAnswer"));
        Assert.Equal(Count(before, "ReferralsOpen") + 1, Count(after, "ReferralsOpen"));

        // The follow-up count is the number of rows the filtered list shows.
        var due = Parser.ParseDocument(await chamber.GetStringAsync(after.Single(q => q.Name == "FollowUpsDue").Link));
        Assert.Equal(Count(after, "FollowUpsDue"), due.QuerySelectorAll("table tbody tr").Length);
        Assert.DoesNotContain(after, q => q.Name is "SchemeEntriesToReview" or "ExpertAssignments");
    }

    [Fact]
    public async Task An_expert_sees_their_open_assignments_only()
    {
        var expert = await _portal.SignedInAsync(DemoUsers.Expert);
        var expertId = await UserIdAsync(DemoUsers.Expert);
        var companyId = await CompanyIdAsync(DemoUsers.Company);
        var companyUserId = await UserIdAsync(DemoUsers.Company);
        var deskId = await _portal.WithDbAsync(db => db.ConsultationDesks.Select(d => d.Id).FirstAsync());
        var metroId = await UserIdAsync(DemoUsers.Metro);
        var before = Count(await QueuesAsync(expert, Roles.Expert), "ExpertAssignments");
        ConsultationRequest Request(ConsultationStatus status, string? assigned) => new()
        {
            CompanyId = companyId, RequestedByUserId = companyUserId, DeskId = deskId, Status = status, SubmittedAt = DateTime.UtcNow, AssignedExpertUserId = assigned,
        };
        await SaveAsync(db => db.ConsultationRequests.AddRange(
            Request(ConsultationStatus.Assigned, expertId), Request(ConsultationStatus.Scheduled, expertId),
            Request(ConsultationStatus.Closed, expertId), Request(ConsultationStatus.Assigned, metroId)));

        var queues = await QueuesAsync(expert, Roles.Expert);
        var queue = Assert.Single(queues);
        Assert.Equal(before + 2, queue.Count);
        Assert.Equal("/expert/consultations", queue.Link);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync(queue.Link)).StatusCode);
    }
}
