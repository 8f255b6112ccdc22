using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Mail;

namespace Partnership.Core.Events;

/// <summary>Writes the mail sent when a registration moves up from the waiting list, in the registrant's language.</summary>
public interface IEventMail
{
    MailContent Promoted(PartnershipEvent e, EventRegistration registration);
}

/// <summary>Who registers: the company user, their company, where mail about it goes and in which language.</summary>
public sealed record Registrant(int CompanyId, string UserId, string ContactEmail, string Culture);

public sealed record EventFilter(string? AreaCode, int? Year, int? Month, OrganiserSide? Organiser, bool Past);

public sealed record EventRow(PartnershipEvent Event, string AreaCode, string AreaNameJa, string AreaNameEn, int Waiting, int Attended);

public sealed record RegistrationRow(EventRegistration Registration, int? WaitingPosition);

/// <summary>
/// Events and registrations. Places are taken and given back only by conditional updates of the event row, the
/// first statement of each registration transaction, so capacity holds on SQLite and SQL Server alike
/// (docs/adr/0021-event-capacity.md).
/// </summary>
public sealed class EventService(IAppDbContext db, IMailOutbox outbox, IEventMail mail, TimeProvider clock)
{
    /// <summary>Which organiser sides a member of staff may run events for.</summary>
    public static IReadOnlyList<OrganiserSide> SidesFor(bool metroOfficial, bool chamberStaff) =>
        [.. (metroOfficial ? new[] { OrganiserSide.Metro } : []), .. (chamberStaff ? new[] { OrganiserSide.Chamber } : []),
         .. (metroOfficial || chamberStaff ? new[] { OrganiserSide.Joint } : [])];

    public async Task<List<EventRow>> ListAsync(EventFilter filter, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.PartnershipEvents.AsNoTracking().Where(e => filter.Past ? e.EndsAt <= now : e.EndsAt > now);
        if (filter.Organiser is { } side)
        {
            query = query.Where(e => e.Organiser == side);
        }
        if (!string.IsNullOrEmpty(filter.AreaCode))
        {
            query = query.Where(e => e.Measure!.Area!.Code == filter.AreaCode);
        }
        if (filter.Year is { } year && filter.Month is { } month && month is >= 1 and <= 12 && year is >= 2000 and <= 2100)
        {
            var from = JapanTime.ToUtc(new DateTime(year, month, 1));
            var to = JapanTime.ToUtc(new DateTime(year, month, 1).AddMonths(1));
            query = query.Where(e => e.StartsAt >= from && e.StartsAt < to);
        }
        query = filter.Past ? query.OrderByDescending(e => e.StartsAt) : query.OrderBy(e => e.StartsAt);
        return await query.Take(200)
            .Select(e => new EventRow(e, e.Measure!.Area!.Code, e.Measure.Area.NameJa, e.Measure.Area.NameEn,
                db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting),
                db.EventRegistrations.Count(r => r.EventId == e.Id && r.Attended == true)))
            .ToListAsync(ct);
    }

    public Task<PartnershipEvent?> FindAsync(int id, CancellationToken ct = default) =>
        db.PartnershipEvents.AsNoTracking().Include(e => e.Measure).ThenInclude(m => m!.Area).SingleOrDefaultAsync(e => e.Id == id, ct);

    public Task<int> WaitingCountAsync(int eventId, CancellationToken ct = default) =>
        db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waiting, ct);

    public Task<int> AttendedCountAsync(int eventId, CancellationToken ct = default) =>
        db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Attended == true, ct);

    public async Task<Outcome<int>> CreateAsync(EventInput input, IReadOnlyList<OrganiserSide> allowedSides, CancellationToken ct = default)
    {
        var (valid, errors) = EventRules.Validate(input, clock.GetUtcNow().UtcDateTime, 0, null);
        if (valid is not null && !allowedSides.Contains(valid.Organiser))
        {
            errors.Add(new(nameof(input.Organiser), "Event.OrganiserNotYours"));
        }
        if (valid is not null && !await db.Measures.AnyAsync(m => m.Id == input.MeasureId, ct))
        {
            errors.Add(new(nameof(input.MeasureId), "Validation.RequiredChoice"));
        }
        if (valid is null || errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var e = new PartnershipEvent { TitleJa = "" };
        valid.ApplyTo(e);
        db.PartnershipEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(e.Id);
    }

    /// <summary>
    /// Changes an event. The capacity may not fall below the places taken; a larger capacity moves the first on the
    /// waiting list up at once. Every registration renews the version, so an edit made from a stale page is refused.
    /// </summary>
    public async Task<Outcome<Guid>> UpdateAsync(int id, EventInput input, Guid expectedVersion, IReadOnlyList<OrganiserSide> allowedSides, CancellationToken ct = default)
    {
        var e = await db.PartnershipEvents.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !allowedSides.Contains(e.Organiser))
        {
            return Outcome<Guid>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (valid, errors) = EventRules.Validate(input, now, e.Registered, e.StartsAt);
        if (valid is not null && !allowedSides.Contains(valid.Organiser))
        {
            errors.Add(new(nameof(input.Organiser), "Event.OrganiserNotYours"));
        }
        if (valid is not null && !await db.Measures.AnyAsync(m => m.Id == input.MeasureId, ct))
        {
            errors.Add(new(nameof(input.MeasureId), "Validation.RequiredChoice"));
        }
        if (valid is null || errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (e.Version != expectedVersion)
        {
            return Outcome<Guid>.Conflict("Event.ChangedMeanwhile");
        }
        db.Entry(e).Property(x => x.Version).OriginalValue = expectedVersion;
        valid.ApplyTo(e);
        if (e.Capacity > e.Registered)
        {
            var waiting = await db.EventRegistrations.Where(r => r.EventId == id && r.Status == RegistrationStatus.Waiting).OrderBy(r => r.Id).Take(e.Capacity - e.Registered).ToListAsync(ct);
            foreach (var next in EventRules.ToPromote(waiting, e.Capacity - e.Registered))
            {
                Promote(e, next, now);
                e.Registered++;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict("Event.ChangedMeanwhile");
        }
        return Outcome<Guid>.Ok(e.Version);
    }

    /// <summary>
    /// Registers one participant. A free place is taken by a conditional update (Registered &lt; Capacity) in the same
    /// transaction as the registration; without one the registration joins the waiting list, in arrival order.
    /// </summary>
    public async Task<Outcome<RegistrationStatus>> RegisterAsync(int eventId, Registrant who, string? participantName, string? participantEmail, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var name = participantName?.Trim() ?? "";
        var email = participantEmail?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new("ParticipantName", "Validation.Required"));
        }
        else if (name.Length > EventRegistration.NameMaxLength)
        {
            errors.Add(new("ParticipantName", "Validation.TooLong"));
        }
        if (email.Length == 0)
        {
            errors.Add(new("ParticipantEmail", "Validation.Required"));
        }
        else if (email.Length > EventRegistration.EmailMaxLength || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            errors.Add(new("ParticipantEmail", "Validation.Email"));
        }
        if (errors.Count > 0)
        {
            return Outcome<RegistrationStatus>.Invalid(errors);
        }
        var e = await db.PartnershipEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<RegistrationStatus>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!e.IsRegistrationOpenAt(now))
        {
            return Outcome<RegistrationStatus>.Invalid("", now < e.RegistrationOpensAt ? "Event.RegistrationNotOpenYet" : "Event.RegistrationClosed");
        }
        var active = EventRules.NormaliseEmail(email);
        if (await db.EventRegistrations.AnyAsync(r => r.EventId == eventId && r.ActiveEmail == active, ct))
        {
            return Outcome<RegistrationStatus>.Invalid("ParticipantEmail", "Event.AlreadyRegistered");
        }

        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        // First statement: lock the event row (SQLite: the write lock), so registrations of one event queue up.
        // Then take a place only if one is free, in the database, not from a value read earlier.
        var version = Guid.NewGuid();
        await db.PartnershipEvents.Where(x => x.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, version), ct);
        var took = await db.PartnershipEvents
            .Where(x => x.Id == eventId && x.Registered < x.Capacity && !db.EventRegistrations.Any(r => r.EventId == eventId && r.Status == RegistrationStatus.Waiting))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Registered, x => x.Registered + 1), ct);
        var registration = new EventRegistration
        {
            EventId = eventId,
            CompanyId = who.CompanyId,
            RegisteredByUserId = who.UserId,
            ParticipantName = name,
            ParticipantEmail = email,
            ActiveEmail = active,
            Status = took == 1 ? RegistrationStatus.Registered : RegistrationStatus.Waiting,
            RequestedAt = now,
            ContactEmail = who.ContactEmail,
            ContactCulture = who.Culture,
        };
        db.EventRegistrations.Add(registration);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on (EventId, ActiveEmail) decided a race: the same person registered a moment earlier.
            await transaction.RollbackAsync(ct);
            db.Entry(registration).State = EntityState.Detached;
            return Outcome<RegistrationStatus>.Invalid("ParticipantEmail", "Event.AlreadyRegistered");
        }
        return Outcome<RegistrationStatus>.Ok(registration.Status);
    }

    /// <summary>A company cancels one of its registrations before the event; a freed place goes to the first on the waiting list, with a mail.</summary>
    public async Task<Outcome<int>> CancelAsync(int registrationId, int companyId, CancellationToken ct = default)
    {
        var eventId = await db.EventRegistrations.Where(r => r.Id == registrationId && r.CompanyId == companyId).Select(r => (int?)r.EventId).SingleOrDefaultAsync(ct);
        if (eventId is null)
        {
            return Outcome<int>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var version = Guid.NewGuid();
        await db.PartnershipEvents.Where(x => x.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, version), ct);
        var registration = await db.EventRegistrations.SingleAsync(r => r.Id == registrationId, ct);
        var e = await db.PartnershipEvents.AsNoTracking().SingleAsync(x => x.Id == eventId, ct);
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return Outcome<int>.Conflict("Event.AlreadyCancelled");
        }
        if (e.StartsAt <= now)
        {
            return Outcome<int>.Conflict("Event.CancelAfterStart");
        }
        var freed = registration.Status == RegistrationStatus.Registered;
        registration.Status = RegistrationStatus.Cancelled;
        registration.ActiveEmail = null;
        registration.CancelledAt = now;
        if (freed)
        {
            var waiting = await db.EventRegistrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waiting).OrderBy(r => r.Id).Take(1).ToListAsync(ct);
            var promoted = EventRules.ToPromote(waiting, 1);
            foreach (var next in promoted)
            {
                Promote(e, next, now);
            }
            if (promoted.Count == 0)
            {
                await db.PartnershipEvents.Where(x => x.Id == eventId && x.Registered > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Registered, x => x.Registered - 1), ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<int>.Ok(eventId.Value);
    }

    private void Promote(PartnershipEvent e, EventRegistration next, DateTime now)
    {
        next.Status = RegistrationStatus.Registered;
        next.PromotedAt = now;
        var content = mail.Promoted(e, next);
        outbox.Enqueue(next.ContactEmail, content.Subject, content.Body, $"/events/{e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>The organiser records whether a registered participant came; only once the event has begun.</summary>
    public async Task<Outcome<bool>> RecordAttendanceAsync(int eventId, int registrationId, bool attended, IReadOnlyList<OrganiserSide> allowedSides, CancellationToken ct = default)
    {
        var e = await db.PartnershipEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, ct);
        if (e is null || registration is null || !allowedSides.Contains(e.Organiser))
        {
            return Outcome<bool>.NotFound();
        }
        if (e.StartsAt > clock.GetUtcNow().UtcDateTime)
        {
            return Outcome<bool>.Conflict("Event.AttendanceBeforeStart");
        }
        if (registration.Status != RegistrationStatus.Registered)
        {
            return Outcome<bool>.Conflict("Event.AttendanceNotRegistered");
        }
        registration.Attended = attended;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(attended);
    }

    public async Task<List<RegistrationRow>> RegistrationsAsync(int eventId, CancellationToken ct = default) =>
        Rows(await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync(ct));

    public async Task<List<RegistrationRow>> CompanyRegistrationsAsync(int companyId, int? eventId = null, CancellationToken ct = default)
    {
        var mine = await db.EventRegistrations.AsNoTracking().Include(r => r.Event)
            .Where(r => r.CompanyId == companyId && (eventId == null || r.EventId == eventId))
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        var eventIds = mine.Where(r => r.Status == RegistrationStatus.Waiting).Select(r => r.EventId).Distinct().ToList();
        var waiting = await db.EventRegistrations.AsNoTracking()
            .Where(r => eventIds.Contains(r.EventId) && r.Status == RegistrationStatus.Waiting).ToListAsync(ct);
        return mine.Select(r => new RegistrationRow(r, EventRules.WaitingPosition(waiting.Where(w => w.EventId == r.EventId), r))).ToList();
    }

    private static List<RegistrationRow> Rows(List<EventRegistration> all) =>
        all.Select(r => new RegistrationRow(r, EventRules.WaitingPosition(all, r))).ToList();
}
