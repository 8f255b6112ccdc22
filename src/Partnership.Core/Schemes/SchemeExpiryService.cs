using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Mail;

namespace Partnership.Core.Schemes;

/// <summary>
/// Daily work on accepted entries with an end date: a reminder 90 days and 30 days before the end (through the
/// outbox, once each), and expiry the day after the end. Safe to run as often as wanted: each step is recorded.
/// </summary>
public sealed class SchemeExpiryService(IAppDbContext db, IMailOutbox outbox, ISchemeMail mail, ICompanyRecipients recipients, TimeProvider clock)
{
    public sealed record Result(int Reminded, int Expired);

    public async Task<Result> RunAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = today.AddDays(90);
        var due = await db.SchemeEntries.Include(e => e.Scheme).Include(e => e.Company)
            .Where(e => e.Status == EntryStatus.Accepted && e.ValidUntil != null && e.ValidUntil <= horizon)
            .OrderBy(e => e.Id).Take(500).ToListAsync(ct);
        var successors = await db.SchemeEntries.AsNoTracking()
            .Where(e => e.RenewalOfId != null && due.Select(d => d.Id).Contains(e.RenewalOfId.Value) && e.Status != EntryStatus.Withdrawn && e.Status != EntryStatus.Rejected)
            .Select(e => e.RenewalOfId!.Value).ToListAsync(ct);
        int reminded = 0, expired = 0;
        foreach (var entry in due)
        {
            var end = entry.ValidUntil!.Value;
            if (end < today)
            {
                entry.Status = EntryStatus.Expired;
                if (entry.LiveKey == SchemeEntry.LiveKeyFor(entry.CompanyId, entry.SchemeId, renewal: false))
                {
                    entry.LiveKey = null;
                }
                entry.Events.Add(SchemeEvents.Create(clock, "expired", "system", null, null));
                if (!successors.Contains(entry.Id))
                {
                    await SchemeEvents.MailCompanyAsync(outbox, mail, recipients, entry, SchemeMailKind.Expired, ct);
                }
                expired++;
                continue;
            }
            if (successors.Contains(entry.Id))
            {
                continue;
            }
            var daysLeft = end.DayNumber - today.DayNumber;
            if (daysLeft <= 30 && entry.Reminder30SentAt is null)
            {
                entry.Reminder30SentAt = now;
                entry.Reminder90SentAt ??= now;
            }
            else if (daysLeft <= 90 && entry.Reminder90SentAt is null)
            {
                entry.Reminder90SentAt = now;
            }
            else
            {
                continue;
            }
            entry.Events.Add(SchemeEvents.Create(clock, "reminder-sent", "system", null, end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            await SchemeEvents.MailCompanyAsync(outbox, mail, recipients, entry, SchemeMailKind.ExpiresSoon, ct);
            reminded++;
        }
        await db.SaveChangesAsync(ct);
        return new Result(reminded, expired);
    }
}
