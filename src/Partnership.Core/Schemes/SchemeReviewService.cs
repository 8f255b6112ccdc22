using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Mail;

namespace Partnership.Core.Schemes;

public enum Decision
{
    Accept = 1,
    Return = 2,
    Reject = 3,
}

public sealed record ReviewFilter(
    string? SchemeCode = null, EntryStatus? Status = EntryStatus.Submitted, string? AreaCode = null, string? MunicipalityCode = null,
    DateOnly? SubmittedFrom = null, DateOnly? SubmittedTo = null, int Page = 1, int PageSize = 50)
{
    /// <summary>Accepted ones, whether still valid or since expired (the dashboard's 受理・認定); <see cref="Status"/> is then null.</summary>
    public bool AcceptedOrExpired { get; init; }

    /// <summary>Only entries in force on this day (the dashboard's 有効).</summary>
    public DateOnly? InForceOn { get; init; }

    /// <summary>Only entries in force whose validity ends within <see cref="ExpiringDays"/> days of this day (the dashboard's 期限間近).</summary>
    public DateOnly? ExpiringFrom { get; init; }

    public const int ExpiringDays = 90;
}

public sealed record ReviewRow(int Id, string SchemeCode, string SchemeJa, string SchemeEn, string CompanyName, string CityName, EntryStatus Status, DateTime? FirstSubmittedAt, DateTime? SubmittedAt, string? Number, bool IsRenewal);

public sealed record ReviewQueue(IReadOnlyList<ReviewRow> Rows, IReadOnlyDictionary<EntryStatus, int> Counts, int Total, int Page, int PageSize);

/// <summary>
/// Metro's side: the review queue, decisions (accept, return for correction, reject) guarded by the entry's
/// concurrency token, and the publication of new form versions.
/// </summary>
public sealed class SchemeReviewService(IAppDbContext db, IMailOutbox outbox, ISchemeMail mail, ICompanyRecipients recipients, TimeProvider clock)
{
    public const int ReasonMaxLength = 1000;

    public async Task<ReviewQueue> QueueAsync(ReviewFilter filter, CancellationToken ct = default)
    {
        var query = db.SchemeEntries.AsNoTracking().Where(e => e.Status != EntryStatus.Draft)
            .OfScheme(filter.SchemeCode).InArea(filter.AreaCode).OfCompaniesIn(filter.MunicipalityCode);
        if (filter.SubmittedFrom is { } from)
        {
            var fromUtc = JapanTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.FirstSubmittedAt >= fromUtc);
        }
        if (filter.SubmittedTo is { } to)
        {
            var toUtc = JapanTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.FirstSubmittedAt < toUtc);
        }
        if (filter.InForceOn is { } day)
        {
            query = query.InForceOn(day);
        }
        if (filter.ExpiringFrom is { } first)
        {
            query = query.EndingBetween(first, first.AddDays(ReviewFilter.ExpiringDays));
        }
        var counts = await query.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        if (filter.AcceptedOrExpired)
        {
            query = query.Where(e => e.Status == EntryStatus.Accepted || e.Status == EntryStatus.Expired);
        }
        else if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var rows = await query
            .OrderBy(e => e.SubmittedAt == null).ThenBy(e => e.SubmittedAt).ThenBy(e => e.Id)
            .Skip((page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(e => new ReviewRow(e.Id, e.Scheme!.Code, e.Scheme.NameJa, e.Scheme.NameEn, e.Company!.Name, e.Company.CityName, e.Status,
                e.FirstSubmittedAt, e.SubmittedAt, e.Number, e.RenewalOfId != null))
            .ToListAsync(ct);
        return new ReviewQueue(rows, counts, total, page, filter.PageSize);
    }

    public Task<SchemeEntry?> FindAsync(int entryId, CancellationToken ct = default) =>
        SchemeEvents.Full(db).SingleOrDefaultAsync(e => e.Id == entryId && e.Status != EntryStatus.Draft, ct);

    /// <summary>
    /// Decides a submitted entry. The caller's version must be the entry's current one: when another official
    /// decided first, this one is told (Conflict) and nothing is overwritten.
    /// </summary>
    public async Task<Outcome<SchemeEntry>> DecideAsync(int entryId, Decision decision, string? reason, Guid expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.SchemeEntries.Include(e => e.Scheme).Include(e => e.Company).Include(e => e.RenewalOf)
            .SingleOrDefaultAsync(e => e.Id == entryId && e.Status != EntryStatus.Draft, ct);
        if (entry is null)
        {
            return Outcome<SchemeEntry>.NotFound();
        }
        var action = decision switch
        {
            Decision.Accept => EntryAction.Accept,
            Decision.Return => EntryAction.Return,
            Decision.Reject => EntryAction.Reject,
            _ => (EntryAction?)null,
        };
        if (action is null)
        {
            return Outcome<SchemeEntry>.Invalid("Decision", "Scheme.ChooseDecision");
        }
        if (entry.Version != expectedVersion)
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.DecidedMeanwhile");
        }
        if (EntryStateMachine.Next(entry.Status, action.Value) is not { } next)
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.NotAllowedNow");
        }
        reason = (reason ?? "").Trim();
        if (decision != Decision.Accept && reason.Length == 0)
        {
            return Outcome<SchemeEntry>.Invalid("Reason", "Scheme.ReasonRequired");
        }
        if (reason.Length > ReasonMaxLength)
        {
            return Outcome<SchemeEntry>.Invalid("Reason", "Scheme.ReasonTooLong");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var mails = new List<OutboxMessage>();
        entry.Status = next;
        entry.Reason = reason.Length == 0 ? null : reason;
        switch (decision)
        {
            case Decision.Accept:
                await AcceptAsync(entry, now, ct);
                entry.Events.Add(SchemeEvents.Create(clock, "accepted", "metro", actor, null));
                mails = await SchemeEvents.MailCompanyAsync(outbox, mail, recipients, entry, SchemeMailKind.Accepted, ct);
                break;
            case Decision.Return:
                entry.Events.Add(SchemeEvents.Create(clock, "returned", "metro", actor, reason));
                mails = await SchemeEvents.MailCompanyAsync(outbox, mail, recipients, entry, SchemeMailKind.Returned, ct);
                break;
            default:
                entry.DecidedAt = now;
                entry.LiveKey = null;
                entry.Events.Add(SchemeEvents.Create(clock, "rejected", "metro", actor, reason));
                mails = await SchemeEvents.MailCompanyAsync(outbox, mail, recipients, entry, SchemeMailKind.Rejected, ct);
                break;
        }
        db.Entry(entry).Property(e => e.Version).OriginalValue = expectedVersion;
        if (entry.RenewalOf is { } renewed && decision == Decision.Accept)
        {
            // The renewed entry stops being live (it stays in force until its end date); this one takes its place.
            renewed.LiveKey = null;
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<SchemeEntry>.Ok(entry);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<SchemeEntry>.Conflict("Scheme.DecidedMeanwhile");
            }
            catch (DbUpdateException) when (decision == Decision.Accept && entry.RenewalOfId is null && attempt < 5)
            {
                // Two acceptances in the same scheme took the same next number: take the one after.
                entry.IssuedNumber = await NextNumberAsync(entry.Scheme!, now, ct);
                entry.Number = entry.IssuedNumber;
                foreach (var message in mails)
                {
                    db.Entry(message).State = EntityState.Detached;
                }
                mails = await SchemeEvents.MailCompanyAsync(outbox, mail, recipients, entry, SchemeMailKind.Accepted, ct);
            }
        }
    }

    /// <summary>Number and validity. A renewal keeps the number and starts the day after the renewed entry ends.</summary>
    private async Task AcceptAsync(SchemeEntry entry, DateTime now, CancellationToken ct)
    {
        var scheme = entry.Scheme!;
        var today = DateOnly.FromDateTime(JapanTime.ToJapan(now));
        entry.DecidedAt = now;
        entry.LiveKey = SchemeEntry.LiveKeyFor(entry.CompanyId, entry.SchemeId, renewal: false);
        if (entry.RenewalOf is { } renewed)
        {
            entry.Number = renewed.Number;
            entry.ValidFrom = renewed.ValidUntil is { } end && end >= today ? end.AddDays(1) : today;
        }
        else
        {
            entry.IssuedNumber = await NextNumberAsync(scheme, now, ct);
            entry.Number = entry.IssuedNumber;
            entry.ValidFrom = today;
        }
        entry.ValidUntil = scheme.ValidUntilField is { } field
            ? FormDefinition.ParseDate(entry.Answers.Single(field))
            : scheme.ValidityMonths is { } months ? entry.ValidFrom.Value.AddMonths(months).AddDays(-1) : null;
    }

    /// <summary>PREFIX-FY-00001, numbered per scheme and fiscal year of acceptance.</summary>
    private async Task<string> NextNumberAsync(Scheme scheme, DateTime now, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{scheme.NumberPrefix}-{JapanTime.FiscalYearOf(now)}-");
        var last = await db.SchemeEntries.Where(e => e.SchemeId == scheme.Id && e.IssuedNumber != null && e.IssuedNumber.StartsWith(prefix))
            .MaxAsync(e => e.IssuedNumber, ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("D5", CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<(Scheme Scheme, SchemeFormVersion Current, int Versions)>> FormsAsync(CancellationToken ct = default)
    {
        var schemes = await db.Schemes.AsNoTracking().OrderBy(s => s.Order).ToListAsync(ct);
        var versions = await db.SchemeFormVersions.AsNoTracking().ToListAsync(ct);
        return schemes.Select(s =>
        {
            var own = versions.Where(v => v.SchemeId == s.Id).OrderByDescending(v => v.Number).ToList();
            return (s, own[0], own.Count);
        }).ToList();
    }

    /// <summary>
    /// Publishes a new version of a scheme's form. <paramref name="expectedCurrent"/> is the version the official
    /// edited: if someone published in between, nothing is published. Drafts move to it when next opened.
    /// </summary>
    public async Task<Outcome<SchemeFormVersion>> PublishFormAsync(string schemeCode, FormDefinition definition, int expectedCurrent, Actor actor, CancellationToken ct = default)
    {
        var scheme = await db.Schemes.SingleOrDefaultAsync(s => s.Code == schemeCode, ct);
        if (scheme is null)
        {
            return Outcome<SchemeFormVersion>.NotFound();
        }
        var errors = definition.CheckDefinition();
        if (errors.Count > 0)
        {
            return Outcome<SchemeFormVersion>.Invalid(errors);
        }
        var current = await db.SchemeFormVersions.Where(v => v.SchemeId == scheme.Id).MaxAsync(v => v.Number, ct);
        if (current != expectedCurrent)
        {
            return Outcome<SchemeFormVersion>.Conflict("SchemeForm.PublishedMeanwhile");
        }
        var version = new SchemeFormVersion
        {
            SchemeId = scheme.Id, Number = current + 1, DefinitionJson = definition.ToJson(), PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = actor.Name,
        };
        db.SchemeFormVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(version).State = EntityState.Detached;
            return Outcome<SchemeFormVersion>.Conflict("SchemeForm.PublishedMeanwhile");
        }
        return Outcome<SchemeFormVersion>.Ok(version);
    }
}
