using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Consultations;
using Partnership.Core.Events;
using Partnership.Core.Schemes;
using Partnership.Core.Subsidies;

namespace Partnership.Core.Home;

/// <summary>What a company's record is: a scheme entry, a subsidy application, a consultation request or an event registration.</summary>
public enum RecordKind
{
    Scheme = 1,
    Subsidy = 2,
    Consultation = 3,
    Event = 4,
}

/// <summary>What the company is to do next with a record; <see cref="None"/> when it waits for someone else or is finished.</summary>
public enum NextStep
{
    None = 0,
    FinishDraft = 1,
    Correct = 2,
    SubmitReport = 3,
    Renew = 4,
    Attend = 5,
}

/// <summary>
/// One of the company's records as its home lists it: what it is, its status (a resource key such as
/// <c>EntryStatus.Draft</c>), the date it last moved, the next step and, where there is one, the date it is due.
/// </summary>
public sealed record CompanyRecord(RecordKind Kind, int Id, string TitleJa, string TitleEn, string StatusKey, DateTime Date, NextStep Next, DateTime? Due, string Link)
{
    public string Title(CultureInfo culture) => JapanTime.IsJapanese(culture) ? TitleJa : TitleEn.Length > 0 ? TitleEn : TitleJa;

    /// <summary>On the to-do list: the company has something to do.</summary>
    public bool IsToDo => Next != NextStep.None;
}

/// <summary>
/// The to-do rules, pure: from a record's status and dates, what the company is to do next. One place, so the home
/// page, the list of everything and the reminders agree. See docs/adr/0072-company-home.md.
/// </summary>
public static class ToDoRules
{
    /// <summary>A scheme entry: finish a draft, correct a returned one, renew one whose validity ends within the scheme's renewal window (or has ended) unless a renewal is already started.</summary>
    public static NextStep ForScheme(EntryStatus status, DateOnly? validUntil, int renewalWindowDays, bool renewalStarted, DateOnly today) => status switch
    {
        EntryStatus.Draft => NextStep.FinishDraft,
        EntryStatus.Returned => NextStep.Correct,
        EntryStatus.Accepted or EntryStatus.Expired when validUntil is { } until && !renewalStarted
            && (status == EntryStatus.Expired || until.AddDays(-renewalWindowDays) <= today) => NextStep.Renew,
        _ => NextStep.None,
    };

    /// <summary>A subsidy application: finish a draft while its window takes applications, correct a returned one, report the result once granted.</summary>
    public static NextStep ForSubsidy(ApplicationStatus status, DateTime windowClosesAt, DateTime utcNow) => status switch
    {
        ApplicationStatus.Draft when utcNow < windowClosesAt => NextStep.FinishDraft,
        ApplicationStatus.Returned => NextStep.Correct,
        ApplicationStatus.Granted => NextStep.SubmitReport,
        _ => NextStep.None,
    };

    /// <summary>A consultation request: only a draft waits for the company; the rest is the desk's move.</summary>
    public static NextStep ForConsultation(ConsultationStatus status) =>
        status == ConsultationStatus.Draft ? NextStep.FinishDraft : NextStep.None;

    /// <summary>An event registration: attend an event the company is registered for that has not started.</summary>
    public static NextStep ForEvent(RegistrationStatus status, DateTime startsAt, DateTime utcNow) =>
        status == RegistrationStatus.Registered && startsAt > utcNow ? NextStep.Attend : NextStep.None;
}

/// <summary>
/// Everything of one company in one list — scheme entries, subsidy applications, consultation requests, event
/// registrations — with status, date and next step. Every query is filtered by the company's id, which the caller
/// takes from the signed-in user's membership, never from the address.
/// </summary>
public sealed class CompanyRecordsService(IAppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<CompanyRecord>> AllAsync(int companyId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));

        var renewed = await db.SchemeEntries.AsNoTracking()
            .Where(e => e.CompanyId == companyId && e.RenewalOfId != null && e.Status != EntryStatus.Withdrawn)
            .Select(e => e.RenewalOfId!.Value).ToListAsync(ct);
        var entries = await db.SchemeEntries.AsNoTracking().Where(e => e.CompanyId == companyId)
            .Select(e => new { e.Id, e.Status, e.Scheme!.NameJa, e.Scheme.NameEn, e.Scheme.RenewalWindowDays, e.ValidUntil, e.UpdatedAt })
            .ToListAsync(ct);
        var applications = await db.SubsidyApplications.AsNoTracking().Where(a => a.CompanyId == companyId)
            .Select(a => new { a.Id, a.Status, a.Window!.Program!.NameJa, a.Window.Program.NameEn, a.Window.ClosesAt, a.ResultReportDueOn, a.UpdatedAt })
            .ToListAsync(ct);
        var consultations = await db.ConsultationRequests.AsNoTracking().Where(r => r.CompanyId == companyId)
            .Select(r => new { r.Id, r.Status, Desk = r.Desk != null ? r.Desk.NameJa : null, DeskEn = r.Desk != null ? r.Desk.NameEn : null, r.ReceiptNumber, r.UpdatedAt })
            .ToListAsync(ct);
        var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.CompanyId == companyId)
            .Select(r => new { r.Id, r.EventId, r.Status, r.Event!.TitleJa, r.Event.TitleEn, r.Event.StartsAt, r.ParticipantName, r.UpdatedAt })
            .ToListAsync(ct);

        var records = new List<CompanyRecord>();
        records.AddRange(entries.Select(e => new CompanyRecord(RecordKind.Scheme, e.Id, e.NameJa, e.NameEn, $"EntryStatus.{e.Status}", e.UpdatedAt,
            ToDoRules.ForScheme(e.Status, e.ValidUntil, e.RenewalWindowDays, renewed.Contains(e.Id), today),
            e.ValidUntil is { } until && e.Status is EntryStatus.Accepted ? until.ToDateTime(TimeOnly.MinValue) : null,
            string.Create(CultureInfo.InvariantCulture, $"/company/schemes/entries/{e.Id}"))));
        records.AddRange(applications.Select(a =>
        {
            var next = ToDoRules.ForSubsidy(a.Status, a.ClosesAt, now);
            return new CompanyRecord(RecordKind.Subsidy, a.Id, a.NameJa, a.NameEn, $"ApplicationStatus.{a.Status}", a.UpdatedAt, next,
                next == NextStep.FinishDraft ? a.ClosesAt
                : next == NextStep.SubmitReport && a.ResultReportDueOn is { } reportDue ? reportDue.ToDateTime(TimeOnly.MinValue) : null,
                string.Create(CultureInfo.InvariantCulture, $"/company/subsidies/applications/{a.Id}"));
        }));
        records.AddRange(consultations.Select(r => new CompanyRecord(RecordKind.Consultation, r.Id,
            r.Desk ?? "", r.DeskEn ?? "", $"ConsultationStatus.{r.Status}", r.UpdatedAt, ToDoRules.ForConsultation(r.Status), null,
            r.Status == ConsultationStatus.Draft ? "/company/consultations/new" : string.Create(CultureInfo.InvariantCulture, $"/company/consultations/{r.Id}"))));
        records.AddRange(registrations.Select(r =>
        {
            var next = ToDoRules.ForEvent(r.Status, r.StartsAt, now);
            return new CompanyRecord(RecordKind.Event, r.Id, $"{r.TitleJa}（{r.ParticipantName}）", $"{(r.TitleEn.Length > 0 ? r.TitleEn : r.TitleJa)} ({r.ParticipantName})",
                $"RegistrationStatus.{r.Status}", r.UpdatedAt, next, r.StartsAt, string.Create(CultureInfo.InvariantCulture, $"/events/{r.EventId}"));
        }));
        return records.OrderByDescending(r => r.Date).ToList();
    }

    /// <summary>The to-do list: records with a next step for the company, the soonest due first, then the most recent.</summary>
    public async Task<IReadOnlyList<CompanyRecord>> ToDoAsync(int companyId, CancellationToken ct = default) =>
        (await AllAsync(companyId, ct)).Where(r => r.IsToDo)
            .OrderBy(r => r.Due ?? DateTime.MaxValue).ThenByDescending(r => r.Date).ToList();
}
