using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Events;
using Partnership.Core.Mail;
using Partnership.Core.Outreach;
using Partnership.Core.Subsidies;

namespace Partnership.Core.Reminders;

/// <summary>What a reminder is about; stored by name in <see cref="SentReminder.Kind"/>.</summary>
public enum ReminderKind
{
    /// <summary>A draft subsidy application in a window that closes within <see cref="ReminderService.DraftDaysBefore"/> days: to the company's users.</summary>
    DraftWindowCloses = 1,
    /// <summary>An event tomorrow: to each registered participant.</summary>
    EventTomorrow = 2,
    /// <summary>A member support case's follow-up date is today: to the chamber staff member who recorded it.</summary>
    FollowUpDue = 3,
    /// <summary>A granted application's result report is due within 14 days (sent from 14 days before until 4 days before): to the company's users.</summary>
    ResultReportDue14 = 4,
    /// <summary>A granted application's result report is due within 3 days (until the day itself): to the company's users.</summary>
    ResultReportDue3 = 5,
}

/// <summary>
/// A reminder that was sent: one row per (kind, record, due date), under a unique key, written in the same
/// SaveChanges as its mail and notices. Two nodes (or two runs) composing the same reminder at once cannot both
/// commit it: the second is refused by the key and sends nothing (docs/adr/0082-reminders-sent-once.md).
/// </summary>
public class SentReminder
{
    public const int KindLength = 32;

    public long Id { get; set; }
    /// <summary>The <see cref="ReminderKind"/> by name.</summary>
    public required string Kind { get; set; }
    /// <summary>The id of the record reminded of (application, registration, support case).</summary>
    public int RecordId { get; set; }
    /// <summary>The Japan-time day the reminder is about (the window's closing day, the event's day, the follow-up day).</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>UTC.</summary>
    public DateTime SentAt { get; set; }
    /// <summary>How many mails it put in the outbox.</summary>
    public int Recipients { get; set; }
}

/// <summary>The facts a reminder tells: what (in both languages), about whom, due when (Japan time), and the path to it.</summary>
public sealed record ReminderFacts(string TitleJa, string TitleEn, string Name, DateTime DueAtUtc, string Path);

/// <summary>Writes a reminder in the recipient's language (implemented by the web layer from its resources).</summary>
public interface IReminderMail
{
    MailContent Compose(ReminderKind kind, ReminderFacts facts, string culture);
}

/// <summary>The named queries of the reminders: what is due on a Japan-time day.</summary>
public static class ReminderQueries
{
    /// <summary>Drafts whose window is still open at <paramref name="now"/> and closes before <paramref name="until"/> (UTC).</summary>
    public static IQueryable<SubsidyApplication> DraftsClosingBefore(this IQueryable<SubsidyApplication> applications, DateTime now, DateTime until) =>
        applications.Where(a => a.Status == ApplicationStatus.Draft && a.Window!.ClosesAt > now && a.Window.ClosesAt < until);

    /// <summary>Registered (not waiting, not cancelled) participants of events starting in [from, until) UTC.</summary>
    public static IQueryable<EventRegistration> RegisteredForEventsStarting(this IQueryable<EventRegistration> registrations, DateTime from, DateTime until) =>
        registrations.Where(r => r.Status == RegistrationStatus.Registered && r.Event!.StartsAt >= from && r.Event.StartsAt < until);

    /// <summary>Cases whose follow-up is on <paramref name="day"/> and not done.</summary>
    public static IQueryable<MemberSupportCase> FollowUpOn(this IQueryable<MemberSupportCase> cases, DateOnly day) =>
        cases.Where(c => c.FollowUpOn == day && c.FollowedUpOn == null);

    /// <summary>Granted applications whose result report is due in [from, until] (Japan-time days) and not yet sent.</summary>
    public static IQueryable<SubsidyApplication> ReportDueBetween(this IQueryable<SubsidyApplication> applications, DateOnly from, DateOnly until) =>
        applications.Where(a => a.Status == ApplicationStatus.Granted && a.ResultReportDueOn != null && a.ResultReportDueOn >= from && a.ResultReportDueOn <= until);

    public static IQueryable<SentReminder> Of(this IQueryable<SentReminder> sent, ReminderKind kind, DateOnly from) =>
        sent.Where(s => s.Kind == kind.ToString() && s.DueOn >= from);
}

/// <summary>
/// The reminders, run by one background job: each reminder found due is sent once — through the outbox, which adds
/// the notice beside each mail — and recorded under its unique (kind, record, due date) in the same SaveChanges.
/// Safe to run as often as wanted and on several nodes at once.
/// </summary>
public sealed class ReminderService(
    IAppDbContext db, IMailOutbox outbox, IReminderMail mail, ICompanyRecipients companies, IUserRecipients users, TimeProvider clock)
{
    /// <summary>A draft is reminded of when its window closes within this many days (today counted as 0).</summary>
    public const int DraftDaysBefore = 3;

    /// <summary>At most this many reminders of each kind per run; the rest on the next run.</summary>
    public const int BatchSize = 500;

    /// <summary>How many reminders of each kind this run sent (a reminder already sent, here or by another node, is not counted).</summary>
    public sealed record Result(int Drafts, int Events, int FollowUps, int Reports)
    {
        public int Total => Drafts + Events + FollowUps + Reports;
    }

    private sealed record Due(ReminderKind Kind, int RecordId, DateOnly DueOn, ReminderFacts Facts, Func<CancellationToken, Task<IReadOnlyList<Recipient>>> Recipients);

    public async Task<Result> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        return new Result(
            await SendAsync(await DraftsAsync(now, today, ct), today, ct),
            await SendAsync(await EventsAsync(today, ct), today, ct),
            await SendAsync(await FollowUpsAsync(today, ct), today, ct),
            await SendAsync(await ReportsAsync(ReminderKind.ResultReportDue14, today.AddDays(4), today.AddDays(14), ct), today, ct)
            + await SendAsync(await ReportsAsync(ReminderKind.ResultReportDue3, today, today.AddDays(3), ct), today, ct));
    }

    /// <summary>The result reports due in [from, until]: the 14-day reminder for those 4 to 14 days away, the 3-day one for those 0 to 3 days away.</summary>
    private async Task<List<Due>> ReportsAsync(ReminderKind kind, DateOnly from, DateOnly until, CancellationToken ct)
    {
        var granted = await db.SubsidyApplications.AsNoTracking().ReportDueBetween(from, until)
            .OrderBy(a => a.Id).Take(BatchSize)
            .Select(a => new { a.Id, a.CompanyId, Company = a.Company!.Name, a.ResultReportDueOn, a.Window!.Program!.NameJa, a.Window.Program.NameEn })
            .ToListAsync(ct);
        return granted.Select(a => new Due(kind, a.Id, a.ResultReportDueOn!.Value,
            new ReminderFacts(a.NameJa, a.NameEn, a.Company, StartOfUtc(a.ResultReportDueOn.Value), Path("/company/subsidies/applications/", a.Id)),
            token => companies.MembersAsync(a.CompanyId, token))).ToList();
    }

    private static DateTime StartOfUtc(DateOnly japanDay) => JapanTime.ToUtc(japanDay.ToDateTime(TimeOnly.MinValue));

    private async Task<List<Due>> DraftsAsync(DateTime now, DateOnly today, CancellationToken ct)
    {
        var drafts = await db.SubsidyApplications.AsNoTracking()
            .DraftsClosingBefore(now, StartOfUtc(today.AddDays(DraftDaysBefore + 1)))
            .OrderBy(a => a.Id).Take(BatchSize)
            .Select(a => new { a.Id, a.CompanyId, Company = a.Company!.Name, a.Window!.ClosesAt, a.Window.Program!.NameJa, a.Window.Program.NameEn })
            .ToListAsync(ct);
        return drafts.Select(d => new Due(ReminderKind.DraftWindowCloses, d.Id, DateOnly.FromDateTime(JapanTime.ToJapan(d.ClosesAt)),
            new ReminderFacts(d.NameJa, d.NameEn, d.Company, d.ClosesAt, Path("/company/subsidies/applications/", d.Id)),
            token => companies.MembersAsync(d.CompanyId, token))).ToList();
    }

    private async Task<List<Due>> EventsAsync(DateOnly today, CancellationToken ct)
    {
        var tomorrow = today.AddDays(1);
        var registrations = await db.EventRegistrations.AsNoTracking()
            .RegisteredForEventsStarting(StartOfUtc(tomorrow), StartOfUtc(tomorrow.AddDays(1)))
            .OrderBy(r => r.Id).Take(BatchSize)
            .Select(r => new { r.Id, r.EventId, r.ParticipantName, r.ParticipantEmail, r.ContactCulture, r.Event!.TitleJa, r.Event.TitleEn, r.Event.StartsAt })
            .ToListAsync(ct);
        return registrations.Select(r => new Due(ReminderKind.EventTomorrow, r.Id, tomorrow,
            new ReminderFacts(r.TitleJa, r.TitleEn, r.ParticipantName, r.StartsAt, Path("/events/", r.EventId)),
            _ => Task.FromResult<IReadOnlyList<Recipient>>([new Recipient(r.ParticipantEmail, r.ContactCulture)]))).ToList();
    }

    private async Task<List<Due>> FollowUpsAsync(DateOnly today, CancellationToken ct)
    {
        var cases = await db.MemberSupportCases.AsNoTracking().FollowUpOn(today)
            .OrderBy(c => c.Id).Take(BatchSize)
            .Select(c => new { c.Id, c.RecordedByUserId, Company = c.Company!.Name, c.Advice })
            .ToListAsync(ct);
        return cases.Select(c => new Due(ReminderKind.FollowUpDue, c.Id, today,
            new ReminderFacts(c.Company, c.Company, c.Advice.Length <= 100 ? c.Advice : string.Concat(c.Advice.AsSpan(0, 99), "…"), StartOfUtc(today),
                Path("/outreach/support/", c.Id, "/edit")),
            async token => await users.OfAsync(c.RecordedByUserId, token) is { } staff ? [staff] : [])).ToList();
    }

    private static string Path(string prefix, int id, string suffix = "") => string.Create(CultureInfo.InvariantCulture, $"{prefix}{id}{suffix}");

    /// <summary>Sends each reminder not yet recorded, one SaveChanges each, so a reminder another node recorded meanwhile is refused alone.</summary>
    private async Task<int> SendAsync(List<Due> due, DateOnly today, CancellationToken ct)
    {
        if (due.Count == 0)
        {
            return 0;
        }
        var kind = due[0].Kind;
        var ids = due.Select(d => d.RecordId).ToList();
        var sent = (await db.SentReminders.AsNoTracking().Of(kind, today.AddDays(-1)).Where(s => ids.Contains(s.RecordId))
            .Select(s => new { s.RecordId, s.DueOn }).ToListAsync(ct)).Select(s => (s.RecordId, s.DueOn)).ToHashSet();
        var count = 0;
        foreach (var reminder in due.Where(d => !sent.Contains((d.RecordId, d.DueOn))))
        {
            var recipients = await reminder.Recipients(ct);
            var record = new SentReminder
            {
                Kind = reminder.Kind.ToString(), RecordId = reminder.RecordId, DueOn = reminder.DueOn,
                SentAt = clock.GetUtcNow().UtcDateTime, Recipients = recipients.Count,
            };
            db.SentReminders.Add(record);
            foreach (var recipient in recipients)
            {
                var content = mail.Compose(reminder.Kind, reminder.Facts, recipient.Culture);
                outbox.Enqueue(recipient.Email, content.Subject, content.Body, reminder.Facts.Path, recipient.UserId);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                count++;
            }
            catch (DbUpdateException)
            {
                // Another node (or run) recorded this reminder a moment earlier: its key refused this one, which
                // committed nothing. Let go of its mail and notices too, so that the next reminder saves alone.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
                if (!await db.SentReminders.AnyAsync(s => s.Kind == record.Kind && s.RecordId == record.RecordId && s.DueOn == record.DueOn, ct))
                {
                    throw;
                }
            }
        }
        return count;
    }
}
