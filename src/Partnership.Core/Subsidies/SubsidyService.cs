using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Documents;
using Partnership.Core.Mail;
using Partnership.Core.Schemes;

namespace Partnership.Core.Subsidies;

public sealed record ExpenseInput(string? Description, string? Quantity, string? UnitPrice);

/// <summary>The eligibility of a company for a window, rule by rule.</summary>
public sealed record EligibilityResult(SubsidyWindow Window, IReadOnlyList<EligibilityCheck> Checks)
{
    public bool Eligible => Checks.All(c => c.Passed);
}

public enum SubsidyMailKind
{
    Received,
    Waitlisted,
    Promoted,
    Returned,
    Granted,
    NotGranted,
    Withdrawn,
    Confirmed,
    Paid,
}

public sealed record SubsidyMailFacts(string ProgramJa, string ProgramEn, int ApplicationId, string CompanyName, string? Receipt, long AmountYen, string? Reason);

public interface ISubsidyMail
{
    MailContent Compose(SubsidyMailKind kind, SubsidyMailFacts facts, string culture);
}

/// <summary>
/// The company's side of subsidies: eligibility, the draft with its expenses and documents, the
/// first-come-first-served submission that reserves budget atomically, withdrawal, the result report.
/// See docs/adr/0016-subsidy-budget-and-receipts.md.
/// </summary>
public sealed class SubsidyService(IAppDbContext db, ISubmissionStore submissions, IMailOutbox outbox, ISubsidyMail mail, ICompanyRecipients recipients, IDocumentStore store, TimeProvider clock,
    Outreach.IReferralConversions conversions)
{
    public const int ReportMaxLength = 2000;

    public Task<List<SubsidyWindow>> WindowsAsync(CancellationToken ct = default) =>
        db.SubsidyWindows.AsNoTracking().Include(w => w.Program).OrderByDescending(w => w.OpensAt).ThenBy(w => w.Program!.Order).ToListAsync(ct);

    /// <summary>Every program of the plan with all its windows, past, present and next (oldest first).</summary>
    public async Task<List<(SubsidyProgram Program, List<SubsidyWindow> Windows)>> ProgramsAsync(string? code = null, CancellationToken ct = default)
    {
        var programs = await db.SubsidyPrograms.AsNoTracking().Where(p => code == null || p.Code == code).OrderBy(p => p.Order).ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var windows = await db.SubsidyWindows.AsNoTracking().Where(w => ids.Contains(w.ProgramId)).OrderBy(w => w.OpensAt).ToListAsync(ct);
        return programs.Select(p => (p, windows.Where(w => w.ProgramId == p.Id).ToList())).ToList();
    }

    public Task<SubsidyWindow?> WindowAsync(int id, CancellationToken ct = default) =>
        db.SubsidyWindows.AsNoTracking().Include(w => w.Program).SingleOrDefaultAsync(w => w.Id == id, ct);

    public async Task<EligibilityResult?> EligibilityAsync(int windowId, Company company, CancellationToken ct = default)
    {
        var window = await WindowAsync(windowId, ct);
        if (window is null)
        {
            return null;
        }
        var holds = window.PrerequisiteSchemeCode is { } code && await HoldsSchemeAsync(company.Id, code, ct);
        return new EligibilityResult(window, SubsidyRules.Eligibility(window, company, holds));
    }

    private async Task<bool> HoldsSchemeAsync(int companyId, string schemeCode, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        return await db.SchemeEntries.AnyAsync(e => e.CompanyId == companyId && e.Scheme!.Code == schemeCode && e.Status == EntryStatus.Accepted
            && e.ValidFrom <= today && (e.ValidUntil == null || e.ValidUntil >= today), ct);
    }

    /// <summary>Opens the company's application to a window (one per company and window), after the eligibility check.</summary>
    public async Task<Outcome<int>> StartAsync(int windowId, Company company, Actor actor, CancellationToken ct = default)
    {
        var eligibility = await EligibilityAsync(windowId, company, ct);
        if (eligibility is null)
        {
            return Outcome<int>.NotFound();
        }
        var liveKey = SubsidyApplication.LiveKeyFor(company.Id, windowId);
        if (await db.SubsidyApplications.AsNoTracking().FirstOrDefaultAsync(a => a.LiveKey == liveKey, ct) is { } existing)
        {
            return Outcome<int>.Ok(existing.Id);
        }
        if (!eligibility.Eligible)
        {
            return Outcome<int>.Conflict("Subsidy.NotEligible");
        }
        if (eligibility.Window.StateAt(clock.GetUtcNow().UtcDateTime) is WindowState.Closed)
        {
            return Outcome<int>.Conflict("Subsidy.WindowClosed");
        }
        var application = new SubsidyApplication
        {
            WindowId = windowId, CompanyId = company.Id, Status = ApplicationStatus.Draft, LiveKey = liveKey, DraftSavedAt = clock.GetUtcNow().UtcDateTime,
        };
        application.Events.Add(Event("started", "company", actor, null));
        db.SubsidyApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(application).State = EntityState.Detached;
            return Outcome<int>.Ok((await db.SubsidyApplications.AsNoTracking().FirstAsync(a => a.LiveKey == liveKey, ct)).Id);
        }
        return Outcome<int>.Ok(application.Id);
    }

    public Task<SubsidyApplication?> MineAsync(int windowId, int companyId, CancellationToken ct = default) =>
        db.SubsidyApplications.AsNoTracking().Where(a => a.WindowId == windowId && a.CompanyId == companyId).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    public Task<SubsidyApplication?> FindAsync(int id, int companyId, CancellationToken ct = default) =>
        Full().SingleOrDefaultAsync(a => a.Id == id && a.CompanyId == companyId, ct);

    internal IQueryable<SubsidyApplication> Full() => db.SubsidyApplications.AsNoTracking()
        .Include(a => a.Window).ThenInclude(w => w!.Program).Include(a => a.Company)
        .Include(a => a.Documents.OrderBy(d => d.Id)).Include(a => a.Events.OrderBy(e => e.Id));

    /// <summary>Reads and checks the expense lines; blank lines are ignored.</summary>
    public static (List<ExpenseItem> Items, List<FieldError> Errors) ParseExpenses(IReadOnlyList<ExpenseInput> input)
    {
        var items = new List<ExpenseItem>();
        var errors = new List<FieldError>();
        for (var i = 0; i < input.Count; i++)
        {
            var line = input[i];
            var description = (line.Description ?? "").Trim();
            var quantityText = Amounts.Normalize(line.Quantity);
            var priceText = Amounts.Normalize(line.UnitPrice, Amounts.YenUnits);
            if (description.Length == 0 && quantityText.Length == 0 && priceText.Length == 0)
            {
                continue;
            }
            var prefix = $"Items[{i}].";
            var row = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (description.Length == 0)
            {
                errors.Add(new FieldError(prefix + "Description", "Subsidy.DescriptionRequired", [row]));
            }
            else if (description.Length > SubsidyRules.MaxDescriptionLength || TextRules.Check(description) != TextRules.Problem.None)
            {
                errors.Add(new FieldError(prefix + "Description", "Subsidy.DescriptionInvalid", [row]));
            }
            var quantity = (int)Math.Min(Amounts.Whole(quantityText) ?? 0, int.MaxValue);
            if (quantity < 1 || quantity > SubsidyRules.MaxQuantity)
            {
                errors.Add(new FieldError(prefix + "Quantity", "Subsidy.QuantityInvalid", [row]));
            }
            var price = Amounts.Yen(priceText) ?? 0;
            if (price < 1 || price > SubsidyRules.MaxUnitPriceYen)
            {
                errors.Add(new FieldError(prefix + "UnitPrice", "Subsidy.UnitPriceInvalid", [row]));
            }
            if (errors.Count == 0)
            {
                items.Add(new ExpenseItem(description, quantity, price));
            }
        }
        if (items.Count > SubsidyRules.MaxItems)
        {
            errors.Add(new FieldError("", "Subsidy.TooManyItems"));
        }
        return (items, errors);
    }

    /// <summary>Saves the expense lines as typed and returns the amount the server computes from them.</summary>
    public async Task<Outcome<SubsidyApplication>> SaveDraftAsync(int id, int companyId, IReadOnlyList<ExpenseInput> input, Guid expectedVersion, CancellationToken ct = default)
    {
        var application = await db.SubsidyApplications.Include(a => a.Window).SingleOrDefaultAsync(a => a.Id == id && a.CompanyId == companyId, ct);
        if (application is null)
        {
            return Outcome<SubsidyApplication>.NotFound();
        }
        if (!SubsidyRules.Can(application.Status, SubsidyAction.Edit))
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.NotEditable");
        }
        if (application.Version != expectedVersion)
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.ChangedElsewhere");
        }
        var (items, errors) = ParseExpenses(input);
        if (errors.Count > 0)
        {
            return Outcome<SubsidyApplication>.Invalid(errors);
        }
        if (items.SequenceEqual(application.Expenses))
        {
            // Nothing changed since the last save (the submit button after an autosave): no write.
            return Outcome<SubsidyApplication>.Ok(application);
        }
        Compute(application, items);
        application.DraftSavedAt = clock.GetUtcNow().UtcDateTime;
        return await SaveAsync(application, expectedVersion, ct);
    }

    private static void Compute(SubsidyApplication application, IReadOnlyList<ExpenseItem> items)
    {
        var window = application.Window!;
        application.Expenses = items;
        application.EligibleExpensesYen = items.Sum(i => i.TotalYen);
        application.RequestedYen = SubsidyRules.Amount(application.EligibleExpensesYen, window.RateNumerator, window.RateDenominator, window.CapYen);
    }

    /// <summary>
    /// Adds a document (PDF, JPEG or PNG up to 10 MB, judged by its content). The bytes are stored and on disk
    /// before the row is written; if the row cannot be written the bytes are removed.
    /// </summary>
    public async Task<Outcome<SubsidyDocument>> AddDocumentAsync(int id, int companyId, string requirementCode, string fileName, Stream content, Actor actor, CancellationToken ct = default)
    {
        var application = await db.SubsidyApplications.Include(a => a.Window).SingleOrDefaultAsync(a => a.Id == id && a.CompanyId == companyId, ct);
        if (application is null)
        {
            return Outcome<SubsidyDocument>.NotFound();
        }
        var stage = application.Status == ApplicationStatus.Granted ? DocumentStage.Report : DocumentStage.Application;
        if (stage == DocumentStage.Application && !SubsidyRules.Can(application.Status, SubsidyAction.Edit))
        {
            return Outcome<SubsidyDocument>.Conflict("Subsidy.NotEditable");
        }
        var allowed = stage == DocumentStage.Report ? ["report"] : application.Window!.RequiredDocuments.Select(d => d.Code).ToList();
        if (!allowed.Contains(requirementCode))
        {
            return Outcome<SubsidyDocument>.Invalid("Requirement", "Subsidy.DocumentKindUnknown");
        }
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var (type, problem) = UploadCheck.Judge(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        if (problem != UploadProblem.None)
        {
            return Outcome<SubsidyDocument>.Invalid("File", "Subsidy.Document" + problem);
        }
        buffer.Position = 0;
        var hash = Convert.ToHexString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        var key = await store.SaveAsync(buffer, ct);
        var document = new SubsidyDocument
        {
            Stage = stage, RequirementCode = requirementCode, FileName = DocumentContent.SafeName(fileName, type), ContentType = type!, SizeBytes = buffer.Length, Sha256 = hash,
            StorageKey = key, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = actor.UserId,
        };
        application.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(key);
            throw;
        }
        return Outcome<SubsidyDocument>.Ok(document);
    }

    public async Task<(SubsidyDocument Document, Stream Content)?> OpenDocumentAsync(int applicationId, int documentId, int? companyId, CancellationToken ct = default)
    {
        var document = await db.SubsidyDocuments.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == applicationId && (companyId == null || d.Application!.CompanyId == companyId), ct);
        return document is null ? null : (document, store.OpenRead(document.StorageKey));
    }

    public async Task<Outcome<int>> RemoveDocumentAsync(int applicationId, int documentId, int companyId, CancellationToken ct = default)
    {
        var document = await db.SubsidyDocuments.Include(d => d.Application)
            .SingleOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == applicationId && d.Application!.CompanyId == companyId, ct);
        if (document is null)
        {
            return Outcome<int>.NotFound();
        }
        if (document.Stage == DocumentStage.Application && !SubsidyRules.Can(document.Application!.Status, SubsidyAction.Edit))
        {
            return Outcome<int>.Conflict("Subsidy.NotEditable");
        }
        db.SubsidyDocuments.Remove(document);
        await db.SaveChangesAsync(ct);
        store.Delete(document.StorageKey);
        return Outcome<int>.Ok(documentId);
    }

    /// <summary>
    /// Submits. The first submission takes a receipt number (gapless per window, in the order the database
    /// accepted them) and, first come first served, reserves its amount from the budget in the same
    /// transaction by a conditional update that cannot overspend. A second submission of the same
    /// application (double click, retry, second tab) returns the first receipt and changes nothing.
    /// </summary>
    public Task<Outcome<SubsidyApplication>> SubmitAsync(int id, int companyId, Actor actor, CancellationToken ct = default) =>
        SubmitAsync(id, companyId, null, null, actor, ct);

    /// <summary>
    /// Submits with the expense lines posted beside the submit button: when they differ from the saved draft
    /// (and the draft is still editable at the version the page showed) they are saved first; otherwise the
    /// saved draft is submitted as it is, without a second read.
    /// </summary>
    public Task<Outcome<SubsidyApplication>> SubmitAsync(int id, int companyId, IReadOnlyList<ExpenseInput>? lines, Guid? expectedVersion, Actor actor, CancellationToken ct = default) =>
        SubmitAsync(id, (session, c) => session.ReadAsync(id, companyId, c), lines, expectedVersion, actor, ct);

    /// <summary>
    /// Submits an application of the company the user is a member of, the membership checked in the same query
    /// that reads the application: an application of any other company, or a user with no company, is not found.
    /// </summary>
    public Task<Outcome<SubsidyApplication>> SubmitAsMemberAsync(int id, string userId, IReadOnlyList<ExpenseInput>? lines, Guid? expectedVersion, Actor actor, CancellationToken ct = default) =>
        SubmitAsync(id, (session, c) => session.ReadAsMemberAsync(id, userId, c), lines, expectedVersion, actor, ct);

    private async Task<Outcome<SubsidyApplication>> SubmitAsync(int id, Func<ISubmissionSession, CancellationToken, Task<SubsidyApplication?>> read,
        IReadOnlyList<ExpenseInput>? lines, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var session = await submissions.OpenAsync(ct);
        var application = await read(session, ct);
        if (application is null)
        {
            return Outcome<SubsidyApplication>.NotFound();
        }
        if (lines is { Count: > 0 } && SubsidyRules.Can(application.Status, SubsidyAction.Edit) && application.Version == expectedVersion)
        {
            var (items, lineErrors) = ParseExpenses(lines);
            if (lineErrors.Count > 0)
            {
                return Outcome<SubsidyApplication>.Invalid(lineErrors);
            }
            if (!items.SequenceEqual(application.Expenses))
            {
                var saved = await SaveDraftAsync(id, application.CompanyId, lines, expectedVersion.Value, ct);
                if (saved.Status == OutcomeStatus.Invalid)
                {
                    return saved;
                }
                application = await session.ReadAsync(id, application.CompanyId, ct);
                if (application is null)
                {
                    return Outcome<SubsidyApplication>.NotFound();
                }
            }
        }
        else if (lines is null or { Count: 0 } && expectedVersion is { } checkedVersion && application.Version != checkedVersion
            && application.ReceiptNumber is null && SubsidyRules.Can(application.Status, SubsidyAction.Edit))
        {
            // Sent from the check-your-answers page, which posts no lines: what was checked there is what is sent,
            // so a draft changed since (another tab) is not sent unseen.
            return Outcome<SubsidyApplication>.Conflict("Subsidy.ChangedElsewhere");
        }
        if (application.Status == ApplicationStatus.Returned)
        {
            await session.CompleteAsync(application, ct);
            return await ResubmitAsync(application, actor, ct);
        }
        if (application.ReceiptNumber is not null)
        {
            return Outcome<SubsidyApplication>.Ok(application);
        }
        if (!SubsidyRules.Can(application.Status, SubsidyAction.Submit))
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.NotAllowedNow");
        }
        var window = application.Window!;
        var state = window.StateAt(clock.GetUtcNow().UtcDateTime);
        if (state is WindowState.Upcoming or WindowState.Closed)
        {
            return Outcome<SubsidyApplication>.Conflict(state == WindowState.Upcoming ? "Subsidy.WindowNotYetOpen" : "Subsidy.WindowClosed");
        }
        // A budget that cannot cover the amount refuses it before anything else is read: when it is used up, that is
        // the answer whatever else the application lacks (the reservation below remains what decides).
        if (SubsidyRules.ReservationFor(window, application.RequestedYen) is { ReserveYen: { } amount, QueueWhenShort: false } && window.RemainingYen < amount)
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.BudgetExhausted");
        }
        await session.CompleteAsync(application, ct);
        var errors = await CompletenessAsync(application, ct);
        if (errors.Count > 0)
        {
            return Outcome<SubsidyApplication>.Invalid(errors);
        }
        return await ReceiveAsync(session, application, actor, ct);
    }

    /// <summary>
    /// The first submission of a complete draft: the allotment rule asks the window for a reservation (or a place
    /// on the waiting list, or only a number), the transition table names the status each answer leads to, and the
    /// store takes the receipt: the window's number and reservation and the claim of the draft, both or neither. Of two
    /// submissions of one application only one claims it; the other answers with the first receipt. What follows the
    /// receipt (event, mail, conversions) is saved next; on a server database the receipt is already committed then
    /// (docs/adr/0095-receipt-in-one-statement.md).
    /// </summary>
    private async Task<Outcome<SubsidyApplication>> ReceiveAsync(ISubmissionSession session, SubsidyApplication application, Actor actor, CancellationToken ct)
    {
        var window = application.Window!;
        // Read before the receipt: the window is held for the receipt's statement only.
        var people = await recipients.MembersAsync(application.CompanyId, ct);
        var referrals = await conversions.OpenAsync(application.CompanyId, Outreach.ConversionKind.Subsidy, window.Program?.MeasureKey, window.Program?.Code, ct);
        var request = new ReceiptRequest(application.Id, application.Status, SubsidyRules.ReservationFor(window, application.RequestedYen),
            SubsidyRules.Next(application.Status, SubsidyAction.Submit)!.Value, SubsidyRules.Next(application.Status, SubsidyAction.Queue),
            window.ReceiptPrefix);
        var taken = await session.TakeReceiptAsync(request, ct);
        if (!taken.Claimed)
        {
            return await AlreadySubmittedAsync(application.Id, ct) ?? Outcome<SubsidyApplication>.Conflict("Subsidy.NotAllowedNow");
        }
        if (SubsidyRules.ActionFor(taken.Outcome) is not { } action)
        {
            return await AlreadySubmittedAsync(application.Id, ct) ?? Outcome<SubsidyApplication>.Conflict("Subsidy.BudgetExhausted");
        }
        application.Status = SubsidyRules.Next(application.Status, action)!.Value;
        application.ReceiptSeq = taken.Seq;
        application.ReceiptNumber = SubsidyRules.ReceiptNumber(window, taken.Seq);
        application.SubmittedAt = taken.SubmittedAt;
        application.HeldYen = taken.HeldYen;
        await FollowUpAsync(session, application, action == SubsidyAction.Queue, actor, people, referrals, ct);
        return Outcome<SubsidyApplication>.Ok(application);
    }

    /// <summary>What follows a receipt: the event, the mail (and notice) to the company's members, the referral conversions.</summary>
    private async Task<bool> FollowUpAsync(ISubmissionSession session, SubsidyApplication application, bool queued, Actor? actor,
        IReadOnlyList<Recipient> people, Outreach.OpenReferrals referrals, CancellationToken ct)
    {
        db.SubsidyEvents.Add(NewEvent(application.Id, queued ? "waitlisted" : "submitted", "company", actor, application.ReceiptNumber));
        Mail(application, queued ? SubsidyMailKind.Waitlisted : SubsidyMailKind.Received, people);
        await conversions.ApplyAsync(referrals, application.SubmittedAt!.Value, ct);
        return await session.SaveFollowUpAsync(application.Id, application.WindowId, ct);
    }

    /// <summary>How long a receipt's follow-up is left to the request that took it before the sweep saves it.</summary>
    public static readonly TimeSpan FollowUpGrace = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The sweep: saves the follow-up of receipts taken at least <see cref="FollowUpGrace"/> ago whose request stopped
    /// before saving it (a node that stopped between the two). The event names no user: who submitted is not known
    /// here. Returns how many it saved.
    /// </summary>
    public async Task<int> FinishFollowUpsAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - FollowUpGrace;
        var ids = await db.SubsidyApplications.AsNoTracking().Where(a => a.FollowUpPending && a.SubmittedAt < cutoff)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(100).ToListAsync(ct);
        var saved = 0;
        foreach (var id in ids)
        {
            await using var session = await submissions.OpenAsync(ct);
            var application = await Full().SingleAsync(a => a.Id == id, ct);
            var window = application.Window!;
            var people = await recipients.MembersAsync(application.CompanyId, ct);
            var referrals = await conversions.OpenAsync(application.CompanyId, Outreach.ConversionKind.Subsidy, window.Program?.MeasureKey, window.Program?.Code, ct);
            if (await FollowUpAsync(session, application, application.Status == ApplicationStatus.Waitlisted, null, people, referrals, ct))
            {
                saved++;
            }
        }
        return saved;
    }

    /// <summary>After a submission that did not get through: the first submission's receipt when there was one (a double submit).</summary>
    private async Task<Outcome<SubsidyApplication>?> AlreadySubmittedAsync(int id, CancellationToken ct)
    {
        var current = await Full().SingleAsync(a => a.Id == id, ct);
        return current.ReceiptNumber is not null ? Outcome<SubsidyApplication>.Ok(current) : null;
    }

    /// <summary>What must be there before a submission: expenses with an amount, and every required document.</summary>
    private async Task<List<FieldError>> CompletenessAsync(SubsidyApplication application, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var holds = application.Window!.PrerequisiteSchemeCode is { } code && await HoldsSchemeAsync(application.CompanyId, code, ct);
        if (!SubsidyRules.Eligibility(application.Window, application.Company!, holds).All(c => c.Passed))
        {
            errors.Add(new FieldError("", "Subsidy.NotEligible"));
        }
        if (application.Expenses.Count == 0 || application.RequestedYen <= 0)
        {
            errors.Add(new FieldError("Items[0].Description", "Subsidy.NoExpenses"));
        }
        foreach (var requirement in application.Window.RequiredDocuments)
        {
            if (!application.Documents.Any(d => d.Stage == DocumentStage.Application && d.RequirementCode == requirement.Code))
            {
                errors.Add(new FieldError("File", "Subsidy.DocumentMissing", [requirement.Code]));
            }
        }
        return errors;
    }

    /// <summary>A returned application, corrected: back to review with the same receipt; it may not ask for more than it holds.</summary>
    private async Task<Outcome<SubsidyApplication>> ResubmitAsync(SubsidyApplication application, Actor actor, CancellationToken ct)
    {
        var errors = await CompletenessAsync(application, ct);
        if (application.Window!.Allotment == Allotment.FirstCome && application.RequestedYen > application.HeldYen)
        {
            errors.Add(new FieldError("", "Subsidy.AmountAboveHeld"));
        }
        if (errors.Count > 0)
        {
            return Outcome<SubsidyApplication>.Invalid(errors);
        }
        var tracked = await db.SubsidyApplications.SingleAsync(a => a.Id == application.Id, ct);
        var expected = tracked.Version;
        tracked.Status = SubsidyRules.Next(tracked.Status, SubsidyAction.Resubmit) ?? throw new InvalidOperationException("Only a returned application is resubmitted.");
        tracked.Reason = null;
        tracked.Events.Add(Event("resubmitted", "company", actor, null));
        return await SaveAsync(tracked, expected, ct);
    }

    /// <summary>Withdraws before a decision; what the application held goes back to the budget and the waiting list moves up.</summary>
    public async Task<Outcome<SubsidyApplication>> WithdrawAsync(int id, int companyId, Guid expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var application = await Full().SingleOrDefaultAsync(a => a.Id == id && a.CompanyId == companyId, ct);
        if (application is null)
        {
            return Outcome<SubsidyApplication>.NotFound();
        }
        if (application.Status == ApplicationStatus.Withdrawn)
        {
            return Outcome<SubsidyApplication>.Ok(application);
        }
        if (!SubsidyRules.Can(application.Status, SubsidyAction.Withdraw))
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.NotAllowedNow");
        }
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var released = application.HeldYen;
        var withdrawn = SubsidyRules.Next(application.Status, SubsidyAction.Withdraw)!.Value;
        var claimed = await db.SubsidyApplications.Where(a => a.Id == id && a.Version == expectedVersion && a.Status == application.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, withdrawn).SetProperty(a => a.HeldYen, 0L)
                .SetProperty(a => a.LiveKey, (string?)null).SetProperty(a => a.Version, Guid.NewGuid()), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            return Outcome<SubsidyApplication>.Conflict("Subsidy.ChangedElsewhere");
        }
        var windowId = application.WindowId;
        if (released > 0)
        {
            await db.SubsidyWindows.Where(w => w.Id == windowId).ExecuteUpdateAsync(s => s.SetProperty(w => w.ReservedYen, w => w.ReservedYen - released), ct);
        }
        db.SubsidyEvents.Add(NewEvent(id, "withdrawn", "company", actor, null));
        if (application.Status != ApplicationStatus.Draft)
        {
            await MailAsync(application, SubsidyMailKind.Withdrawn, ct);
        }
        await db.SaveChangesAsync(ct);
        if (released > 0)
        {
            await SubsidyBudget.PromoteWaitingAsync(db, windowId, clock, (app, kind) => MailAsync(app, kind, ct), ct);
        }
        await transaction.CommitAsync(ct);
        application.Status = withdrawn;
        return Outcome<SubsidyApplication>.Ok(application);
    }

    /// <summary>The result report (実績報告) after a grant: what was done, with at least one report document.</summary>
    public async Task<Outcome<SubsidyApplication>> ReportAsync(int id, int companyId, string? text, Guid expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var application = await db.SubsidyApplications.Include(a => a.Documents).Include(a => a.Window).ThenInclude(w => w!.Program).Include(a => a.Company)
            .SingleOrDefaultAsync(a => a.Id == id && a.CompanyId == companyId, ct);
        if (application is null)
        {
            return Outcome<SubsidyApplication>.NotFound();
        }
        if (!SubsidyRules.Can(application.Status, SubsidyAction.Report))
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.NotAllowedNow");
        }
        text = (text ?? "").Trim();
        var errors = new List<FieldError>();
        if (text.Length == 0)
        {
            errors.Add(new FieldError("ReportText", "Subsidy.ReportRequired"));
        }
        else if (text.Length > ReportMaxLength)
        {
            errors.Add(new FieldError("ReportText", "Subsidy.ReportTooLong"));
        }
        if (!application.Documents.Any(d => d.Stage == DocumentStage.Report))
        {
            errors.Add(new FieldError("File", "Subsidy.ReportDocumentMissing"));
        }
        if (errors.Count > 0)
        {
            return Outcome<SubsidyApplication>.Invalid(errors);
        }
        if (application.Version != expectedVersion)
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.ChangedElsewhere");
        }
        application.Status = SubsidyRules.Next(application.Status, SubsidyAction.Report)!.Value;
        application.ReportText = text;
        application.ReportedAt = clock.GetUtcNow().UtcDateTime;
        application.Events.Add(Event("reported", "company", actor, null));
        return await SaveAsync(application, expectedVersion, ct);
    }

    private async Task MailAsync(SubsidyApplication application, SubsidyMailKind kind, CancellationToken ct) =>
        Mail(application, kind, await recipients.MembersAsync(application.CompanyId, ct));

    private void Mail(SubsidyApplication application, SubsidyMailKind kind, IReadOnlyList<Recipient> people)
    {
        var program = application.Window!.Program!;
        var facts = new SubsidyMailFacts(program.NameJa, program.NameEn, application.Id, application.Company!.Name, application.ReceiptNumber,
            application.GrantedYen ?? application.RequestedYen, application.Reason);
        foreach (var recipient in people)
        {
            var content = mail.Compose(kind, facts, recipient.Culture);
            outbox.Enqueue(recipient.Email, content.Subject, content.Body, $"/company/subsidies/applications/{application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", recipient.UserId);
        }
    }

    private async Task<Outcome<SubsidyApplication>> SaveAsync(SubsidyApplication application, Guid expectedVersion, CancellationToken ct)
    {
        db.Entry(application).Property(a => a.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.ChangedElsewhere");
        }
        return Outcome<SubsidyApplication>.Ok(application);
    }

    private SubsidyEvent Event(string action, string side, Actor? actor, string? detail) => NewEvent(0, action, side, actor, detail);

    private SubsidyEvent NewEvent(int applicationId, string action, string side, Actor? actor, string? detail) => new()
    {
        ApplicationId = applicationId, At = clock.GetUtcNow().UtcDateTime, Action = action, Side = side, UserId = actor?.UserId, ActorName = actor?.Name, Detail = detail,
    };
}

/// <summary>Budget moves shared by withdrawals and decisions: the waiting list moves up in receipt order.</summary>
internal static class SubsidyBudget
{
    public static async Task PromoteWaitingAsync(IAppDbContext db, int windowId, TimeProvider clock, Func<SubsidyApplication, SubsidyMailKind, Task> mail, CancellationToken ct)
    {
        var waiting = await db.SubsidyApplications.AsNoTracking().Include(a => a.Window).ThenInclude(w => w!.Program).Include(a => a.Company)
            .Where(a => a.WindowId == windowId && a.Status == ApplicationStatus.Waitlisted).OrderBy(a => a.ReceiptSeq).ToListAsync(ct);
        foreach (var next in waiting)
        {
            var amount = next.RequestedYen;
            var reserved = await db.SubsidyWindows.Where(w => w.Id == windowId && w.ReservedYen + amount <= w.BudgetYen)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.ReservedYen, w => w.ReservedYen + amount), ct);
            if (reserved == 0)
            {
                // First come first served: a later, smaller application does not jump the queue.
                return;
            }
            var nextId = next.Id;
            var promoted = SubsidyRules.Next(next.Status, SubsidyAction.Promote)!.Value;
            await db.SubsidyApplications.Where(a => a.Id == nextId && a.Status == next.Status).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, promoted).SetProperty(a => a.HeldYen, amount).SetProperty(a => a.Version, Guid.NewGuid()), ct);
            db.SubsidyEvents.Add(new SubsidyEvent { ApplicationId = next.Id, At = clock.GetUtcNow().UtcDateTime, Action = "promoted", Side = "system" });
            next.Status = promoted;
            await mail(next, SubsidyMailKind.Promoted);
            await db.SaveChangesAsync(ct);
        }
    }
}
