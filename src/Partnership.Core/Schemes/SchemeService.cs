using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Mail;

namespace Partnership.Core.Schemes;

/// <summary>What the company's scheme page lists: each scheme with the company's entries in it.</summary>
public sealed record SchemeOverview(Scheme Scheme, IReadOnlyList<SchemeEntry> Entries);

/// <summary>An entry as its form shows it: the answers on the current form version, and what moved.</summary>
public sealed record EntryForm(SchemeEntry Entry, SchemeFormVersion Form, FormAnswers Answers, IReadOnlyList<MigrationNote> MigrationNotes, bool IsEditable);

public sealed record StartResult(int EntryId, bool AlreadyThere);

/// <summary>
/// The company's side of the schemes: start a draft, save it as it is typed, submit it whole, withdraw it,
/// answer a return, renew, choose the public directory, report progress. Every command is for the caller's
/// own company (the controller passes the membership's company id) and is checked by the state machine.
/// </summary>
public sealed class SchemeService(IAppDbContext db, IMailOutbox outbox, ISchemeMail mail, ICompanyRecipients recipients, TimeProvider clock, Outreach.IReferralConversions conversions)
{
    public const int NoteMaxLength = 1000;

    public Task<List<Scheme>> SchemesAsync(CancellationToken ct = default) =>
        db.Schemes.AsNoTracking().OrderBy(s => s.Order).ToListAsync(ct);

    public Task<Scheme?> SchemeAsync(string code, CancellationToken ct = default) =>
        db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code, ct);

    public Task<SchemeFormVersion> CurrentFormAsync(int schemeId, CancellationToken ct = default) =>
        db.SchemeFormVersions.AsNoTracking().Where(v => v.SchemeId == schemeId).OrderByDescending(v => v.Number).FirstAsync(ct);

    public async Task<IReadOnlyList<SchemeOverview>> OverviewAsync(int companyId, CancellationToken ct = default)
    {
        var schemes = await SchemesAsync(ct);
        var entries = await db.SchemeEntries.AsNoTracking().Where(e => e.CompanyId == companyId)
            .OrderByDescending(e => e.Id).ToListAsync(ct);
        return schemes.Select(s => new SchemeOverview(s, entries.Where(e => e.SchemeId == s.Id).ToList())).ToList();
    }

    /// <summary>Starts a draft, or returns the live entry the company already has (a double click starts one).</summary>
    public async Task<Outcome<StartResult>> StartAsync(int companyId, string schemeCode, Actor actor, CancellationToken ct = default)
    {
        var scheme = await SchemeAsync(schemeCode, ct);
        if (scheme is null)
        {
            return Outcome<StartResult>.NotFound();
        }
        var liveKey = SchemeEntry.LiveKeyFor(companyId, scheme.Id, renewal: false);
        if (await db.SchemeEntries.AsNoTracking().FirstOrDefaultAsync(e => e.LiveKey == liveKey, ct) is { } live)
        {
            return Outcome<StartResult>.Ok(new StartResult(live.Id, AlreadyThere: true));
        }
        var form = await CurrentFormAsync(scheme.Id, ct);
        var entry = NewDraft(companyId, scheme.Id, form.Id, liveKey, []);
        entry.Events.Add(Event("started", "company", actor, null));
        db.SchemeEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request of the same company won the unique live key a moment earlier: use its draft.
            db.Entry(entry).State = EntityState.Detached;
            var winner = await db.SchemeEntries.AsNoTracking().FirstAsync(e => e.LiveKey == liveKey, ct);
            return Outcome<StartResult>.Ok(new StartResult(winner.Id, AlreadyThere: true));
        }
        return Outcome<StartResult>.Ok(new StartResult(entry.Id, AlreadyThere: false));
    }

    /// <summary>The entry with everything its page shows, if it belongs to the company; null otherwise.</summary>
    public Task<SchemeEntry?> FindAsync(int entryId, int companyId, CancellationToken ct = default) =>
        Full().SingleOrDefaultAsync(e => e.Id == entryId && e.CompanyId == companyId, ct);

    /// <summary>
    /// The form to show: an editable entry started on an older version of the form is shown on the current
    /// version, with the answers that had no place in it named; the move is saved with the next save.
    /// </summary>
    public async Task<EntryForm> FormAsync(SchemeEntry entry, CancellationToken ct = default)
    {
        var editable = EntryStateMachine.Can(entry.Status, EntryAction.Edit);
        var own = entry.FormVersion ?? await db.SchemeFormVersions.AsNoTracking().SingleAsync(v => v.Id == entry.FormVersionId, ct);
        if (!editable)
        {
            return new EntryForm(entry, own, entry.Answers, [], false);
        }
        var current = await CurrentFormAsync(entry.SchemeId, ct);
        if (current.Id == own.Id)
        {
            return new EntryForm(entry, own, entry.Answers, [], true);
        }
        var (answers, notes) = current.Definition.Migrate(own.Definition, entry.Answers);
        return new EntryForm(entry, current, answers, notes, true);
    }

    /// <summary>
    /// Saves the working answers as typed (autosave or the save button). The draft may be incomplete, but a
    /// value that cannot be right (text too long, a number out of range, an option not offered) is refused
    /// and nothing is saved. The consent to be listed in the public directory is part of the draft like any
    /// other answer, so a ticked box comes back ticked.
    /// </summary>
    public async Task<Outcome<SchemeEntry>> SaveDraftAsync(
        int entryId, int companyId, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> posted, bool listInDirectory, Guid expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.SchemeEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.CompanyId == companyId, ct);
        if (entry is null)
        {
            return Outcome<SchemeEntry>.NotFound();
        }
        if (!EntryStateMachine.Can(entry.Status, EntryAction.Edit))
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.NotEditable");
        }
        if (entry.Version != expectedVersion)
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.DraftChangedElsewhere");
        }
        var form = await CurrentFormAsync(entry.SchemeId, ct);
        var answers = form.Definition.Clean(posted);
        if (form.Definition.CheckValues(answers) is { Count: > 0 } wrong)
        {
            return Outcome<SchemeEntry>.Invalid(wrong);
        }
        entry.FormVersionId = form.Id;
        entry.Answers = answers;
        entry.ListInDirectory = listInDirectory;
        entry.DraftSavedAt = clock.GetUtcNow().UtcDateTime;
        entry.UpdatedBy = actor.UserId;
        return await SaveAsync(entry, expectedVersion, ct);
    }

    /// <summary>
    /// Submits the whole form. The answers are saved first, valid or not, so nothing typed is lost; the form is
    /// then checked as a whole and, if it passes, frozen as a new submission. Submitting an entry that is already
    /// submitted (a double click, a second tab) changes nothing and succeeds.
    /// </summary>
    public async Task<Outcome<SchemeEntry>> SubmitAsync(
        int entryId, int companyId, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> posted, bool listInDirectory, Guid expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.SchemeEntries.Include(e => e.Scheme).Include(e => e.Company)
            .SingleOrDefaultAsync(e => e.Id == entryId && e.CompanyId == companyId, ct);
        if (entry is null)
        {
            return Outcome<SchemeEntry>.NotFound();
        }
        if (entry.Status == EntryStatus.Submitted)
        {
            return Outcome<SchemeEntry>.Ok(entry);
        }
        if (!EntryStateMachine.Can(entry.Status, EntryAction.Submit))
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.NotAllowedNow");
        }
        if (entry.Version != expectedVersion)
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.DraftChangedElsewhere");
        }
        var form = await CurrentFormAsync(entry.SchemeId, ct);
        var answers = form.Definition.Clean(posted);
        if (form.Definition.CheckValues(answers) is { Count: > 0 } wrong)
        {
            // A value that cannot be right is not saved; the form shows it again with the reason.
            return Outcome<SchemeEntry>.Invalid(form.Definition.Validate(answers));
        }
        entry.FormVersionId = form.Id;
        entry.Answers = answers;
        entry.ListInDirectory = listInDirectory;
        entry.DraftSavedAt = clock.GetUtcNow().UtcDateTime;
        var errors = form.Definition.Validate(answers);
        if (errors.Count > 0)
        {
            var saved = await SaveAsync(entry, expectedVersion, ct);
            return saved.Succeeded ? Outcome<SchemeEntry>.Invalid(errors) : saved;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var sequence = await db.SchemeSubmissions.CountAsync(s => s.EntryId == entry.Id, ct) + 1;
        var resubmission = entry.Status == EntryStatus.Returned;
        entry.Status = EntryStatus.Submitted;
        entry.SubmittedAt = now;
        entry.FirstSubmittedAt ??= now;
        entry.Reason = null;
        entry.Submissions.Add(new SchemeSubmission
        {
            Sequence = sequence, FormVersionId = form.Id, AnswersJson = entry.AnswersJson, SubmittedAt = now, SubmittedBy = actor.UserId,
        });
        entry.Events.Add(Event(resubmission ? "resubmitted" : "submitted", "company", actor, null));
        await conversions.MarkAsync(entry.CompanyId, Outreach.ConversionKind.Scheme, entry.Scheme?.MeasureKey, entry.Scheme?.Code, entry.FirstSubmittedAt.Value, ct);
        await MailCompanyAsync(entry, SchemeMailKind.Submitted, ct);
        return await SaveAsync(entry, expectedVersion, ct);
    }

    /// <summary>Withdraws an entry before a decision (a draft is discarded the same way).</summary>
    public async Task<Outcome<SchemeEntry>> WithdrawAsync(int entryId, int companyId, Guid expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.SchemeEntries.Include(e => e.Scheme).Include(e => e.Company)
            .SingleOrDefaultAsync(e => e.Id == entryId && e.CompanyId == companyId, ct);
        if (entry is null)
        {
            return Outcome<SchemeEntry>.NotFound();
        }
        if (entry.Status == EntryStatus.Withdrawn)
        {
            return Outcome<SchemeEntry>.Ok(entry);
        }
        if (!EntryStateMachine.Can(entry.Status, EntryAction.Withdraw))
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.NotAllowedNow");
        }
        if (entry.Version != expectedVersion)
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.ChangedMeanwhile");
        }
        var wasSubmitted = entry.Status != EntryStatus.Draft;
        entry.Status = EntryStatus.Withdrawn;
        entry.LiveKey = null;
        entry.Events.Add(Event("withdrawn", "company", actor, null));
        if (wasSubmitted)
        {
            await MailCompanyAsync(entry, SchemeMailKind.Withdrawn, ct);
        }
        return await SaveAsync(entry, expectedVersion, ct);
    }

    /// <summary>Whether an accepted entry appears in the public directory; the company may change it at any time.</summary>
    public async Task<Outcome<SchemeEntry>> SetDirectoryAsync(int entryId, int companyId, bool list, Guid expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.SchemeEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.CompanyId == companyId, ct);
        if (entry is null)
        {
            return Outcome<SchemeEntry>.NotFound();
        }
        if (entry.Status != EntryStatus.Accepted)
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.NotAllowedNow");
        }
        if (entry.ListInDirectory == list)
        {
            return Outcome<SchemeEntry>.Ok(entry);
        }
        if (entry.Version != expectedVersion)
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.ChangedMeanwhile");
        }
        entry.ListInDirectory = list;
        entry.Events.Add(Event(list ? "directory-on" : "directory-off", "company", actor, null));
        return await SaveAsync(entry, expectedVersion, ct);
    }

    /// <summary>The latest renewal started from an entry, if any.</summary>
    public Task<SchemeEntry?> RenewalOfAsync(int entryId, CancellationToken ct = default) =>
        db.SchemeEntries.AsNoTracking().Where(e => e.RenewalOfId == entryId).OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);

    /// <summary>Whether an entry may be renewed today: accepted with an end date within the renewal window, or expired.</summary>
    public bool CanRenew(SchemeEntry entry, Scheme scheme)
    {
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        return entry.ValidUntil is { } until
            && (entry.Status == EntryStatus.Expired
                || (entry.Status == EntryStatus.Accepted && until.AddDays(-scheme.RenewalWindowDays) <= today));
    }

    /// <summary>Starts the renewal of an accepted entry: a draft with the last submitted answers, keeping the number.</summary>
    public async Task<Outcome<StartResult>> RenewAsync(int entryId, int companyId, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.SchemeEntries.Include(e => e.Scheme).AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == entryId && e.CompanyId == companyId, ct);
        if (entry is null)
        {
            return Outcome<StartResult>.NotFound();
        }
        var stillAccepted = entry.Status == EntryStatus.Accepted;
        var liveKey = SchemeEntry.LiveKeyFor(companyId, entry.SchemeId, renewal: stillAccepted);
        if (await db.SchemeEntries.AsNoTracking().FirstOrDefaultAsync(e => e.LiveKey == liveKey, ct) is { } live)
        {
            return Outcome<StartResult>.Ok(new StartResult(live.Id, AlreadyThere: true));
        }
        if (!CanRenew(entry, entry.Scheme!))
        {
            return Outcome<StartResult>.Conflict("Scheme.RenewalNotYet");
        }
        var form = await CurrentFormAsync(entry.SchemeId, ct);
        var own = await db.SchemeFormVersions.AsNoTracking().SingleAsync(v => v.Id == entry.FormVersionId, ct);
        var (answers, _) = form.Definition.Migrate(own.Definition, entry.Answers);
        var renewal = NewDraft(companyId, entry.SchemeId, form.Id, liveKey, answers);
        renewal.RenewalOfId = entry.Id;
        renewal.ListInDirectory = entry.ListInDirectory;
        renewal.Events.Add(Event("renewal-started", "company", actor, entry.Number));
        db.SchemeEntries.Add(renewal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(renewal).State = EntityState.Detached;
            var winner = await db.SchemeEntries.AsNoTracking().FirstAsync(e => e.LiveKey == liveKey, ct);
            return Outcome<StartResult>.Ok(new StartResult(winner.Id, AlreadyThere: true));
        }
        return Outcome<StartResult>.Ok(new StartResult(renewal.Id, AlreadyThere: false));
    }

    /// <summary>Reports progress on an accepted entry with numeric targets (the action plan).</summary>
    public async Task<Outcome<SchemeProgressReport>> ReportProgressAsync(
        int entryId, int companyId, string? asOfText, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> posted, string? note, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.SchemeEntries.Include(e => e.Scheme).Include(e => e.FormVersion)
            .SingleOrDefaultAsync(e => e.Id == entryId && e.CompanyId == companyId, ct);
        if (entry is null)
        {
            return Outcome<SchemeProgressReport>.NotFound();
        }
        if (entry.Status != EntryStatus.Accepted || !entry.Scheme!.HasProgressReports)
        {
            return Outcome<SchemeProgressReport>.Conflict("Scheme.NotAllowedNow");
        }
        var targets = ProgressDefinition(entry);
        var values = targets.Clean(posted);
        var errors = targets.Validate(values).ToList();
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        var asOf = FormDefinition.ParseDate(asOfText);
        if (asOf is null)
        {
            errors.Add(new FieldError("asOf", "Scheme.NotADate"));
        }
        else if (asOf > today || (entry.ValidFrom is { } from && asOf < from))
        {
            errors.Add(new FieldError("asOf", "Scheme.AsOfOutOfRange"));
        }
        note = (note ?? "").Trim();
        if (note.Length > NoteMaxLength)
        {
            errors.Add(new FieldError("note", "Scheme.TooLong", [NoteMaxLength.ToString(CultureInfo.InvariantCulture)]));
        }
        if (errors.Count > 0)
        {
            return Outcome<SchemeProgressReport>.Invalid(errors);
        }
        var report = new SchemeProgressReport
        {
            AsOf = asOf!.Value, ValuesJson = values.ToJson(), Note = note, ReportedAt = clock.GetUtcNow().UtcDateTime, ReportedBy = actor.UserId,
        };
        entry.ProgressReports.Add(report);
        entry.Events.Add(Event("progress-reported", "company", actor, asOf.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        return Outcome<SchemeProgressReport>.Ok(report);
    }

    /// <summary>The questions of a progress report: each numeric target the entry set, now required.</summary>
    public static FormDefinition ProgressDefinition(SchemeEntry entry)
    {
        var answers = entry.Answers;
        return new FormDefinition
        {
            Fields = entry.FormVersion!.Definition.Fields.Where(f => f.Target && answers.ContainsKey(f.Key))
                .Select(f => f with { Required = true, RequiredWhen = null, Ja = f.Ja.Replace("（目標）", "（実績）", StringComparison.Ordinal), En = f.En.Replace("(target)", "(achieved)", StringComparison.Ordinal) })
                .ToList(),
        };
    }

    internal IQueryable<SchemeEntry> Full() => SchemeEvents.Full(db);

    private SchemeEntry NewDraft(int companyId, int schemeId, int formVersionId, string liveKey, FormAnswers answers) => new()
    {
        SchemeId = schemeId,
        CompanyId = companyId,
        Status = EntryStatus.Draft,
        FormVersionId = formVersionId,
        AnswersJson = answers.ToJson(),
        LiveKey = liveKey,
        DraftSavedAt = clock.GetUtcNow().UtcDateTime,
    };

    private SchemeEntryEvent Event(string action, string side, Actor? actor, string? detail) => SchemeEvents.Create(clock, action, side, actor, detail);

    private async Task MailCompanyAsync(SchemeEntry entry, SchemeMailKind kind, CancellationToken ct) =>
        await SchemeEvents.MailCompanyAsync(outbox, mail, recipients, entry, kind, ct);

    private async Task<Outcome<SchemeEntry>> SaveAsync(SchemeEntry entry, Guid expectedVersion, CancellationToken ct)
    {
        db.Entry(entry).Property(e => e.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SchemeEntry>.Conflict("Scheme.ChangedMeanwhile");
        }
        catch (DbUpdateException)
        {
            // On a server database two sends of the same form can meet first on the submission's unique
            // (entry, sequence) rather than on the version (PostgreSQL orders the statements differently from
            // SQLite's single writer): the one that lost changed nothing, as with a version conflict.
            if (await ChangedMeanwhileAsync(entry.Id, expectedVersion))
            {
                return Outcome<SchemeEntry>.Conflict("Scheme.ChangedMeanwhile");
            }
            throw;
        }
        return Outcome<SchemeEntry>.Ok(entry);
    }

    private Task<bool> ChangedMeanwhileAsync(int entryId, Guid expectedVersion) =>
        db.SchemeEntries.AsNoTracking().AnyAsync(e => e.Id == entryId && e.Version != expectedVersion, CancellationToken.None);
}

/// <summary>History entries, mails and the entry's page query, shared by the company's and the officials' services.</summary>
internal static class SchemeEvents
{
    /// <summary>An entry with everything its pages show: scheme, company, form, submissions, history, reports, what it renews.</summary>
    public static IQueryable<SchemeEntry> Full(IAppDbContext db) => db.SchemeEntries.AsNoTracking()
        .Include(e => e.Scheme).Include(e => e.Company).Include(e => e.FormVersion)
        .Include(e => e.Submissions.OrderBy(s => s.Sequence)).ThenInclude(s => s.FormVersion)
        .Include(e => e.Events.OrderBy(v => v.Id))
        .Include(e => e.ProgressReports.OrderBy(p => p.AsOf))
        .Include(e => e.RenewalOf);

    public static SchemeEntryEvent Create(TimeProvider clock, string action, string side, Actor? actor, string? detail) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        Action = action,
        Side = side,
        UserId = actor?.UserId,
        ActorName = actor?.Name,
        Detail = detail,
    };

    public static async Task<List<OutboxMessage>> MailCompanyAsync(IMailOutbox outbox, ISchemeMail mail, ICompanyRecipients recipients, SchemeEntry entry, SchemeMailKind kind, CancellationToken ct)
    {
        var facts = new SchemeMailFacts(entry.Scheme!.NameJa, entry.Scheme.NameEn, entry.Id, entry.Company!.Name, entry.Number, entry.Reason, entry.ValidUntil);
        var messages = new List<OutboxMessage>();
        foreach (var recipient in await recipients.MembersAsync(entry.CompanyId, ct))
        {
            var content = mail.Compose(kind, facts, recipient.Culture);
            messages.Add(outbox.Enqueue(recipient.Email, content.Subject, content.Body, $"/company/schemes/entries/{entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", recipient.UserId));
        }
        return messages;
    }
}
