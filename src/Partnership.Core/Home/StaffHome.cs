using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Consultations;
using Partnership.Core.Outreach;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;

namespace Partnership.Core.Home;

/// <summary>One queue a staff member works through; its resource key is <c>StaffHome.Queue.{name}</c>.</summary>
public enum StaffQueue
{
    /// <summary>Metro: scheme entries submitted and waiting for review.</summary>
    SchemeEntriesToReview = 1,
    /// <summary>Metro: subsidy applications received (受付済み) in one window, to review and decide.</summary>
    SubsidyApplicationsReceived = 2,
    /// <summary>Metro: subsidy applications under review in one window, to decide.</summary>
    SubsidyApplicationsUnderReview = 3,
    /// <summary>Metro: result reports (実績報告) submitted in one window, to confirm the amount.</summary>
    ResultReportsToConfirm = 4,
    /// <summary>Metro: consultation requests submitted and not yet triaged.</summary>
    ConsultationsToTriage = 5,
    /// <summary>Metro: the official's own publicity requests the chamber answered in the last <see cref="StaffHomeService.AnswerDays"/> days.</summary>
    PublicityAnswered = 6,
    /// <summary>Metro: the official's own co-sponsorship requests the chamber answered in the last <see cref="StaffHomeService.AnswerDays"/> days.</summary>
    CoSponsorshipAnswered = 7,
    /// <summary>Chamber: member support follow-ups whose date has come and which are not done.</summary>
    FollowUpsDue = 8,
    /// <summary>Chamber: publicity requests waiting for the chamber's answer.</summary>
    PublicityToAnswer = 9,
    /// <summary>Chamber: co-sponsorship requests waiting for the chamber's answer.</summary>
    CoSponsorshipToAnswer = 10,
    /// <summary>Chamber: referrals to Tokyo's support not yet taken up by the company.</summary>
    ReferralsOpen = 11,
    /// <summary>Expert: consultations assigned to the expert and not closed.</summary>
    ExpertAssignments = 12,
}

/// <summary>
/// A queue with its count and the filtered list it opens. <paramref name="DetailJa"/>/<paramref name="DetailEn"/> name
/// the subsidy window for the per-window queues, empty otherwise.
/// </summary>
public sealed record QueueCount(StaffQueue Queue, int Count, string Link, string DetailJa = "", string DetailEn = "")
{
    public string Detail(CultureInfo culture) => JapanTime.IsJapanese(culture) ? DetailJa : DetailEn.Length > 0 ? DetailEn : DetailJa;
}

/// <summary>The named queries behind the staff queues: the same filters as the lists the queues link to.</summary>
public static class StaffQueueQueries
{
    public static IQueryable<SchemeEntry> AwaitingReview(this IQueryable<SchemeEntry> entries) =>
        entries.Where(e => e.Status == EntryStatus.Submitted);

    public static IQueryable<SubsidyApplication> ToDecide(this IQueryable<SubsidyApplication> applications) =>
        applications.Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview || a.Status == ApplicationStatus.Reported);

    public static IQueryable<ConsultationRequest> AwaitingTriage(this IQueryable<ConsultationRequest> requests) =>
        requests.Where(r => r.Status == ConsultationStatus.Submitted);

    public static IQueryable<ConsultationRequest> OpenAssignmentsOf(this IQueryable<ConsultationRequest> requests, string expertUserId) =>
        requests.Where(r => r.AssignedExpertUserId == expertUserId && (r.Status == ConsultationStatus.Assigned || r.Status == ConsultationStatus.Scheduled));

    public static IQueryable<PublicityRequest> AwaitingAnswer(this IQueryable<PublicityRequest> requests) =>
        requests.Where(r => r.Status == PublicityStatus.Requested);

    public static IQueryable<PublicityRequest> AnsweredSince(this IQueryable<PublicityRequest> requests, string requestedBy, DateTime since) =>
        requests.Where(r => r.RequestedByUserId == requestedBy && r.AnsweredAt != null && r.AnsweredAt >= since);

    public static IQueryable<CoSponsorshipRequest> AwaitingAnswer(this IQueryable<CoSponsorshipRequest> requests) =>
        requests.Where(r => r.Status == CoSponsorStatus.Requested);

    public static IQueryable<CoSponsorshipRequest> AnsweredSince(this IQueryable<CoSponsorshipRequest> requests, string requestedBy, DateTime since) =>
        requests.Where(r => r.RequestedByUserId == requestedBy && r.AnsweredAt != null && r.AnsweredAt >= since);

    /// <summary>Follow-ups whose date has come (Japan's today) and which are not done: the list /outreach/support?due=true shows.</summary>
    public static IQueryable<MemberSupportCase> FollowUpDue(this IQueryable<MemberSupportCase> cases, DateOnly today) =>
        cases.Where(c => c.FollowUpOn != null && c.FollowUpOn <= today && c.FollowedUpOn == null);

    public static IQueryable<Referral> NotConverted(this IQueryable<Referral> referrals) =>
        referrals.Where(r => r.ConvertedAt == null);
}

/// <summary>
/// The staff homes on /me: each role's queues with counts, each count a link to the list filtered the same way.
/// Counts are read on request (a handful of COUNT queries), like the company's home (docs/adr/0081-staff-homes.md).
/// </summary>
public sealed class StaffHomeService(IAppDbContext db, TimeProvider clock)
{
    /// <summary>How far back an answer to an official's own request counts as news on their home.</summary>
    public const int AnswerDays = 30;

    /// <summary>A Metro official's queues; the subsidy queues one per window that has applications in that state.</summary>
    public async Task<IReadOnlyList<QueueCount>> MetroAsync(string userId, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-AnswerDays);
        var queues = new List<QueueCount>
        {
            new(StaffQueue.SchemeEntriesToReview, await db.SchemeEntries.AwaitingReview().CountAsync(ct), "/schemes/review?status=Submitted"),
        };
        var perWindow = await db.SubsidyApplications.ToDecide()
            .GroupBy(a => new { a.WindowId, a.Status })
            .Select(g => new { g.Key.WindowId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var windowIds = perWindow.Select(w => w.WindowId).Distinct().ToList();
        var windows = await db.SubsidyWindows.AsNoTracking().Where(w => windowIds.Contains(w.Id))
            .Select(w => new { w.Id, w.FiscalYear, w.Program!.NameJa, w.Program.NameEn }).ToDictionaryAsync(w => w.Id, ct);
        foreach (var group in perWindow.OrderBy(g => g.WindowId).ThenBy(g => g.Status))
        {
            var window = windows[group.WindowId];
            var queue = group.Status switch
            {
                ApplicationStatus.Submitted => StaffQueue.SubsidyApplicationsReceived,
                ApplicationStatus.UnderReview => StaffQueue.SubsidyApplicationsUnderReview,
                _ => StaffQueue.ResultReportsToConfirm,
            };
            queues.Add(new(queue, group.Count,
                string.Create(CultureInfo.InvariantCulture, $"/subsidies/manage/windows/{group.WindowId}?status={group.Status}"),
                string.Create(CultureInfo.InvariantCulture, $"{window.NameJa}（{JapanTime.FiscalYearEraJa(window.FiscalYear)}）"),
                string.Create(CultureInfo.InvariantCulture, $"{(window.NameEn.Length > 0 ? window.NameEn : window.NameJa)} (FY{window.FiscalYear})")));
        }
        queues.Add(new(StaffQueue.ConsultationsToTriage, await db.ConsultationRequests.AwaitingTriage().CountAsync(ct), "/consultations?status=Submitted"));
        queues.Add(new(StaffQueue.PublicityAnswered, await db.PublicityRequests.AnsweredSince(userId, since).CountAsync(ct), "/outreach/publicity"));
        queues.Add(new(StaffQueue.CoSponsorshipAnswered, await db.CoSponsorshipRequests.AnsweredSince(userId, since).CountAsync(ct), "/outreach/cosponsorship"));
        return queues;
    }

    /// <summary>Chamber staff's queues: follow-ups due, requests waiting for the chamber, referrals not yet taken up.</summary>
    public async Task<IReadOnlyList<QueueCount>> ChamberAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        return
        [
            new(StaffQueue.FollowUpsDue, await db.MemberSupportCases.FollowUpDue(today).CountAsync(ct), "/outreach/support?due=true"),
            new(StaffQueue.PublicityToAnswer, await db.PublicityRequests.AwaitingAnswer().CountAsync(ct), "/outreach/publicity"),
            new(StaffQueue.CoSponsorshipToAnswer, await db.CoSponsorshipRequests.AwaitingAnswer().CountAsync(ct), "/outreach/cosponsorship"),
            new(StaffQueue.ReferralsOpen, await db.Referrals.NotConverted().CountAsync(ct), "/outreach/referrals?converted=false"),
        ];
    }

    /// <summary>An expert's open assignments.</summary>
    public async Task<IReadOnlyList<QueueCount>> ExpertAsync(string userId, CancellationToken ct = default) =>
        [new(StaffQueue.ExpertAssignments, await db.ConsultationRequests.OpenAssignmentsOf(userId).CountAsync(ct), "/expert/consultations")];
}
