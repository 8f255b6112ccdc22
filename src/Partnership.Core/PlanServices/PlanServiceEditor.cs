using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.PlanServices;

/// <summary>A service an official can link to a measure: its code (an event's id) and its titles.</summary>
public sealed record ServiceChoice(ServiceKind Kind, string Code, string TitleJa, string TitleEn);

/// <summary>A link of a measure as the officials' page lists it, with the linked service's titles.</summary>
public sealed record LinkRow(int Id, ServiceKind Kind, string Code, string TitleJa, string TitleEn);

/// <summary>The kinds an official links by hand; outreach follows from the measure's side, never from a link.</summary>
public static class LinkableKinds
{
    public static readonly IReadOnlyList<ServiceKind> All =
        [ServiceKind.Subsidy, ServiceKind.Scheme, ServiceKind.Consultation, ServiceKind.Event, ServiceKind.Library];
}

/// <summary>
/// What Metro officials edit about a measure's services (docs/adr/0085-officials-edit-plan-services-and-library.md):
/// the links from a measure (by its stable key) to the services that serve it, chosen among the existing ones, and
/// the official offline note. Every refusal changes nothing; every change is audited by the audit interceptor.
/// </summary>
public sealed class PlanServiceEditor(IAppDbContext db, TimeProvider clock)
{
    /// <summary>The services of every linkable kind, in their own order; events only while they have not ended.</summary>
    public async Task<IReadOnlyList<ServiceChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var choices = new List<ServiceChoice>();
        choices.AddRange(await db.SubsidyPrograms.AsNoTracking().OrderBy(p => p.Order)
            .Select(p => new ServiceChoice(ServiceKind.Subsidy, p.Code, p.NameJa, p.NameEn)).ToListAsync(ct));
        choices.AddRange(await db.Schemes.AsNoTracking().OrderBy(s => s.Order)
            .Select(s => new ServiceChoice(ServiceKind.Scheme, s.Code, s.NameJa, s.NameEn)).ToListAsync(ct));
        choices.AddRange(await db.ConsultationDesks.AsNoTracking().OrderBy(d => d.Order)
            .Select(d => new ServiceChoice(ServiceKind.Consultation, d.Code, d.NameJa, d.NameEn)).ToListAsync(ct));
        var events = await db.PartnershipEvents.AsNoTracking().Where(e => e.EndsAt > now).OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.TitleJa, e.TitleEn }).ToListAsync(ct);
        choices.AddRange(events.Select(e => new ServiceChoice(ServiceKind.Event, e.Id.ToString(CultureInfo.InvariantCulture), e.TitleJa, e.TitleEn)));
        choices.AddRange(await db.LibraryArticles.AsNoTracking().OrderBy(a => a.Code)
            .Select(a => new ServiceChoice(ServiceKind.Library, a.Code, a.TitleJa, a.TitleEn)).ToListAsync(ct));
        return choices;
    }

    /// <summary>The links of a measure, with the titles of what they point at (a link to a removed service shows its code).</summary>
    public async Task<IReadOnlyList<LinkRow>> LinksAsync(string measureKey, CancellationToken ct = default)
    {
        var links = await db.MeasureServiceLinks.AsNoTracking().Where(l => l.MeasureKey == measureKey)
            .OrderBy(l => l.Kind).ThenBy(l => l.ServiceCode).ToListAsync(ct);
        var choices = await ChoicesAsync(ct);
        return links.Select(l => choices.FirstOrDefault(c => c.Kind == l.Kind && c.Code == l.ServiceCode) is { } c
                ? new LinkRow(l.Id, l.Kind, l.ServiceCode, c.TitleJa, c.TitleEn)
                : new LinkRow(l.Id, l.Kind, l.ServiceCode, l.ServiceCode, l.ServiceCode))
            .ToList();
    }

    public Task<MeasureOfflineNote?> NoteAsync(string measureKey, CancellationToken ct = default) =>
        db.MeasureOfflineNotes.AsNoTracking().SingleOrDefaultAsync(n => n.MeasureKey == measureKey, ct);

    /// <summary>
    /// Links a measure to an existing service of a linkable kind. Refused: an unknown kind, a code that is not one
    /// of that kind's services (an event that has ended included), a service the measure already has.
    /// </summary>
    public async Task<Outcome<int>> AddLinkAsync(string measureKey, ServiceKind? kind, string? code, CancellationToken ct = default)
    {
        if (kind is not { } k || !LinkableKinds.All.Contains(k))
        {
            return Outcome<int>.Invalid("Kind", "Validation.RequiredChoice");
        }
        code = (code ?? "").Trim();
        if (code.Length == 0)
        {
            return Outcome<int>.Invalid("Code", "Validation.RequiredChoice");
        }
        var choices = await ChoicesAsync(ct);
        if (!choices.Any(c => c.Kind == k && c.Code == code))
        {
            return Outcome<int>.Invalid("Code", "PlanAdmin.UnknownService");
        }
        if (await db.MeasureServiceLinks.AnyAsync(l => l.MeasureKey == measureKey && l.Kind == k && l.ServiceCode == code, ct))
        {
            return Outcome<int>.Invalid("Code", "PlanAdmin.AlreadyLinked");
        }
        var link = new MeasureServiceLink { MeasureKey = measureKey, Kind = k, ServiceCode = code };
        db.MeasureServiceLinks.Add(link);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link added meanwhile by another official: the unique index refuses the second.
            db.MeasureServiceLinks.Entry(link).State = EntityState.Detached;
            return Outcome<int>.Invalid("Code", "PlanAdmin.AlreadyLinked");
        }
        return Outcome<int>.Ok(link.Id);
    }

    /// <summary>Removes one link of the measure; a link of another measure is not found.</summary>
    public async Task<Outcome<bool>> RemoveLinkAsync(string measureKey, int linkId, CancellationToken ct = default)
    {
        var link = await db.MeasureServiceLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.MeasureKey == measureKey, ct);
        if (link is null)
        {
            return Outcome<bool>.NotFound();
        }
        db.MeasureServiceLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Saves the offline note in both languages, or removes it when both are left empty. One language without the
    /// other is refused (the English page would show nothing); a note changed meanwhile is never overwritten.
    /// </summary>
    public async Task<Outcome<bool>> SaveNoteAsync(string measureKey, string? noteJa, string? noteEn, Guid? expectedVersion, CancellationToken ct = default)
    {
        noteJa = (noteJa ?? "").Trim();
        noteEn = (noteEn ?? "").Trim();
        var note = await db.MeasureOfflineNotes.SingleOrDefaultAsync(n => n.MeasureKey == measureKey, ct);
        // A version the official started from must still be the note's; starting from no note, there must still be none.
        if (note?.Version != expectedVersion)
        {
            return Outcome<bool>.Conflict("PlanAdmin.NoteChanged");
        }
        if (noteJa.Length == 0 && noteEn.Length == 0)
        {
            if (note is not null)
            {
                db.MeasureOfflineNotes.Remove(note);
                await db.SaveChangesAsync(ct);
            }
            return Outcome<bool>.Ok(false);
        }
        var errors = new List<FieldError>();
        TextRules.CheckField(errors, "NoteJa", noteJa, MeasureOfflineNote.NoteMaxLength, required: true);
        TextRules.CheckField(errors, "NoteEn", noteEn, MeasureOfflineNote.NoteMaxLength, required: true);
        if (errors.Count > 0)
        {
            return Outcome<bool>.Invalid(errors);
        }
        if (note is null)
        {
            db.MeasureOfflineNotes.Add(new MeasureOfflineNote { MeasureKey = measureKey, NoteJa = noteJa, NoteEn = noteEn });
        }
        else
        {
            note.NoteJa = noteJa;
            note.NoteEn = noteEn;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Conflict("PlanAdmin.NoteChanged");
        }
        return Outcome<bool>.Ok(true);
    }
}
