using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Mail;

namespace Partnership.Core.Consultations;

/// <summary>Writes the mail a company gets when its request moves on, in the language of the person who submitted it.</summary>
public interface IConsultationMail
{
    MailContent StatusChanged(ConsultationRequest request, ConsultationAction action);
}

/// <summary>What a company types; everything may be missing in a draft.</summary>
public sealed record ConsultationInput(
    int? DeskId, int? TopicId, string? Description, ConsultationMode? PreferredMode,
    DateOnly? PreferredDate1, DateOnly? PreferredDate2, DateOnly? PreferredDate3, bool WantsExpert);

public sealed record ConsultationRow(int Id, string? ReceiptNumber, string CompanyName, string? DeskNameJa, string? DeskNameEn, ConsultationStatus Status, DateTime? SubmittedAt, bool WantsExpert, string? AssignedExpertUserId);

/// <summary>
/// Consultation requests: a company drafts (saved as it types) and submits; Metro officials triage, assign, schedule
/// and close; the assigned expert or officer records each session. Every change goes through
/// <see cref="ConsultationRules"/>; two officials acting at once are kept apart by the version token.
/// </summary>
public sealed class ConsultationService(IAppDbContext db, IMailOutbox outbox, IConsultationMail mail, TimeProvider clock, Outreach.IReferralConversions conversions)
{
    public Task<List<ConsultationDesk>> DesksAsync(CancellationToken ct = default) =>
        db.ConsultationDesks.AsNoTracking().Include(d => d.Topics.OrderBy(t => t.Order)).Include(d => d.Measure)
            .Where(d => d.IsActive).OrderBy(d => d.Order).ToListAsync(ct);

    /// <summary>Every desk, open or closed, with its measure and topics (officials' management page).</summary>
    public Task<List<ConsultationDesk>> AllDesksAsync(CancellationToken ct = default) =>
        db.ConsultationDesks.AsNoTracking().Include(d => d.Topics.OrderBy(t => t.Order)).Include(d => d.Measure)
            .OrderBy(d => d.Order).ToListAsync(ct);

    public const int DeskNameMaxLength = 100;

    /// <summary>Adds a desk pointing at a measure of the catalog. Codes are unique (upper-case letters, digits, hyphens).</summary>
    public async Task<Outcome<int>> AddDeskAsync(string? code, string? nameJa, string? nameEn, int? measureId, bool offersExpertDispatch, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        code = code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length is 0 or > 32 || !code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
        {
            errors.Add(new("Code", "Consultation.DeskCodeInvalid"));
        }
        nameJa = RequiredName("NameJa", nameJa, errors);
        nameEn = RequiredName("NameEn", nameEn, errors);
        if (measureId is null || !await db.Measures.AnyAsync(m => m.Id == measureId, ct))
        {
            errors.Add(new("MeasureId", "Validation.RequiredChoice"));
        }
        if (errors.Count == 0 && await db.ConsultationDesks.AnyAsync(d => d.Code == code, ct))
        {
            errors.Add(new("Code", "Consultation.DeskCodeTaken"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var order = await db.ConsultationDesks.MaxAsync(d => (int?)d.Order, ct) ?? 0;
        var desk = new ConsultationDesk { Code = code, NameJa = nameJa, NameEn = nameEn, MeasureId = measureId!.Value, OffersExpertDispatch = offersExpertDispatch, Order = order + 1 };
        db.ConsultationDesks.Add(desk);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(desk).State = EntityState.Detached;
            return Outcome<int>.Invalid("Code", "Consultation.DeskCodeTaken");
        }
        return Outcome<int>.Ok(desk.Id);
    }

    /// <summary>Adds a topic a desk handles.</summary>
    public async Task<Outcome<int>> AddTopicAsync(int deskId, string? nameJa, string? nameEn, CancellationToken ct = default)
    {
        var desk = await db.ConsultationDesks.Include(d => d.Topics).SingleOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null)
        {
            return Outcome<int>.NotFound();
        }
        var errors = new List<FieldError>();
        nameJa = RequiredName("NameJa", nameJa, errors);
        nameEn = RequiredName("NameEn", nameEn, errors);
        if (errors.Count == 0 && desk.Topics.Any(t => t.NameJa == nameJa))
        {
            errors.Add(new("NameJa", "Consultation.TopicExists"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var topic = new ConsultationTopic { NameJa = nameJa, NameEn = nameEn, Order = desk.Topics.Count == 0 ? 1 : desk.Topics.Max(t => t.Order) + 1 };
        desk.Topics.Add(topic);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(topic.Id);
    }

    /// <summary>Opens or closes a desk: a closed desk takes no new requests (those it has go on).</summary>
    public async Task<Outcome<bool>> SetDeskActiveAsync(int deskId, bool active, CancellationToken ct = default)
    {
        var desk = await db.ConsultationDesks.SingleOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null)
        {
            return Outcome<bool>.NotFound();
        }
        desk.IsActive = active;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(active);
    }

    private static string RequiredName(string field, string? value, List<FieldError> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(new(field, "Validation.Required"));
        }
        else if (text.Length > DeskNameMaxLength)
        {
            errors.Add(new(field, "Validation.TooLong"));
        }
        return text;
    }

    /// <summary>The user's draft, if they left one.</summary>
    public Task<ConsultationRequest?> DraftAsync(int companyId, string userId, CancellationToken ct = default) =>
        db.ConsultationRequests.AsNoTracking()
            .Where(r => r.CompanyId == companyId && r.RequestedByUserId == userId && r.Status == ConsultationStatus.Draft)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    /// <summary>Saves what has been typed so far (autosave). Only lengths and characters are checked: a draft may be incomplete.</summary>
    public async Task<Outcome<int>> SaveDraftAsync(int companyId, string userId, ConsultationInput input, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var description = input.Description?.Trim() ?? "";
        if (description.Length > ConsultationRequest.DescriptionMaxLength)
        {
            errors.Add(new(nameof(input.Description), "Validation.TooLong"));
        }
        if (input.PreferredMode is { } mode && !Enum.IsDefined(mode))
        {
            errors.Add(new(nameof(input.PreferredMode), "Validation.RequiredChoice"));
        }
        var desk = input.DeskId is null ? null
            : await db.ConsultationDesks.AsNoTracking().Include(d => d.Topics).SingleOrDefaultAsync(d => d.Id == input.DeskId && d.IsActive, ct);
        if (input.DeskId is not null && desk is null)
        {
            errors.Add(new(nameof(input.DeskId), "Validation.RequiredChoice"));
        }
        // A topic belongs to its desk (the form shows only the chosen desk's topics).
        var topicId = input.TopicId;
        if (topicId is not null && desk?.Topics.Any(t => t.Id == topicId) != true)
        {
            errors.Add(new(nameof(input.TopicId), "Validation.RequiredChoice"));
        }
        foreach (var (field, date) in new[] { (nameof(input.PreferredDate1), input.PreferredDate1), (nameof(input.PreferredDate2), input.PreferredDate2), (nameof(input.PreferredDate3), input.PreferredDate3) })
        {
            if (date is { Year: < 2000 or > 2100 })
            {
                errors.Add(new(field, "Validation.Invalid"));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var draft = await TrackedDraftAsync(companyId, userId, ct);
        draft.DeskId = desk?.Id;
        draft.TopicId = topicId;
        draft.Description = description;
        draft.PreferredMode = input.PreferredMode;
        draft.PreferredDate1 = input.PreferredDate1;
        draft.PreferredDate2 = input.PreferredDate2;
        draft.PreferredDate3 = input.PreferredDate3;
        draft.WantsExpert = input.WantsExpert;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(draft.Id);
    }

    private async Task<ConsultationRequest> TrackedDraftAsync(int companyId, string userId, CancellationToken ct)
    {
        var draft = await db.ConsultationRequests
            .Where(r => r.CompanyId == companyId && r.RequestedByUserId == userId && r.Status == ConsultationStatus.Draft)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (draft is null)
        {
            draft = new ConsultationRequest { CompanyId = companyId, RequestedByUserId = userId };
            db.ConsultationRequests.Add(draft);
        }
        return draft;
    }

    /// <summary>Checks a request for submission: desk and topic, what the problem is, a mode and at least one preferred date, none in the past.</summary>
    public static List<FieldError> ValidateForSubmission(ConsultationInput input, IReadOnlyList<ConsultationDesk> desks, DateOnly todayInJapan)
    {
        var errors = new List<FieldError>();
        var desk = desks.SingleOrDefault(d => d.Id == input.DeskId && d.IsActive);
        if (desk is null)
        {
            errors.Add(new(nameof(input.DeskId), "Validation.RequiredChoice"));
        }
        else if (!desk.Topics.Any(t => t.Id == input.TopicId))
        {
            errors.Add(new(nameof(input.TopicId), "Validation.RequiredChoice"));
        }
        else if (input.WantsExpert && !desk.OffersExpertDispatch)
        {
            errors.Add(new(nameof(input.WantsExpert), "Consultation.NoExpertAtDesk"));
        }
        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            errors.Add(new(nameof(input.Description), "Validation.Required"));
        }
        else if (description.Length > ConsultationRequest.DescriptionMaxLength)
        {
            errors.Add(new(nameof(input.Description), "Validation.TooLong"));
        }
        if (input.PreferredMode is not { } mode || !Enum.IsDefined(mode))
        {
            errors.Add(new(nameof(input.PreferredMode), "Validation.RequiredChoice"));
        }
        var dates = new[] { (nameof(input.PreferredDate1), input.PreferredDate1), (nameof(input.PreferredDate2), input.PreferredDate2), (nameof(input.PreferredDate3), input.PreferredDate3) };
        if (dates.All(d => d.Item2 is null))
        {
            errors.Add(new(nameof(input.PreferredDate1), "Consultation.DateRequired"));
        }
        foreach (var (field, date) in dates)
        {
            if (date is { } d && d <= todayInJapan)
            {
                errors.Add(new(field, "Consultation.DateNotInFuture"));
            }
            else if (date is { } far && far > todayInJapan.AddYears(1))
            {
                errors.Add(new(field, "Consultation.DateTooFar"));
            }
        }
        return errors;
    }

    /// <summary>Submits the user's request: it gets a receipt number and the server's time of arrival.</summary>
    public async Task<Outcome<int>> SubmitAsync(int companyId, string userId, ConsultationInput input, string contactEmail, string culture, CancellationToken ct = default)
    {
        var desks = await db.ConsultationDesks.AsNoTracking().Include(d => d.Topics).ToListAsync(ct);
        var errors = ValidateForSubmission(input, desks, DateOnly.FromDateTime(JapanTime.Today(clock)));
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var saved = await SaveDraftAsync(companyId, userId, input, ct);
        if (!saved.Succeeded)
        {
            return saved;
        }
        var request = await db.ConsultationRequests.SingleAsync(r => r.Id == saved.Value, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        request.Status = ConsultationRules.Next(request.Status, ConsultationAction.Submit)!.Value;
        request.SubmittedAt = now;
        request.ReceiptNumber = $"C{JapanTime.FiscalYearOf(now)}-{request.Id:D6}";
        request.ContactEmail = contactEmail;
        request.ContactCulture = culture;
        var desk = await db.ConsultationDesks.Where(d => d.Id == request.DeskId).Select(d => new { MeasureKey = (string?)d.Measure!.Key, d.Code }).FirstOrDefaultAsync(ct);
        await conversions.MarkAsync(companyId, Outreach.ConversionKind.Consultation, desk?.MeasureKey, desk?.Code, now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(request.Id);
    }

    public Task<List<ConsultationRow>> ForCompanyAsync(int companyId, CancellationToken ct = default) =>
        Rows(db.ConsultationRequests.Where(r => r.CompanyId == companyId && r.Status != ConsultationStatus.Draft), ct);

    public Task<List<ConsultationRow>> ForOfficialsAsync(ConsultationStatus? status, CancellationToken ct = default) =>
        Rows(db.ConsultationRequests.Where(r => r.Status != ConsultationStatus.Draft && (status == null || r.Status == status)), ct);

    public Task<List<ConsultationRow>> ForExpertAsync(string expertUserId, CancellationToken ct = default) =>
        Rows(db.ConsultationRequests.Where(r => r.AssignedExpertUserId == expertUserId && r.Status != ConsultationStatus.Draft), ct);

    private static Task<List<ConsultationRow>> Rows(IQueryable<ConsultationRequest> query, CancellationToken ct) =>
        query.AsNoTracking().OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(500)
            .Select(r => new ConsultationRow(r.Id, r.ReceiptNumber, r.Company!.Name, r.Desk!.NameJa, r.Desk.NameEn, r.Status, r.SubmittedAt, r.WantsExpert, r.AssignedExpertUserId))
            .ToListAsync(ct);

    /// <summary>A submitted request with its desk, topic, company and sessions; null for a draft or an unknown id.</summary>
    public Task<ConsultationRequest?> FindAsync(int id, CancellationToken ct = default) =>
        db.ConsultationRequests.AsNoTracking()
            .Include(r => r.Desk).Include(r => r.Topic).Include(r => r.Company).Include(r => r.Sessions.OrderBy(s => s.ScheduledAt))
            .SingleOrDefaultAsync(r => r.Id == id && r.Status != ConsultationStatus.Draft, ct);

    public Task<Outcome<int>> CancelAsync(int id, int companyId, CancellationToken ct = default) =>
        ChangeAsync(id, ConsultationAction.Cancel, r => r.CompanyId == companyId, (r, _) => null, notify: false, ct);

    public Task<Outcome<int>> RateAsync(int id, int companyId, int? rating, string? comment, CancellationToken ct = default)
    {
        comment = comment?.Trim();
        if (rating is not (>= 1 and <= 5))
        {
            return Task.FromResult(Outcome<int>.Invalid("Rating", "Consultation.RatingInvalid"));
        }
        if (comment?.Length > ConsultationRequest.ReasonMaxLength)
        {
            return Task.FromResult(Outcome<int>.Invalid("RatingComment", "Validation.TooLong"));
        }
        return ChangeAsync(id, ConsultationAction.Rate, r => r.CompanyId == companyId, (r, _) =>
        {
            if (r.Rating is not null)
            {
                return "Consultation.AlreadyRated";
            }
            r.Rating = rating;
            r.RatingComment = string.IsNullOrEmpty(comment) ? null : comment;
            return null;
        }, notify: false, ct);
    }

    public async Task<Outcome<int>> RedirectAsync(int id, int? deskId, CancellationToken ct = default)
    {
        var desk = await db.ConsultationDesks.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deskId && d.IsActive, ct);
        if (desk is null)
        {
            return Outcome<int>.Invalid("DeskId", "Validation.RequiredChoice");
        }
        return await ChangeAsync(id, ConsultationAction.Redirect, _ => true, (r, _) =>
        {
            if (r.DeskId == desk.Id)
            {
                return "Consultation.SameDesk";
            }
            r.DeskId = desk.Id;
            r.TopicId = null;
            r.WantsExpert = r.WantsExpert && desk.OffersExpertDispatch;
            return null;
        }, notify: true, ct);
    }

    public Task<Outcome<int>> AcceptAsync(int id, CancellationToken ct = default) =>
        ChangeAsync(id, ConsultationAction.Accept, _ => true, (_, _) => null, notify: true, ct);

    public Task<Outcome<int>> DeclineAsync(int id, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            return Task.FromResult(Outcome<int>.Invalid("Reason", "Consultation.ReasonRequired"));
        }
        if (reason.Length > ConsultationRequest.ReasonMaxLength)
        {
            return Task.FromResult(Outcome<int>.Invalid("Reason", "Validation.TooLong"));
        }
        return ChangeAsync(id, ConsultationAction.Decline, _ => true, (r, now) =>
        {
            r.DeclineReason = reason;
            r.ClosedAt = now;
            return null;
        }, notify: true, ct);
    }

    /// <summary>Assigns an expert (checked by the caller to hold the Expert role) or a desk officer.</summary>
    public Task<Outcome<int>> AssignAsync(int id, string? expertUserId, string? officerUserId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(expertUserId) == string.IsNullOrEmpty(officerUserId))
        {
            return Task.FromResult(Outcome<int>.Invalid("AssigneeId", "Validation.RequiredChoice"));
        }
        return ChangeAsync(id, ConsultationAction.Assign, _ => true, (r, _) =>
        {
            r.AssignedExpertUserId = expertUserId;
            r.AssignedOfficerUserId = officerUserId;
            return null;
        }, notify: false, ct);
    }

    /// <summary>Schedules a session with the assigned adviser. The first one is the first contact (lead time).</summary>
    public async Task<Outcome<int>> ScheduleAsync(int id, DateTime? atJapan, ConsultationMode? mode, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<FieldError>();
        DateTime at = default;
        if (atJapan is not { } local || local.Year is < 2000 or > 2100)
        {
            errors.Add(new("ScheduledAt", "Validation.Required"));
        }
        else if ((at = JapanTime.ToUtc(local)) <= now)
        {
            errors.Add(new("ScheduledAt", "Consultation.DateNotInFuture"));
        }
        if (mode is not { } m || !Enum.IsDefined(m))
        {
            errors.Add(new("Mode", "Validation.RequiredChoice"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        return await ChangeAsync(id, ConsultationAction.Schedule, _ => true, (r, t) =>
        {
            r.Sessions.Add(new ConsultationSession { ScheduledAt = at, Mode = mode!.Value, AdviserUserId = r.AssignedExpertUserId ?? r.AssignedOfficerUserId! });
            r.FirstContactAt ??= t;
            return null;
        }, notify: true, ct);
    }

    /// <summary>
    /// Records what a session gave. The assigned expert may record only their own requests' sessions
    /// (<paramref name="expertUserId"/> set); officials any.
    /// </summary>
    public async Task<Outcome<int>> RecordSessionAsync(int sessionId, string recorderUserId, string? expertUserId, string? advice, string? nextStep, bool shared, CancellationToken ct = default)
    {
        var session = await db.ConsultationSessions.Include(s => s.Request).SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || (expertUserId is not null && session.Request!.AssignedExpertUserId != expertUserId))
        {
            return Outcome<int>.NotFound();
        }
        var errors = new List<FieldError>();
        advice = advice?.Trim() ?? "";
        nextStep = nextStep?.Trim() ?? "";
        if (advice.Length == 0)
        {
            errors.Add(new("Advice", "Validation.Required"));
        }
        if (advice.Length > ConsultationSession.TextMaxLength)
        {
            errors.Add(new("Advice", "Validation.TooLong"));
        }
        if (nextStep.Length > ConsultationSession.TextMaxLength)
        {
            errors.Add(new("NextStep", "Validation.TooLong"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!ConsultationRules.Allows(session.Request!.Status, ConsultationAction.RecordSession))
        {
            return Outcome<int>.Conflict("Consultation.NotAllowedNow");
        }
        if (session.ScheduledAt > now)
        {
            return Outcome<int>.Invalid("", "Consultation.SessionNotHeldYet");
        }
        session.RecordedAt = now;
        session.RecordedByUserId = recorderUserId;
        session.Advice = advice;
        session.NextStep = nextStep.Length == 0 ? null : nextStep;
        session.SharedWithCompany = shared;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(session.RequestId);
    }

    public Task<Outcome<int>> CloseAsync(int id, ConsultationOutcome? outcome, string? note, CancellationToken ct = default)
    {
        note = note?.Trim();
        if (outcome is not { } o || !Enum.IsDefined(o))
        {
            return Task.FromResult(Outcome<int>.Invalid("Outcome", "Validation.RequiredChoice"));
        }
        if (note?.Length > ConsultationRequest.ReasonMaxLength)
        {
            return Task.FromResult(Outcome<int>.Invalid("OutcomeNote", "Validation.TooLong"));
        }
        return ChangeAsync(id, ConsultationAction.Close, _ => true, (r, now) =>
        {
            r.Outcome = o;
            r.OutcomeNote = string.IsNullOrEmpty(note) ? null : note;
            r.ClosedAt = now;
            r.FirstContactAt ??= now;
            return null;
        }, notify: true, ct);
    }

    /// <summary>One transition: the request must exist and be visible to the caller, the table must allow the action, nobody may have changed it meanwhile.</summary>
    private async Task<Outcome<int>> ChangeAsync(int id, ConsultationAction action, Func<ConsultationRequest, bool> visible,
        Func<ConsultationRequest, DateTime, string?> apply, bool notify, CancellationToken ct)
    {
        var request = await db.ConsultationRequests.Include(r => r.Desk).SingleOrDefaultAsync(r => r.Id == id && r.Status != ConsultationStatus.Draft, ct);
        if (request is null || !visible(request))
        {
            return Outcome<int>.NotFound();
        }
        if (ConsultationRules.Next(request.Status, action) is not { } next)
        {
            return Outcome<int>.Conflict("Consultation.NotAllowedNow");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (apply(request, now) is { } refusal)
        {
            return Outcome<int>.Conflict(refusal);
        }
        request.Status = next;
        if (next == ConsultationStatus.Cancelled)
        {
            request.ClosedAt = now;
        }
        if (action == ConsultationAction.Accept)
        {
            request.FirstContactAt ??= now;
        }
        if (notify && request.ContactEmail.Length > 0)
        {
            var content = mail.StatusChanged(request, action);
            outbox.Enqueue(request.ContactEmail, content.Subject, content.Body, $"/company/consultations/{request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.Conflict("Consultation.ChangedMeanwhile");
        }
        return Outcome<int>.Ok(request.Id);
    }
}
