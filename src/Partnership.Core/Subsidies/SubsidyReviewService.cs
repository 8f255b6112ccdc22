using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Mail;
using Partnership.Core.Schemes;

namespace Partnership.Core.Subsidies;

public sealed record WindowInput(
    string? ProgramCode, string? FiscalYear, string? Opens, string? Closes, string? Budget, string? Cap, string? Rate, Allotment? Allotment,
    bool WaitingList, bool RequireTokyo, bool RequireSme, string? MinEmployees, string? MaxEmployees, string? PrerequisiteSchemeCode, string? Documents);

public sealed record ApplicationRow(int Id, string CompanyName, string CityName, ApplicationStatus Status, string? ReceiptNumber, DateTime? SubmittedAt, long RequestedYen, long HeldYen, long? GrantedYen);

public sealed record WindowQueue(SubsidyWindow Window, IReadOnlyList<ApplicationRow> Rows, IReadOnlyDictionary<ApplicationStatus, int> Counts);

/// <summary>Metro's side of subsidies: windows, the review queue per window, decisions through to payment.</summary>
public sealed class SubsidyReviewService(IAppDbContext db, IMailOutbox outbox, ISubsidyMail mail, ICompanyRecipients recipients, TimeProvider clock)
{
    public const int ReasonMaxLength = 1000;

    public Task<List<SubsidyProgram>> ProgramsAsync(CancellationToken ct = default) => db.SubsidyPrograms.AsNoTracking().OrderBy(p => p.Order).ToListAsync(ct);

    /// <summary>The schemes a window may ask applicants to hold, in their order.</summary>
    public Task<List<Scheme>> SchemesAsync(CancellationToken ct = default) => db.Schemes.AsNoTracking().OrderBy(s => s.Order).ToListAsync(ct);

    /// <summary>The municipalities a window's queue is filtered by, in their order.</summary>
    public Task<List<Reference.Municipality>> MunicipalitiesAsync(CancellationToken ct = default) => db.Municipalities.AsNoTracking().OrderBy(m => m.Order).ToListAsync(ct);

    /// <summary>Opens a window. Times are Japan time as typed (yyyy-MM-ddTHH:mm); the rate is a fraction such as 1/2.</summary>
    public async Task<Outcome<int>> CreateWindowAsync(WindowInput input, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var program = await db.SubsidyPrograms.SingleOrDefaultAsync(p => p.Code == input.ProgramCode, ct);
        if (program is null)
        {
            errors.Add(new FieldError("ProgramCode", "Subsidy.ProgramRequired"));
        }
        var fiscalYear = Int(input.FiscalYear, 2000, 2100, "FiscalYear", errors);
        var opens = Time(input.Opens, "Opens", errors);
        var closes = Time(input.Closes, "Closes", errors);
        if (opens is not null && closes is not null && closes <= opens)
        {
            errors.Add(new FieldError("Closes", "Subsidy.ClosesBeforeOpens"));
        }
        var budget = Yen(input.Budget, "Budget", errors);
        var cap = Yen(input.Cap, "Cap", errors);
        if (budget is not null && cap is not null && cap > budget)
        {
            errors.Add(new FieldError("Cap", "Subsidy.CapAboveBudget"));
        }
        var rate = (input.Rate ?? "").Replace("／", "/", StringComparison.Ordinal).Split('/', StringSplitOptions.TrimEntries);
        int numerator = 0, denominator = 0;
        if (rate.Length != 2 || !int.TryParse(JapaneseInput.NormalizeDigits(rate[0]), NumberStyles.None, CultureInfo.InvariantCulture, out numerator)
            || !int.TryParse(JapaneseInput.NormalizeDigits(rate[1]), NumberStyles.None, CultureInfo.InvariantCulture, out denominator)
            || numerator < 1 || denominator < 1 || numerator > denominator || denominator > 100)
        {
            errors.Add(new FieldError("Rate", "Subsidy.RateInvalid"));
        }
        if (input.Allotment is not { } allotment || !Enum.IsDefined(allotment))
        {
            errors.Add(new FieldError("Allotment", "Subsidy.AllotmentRequired"));
            allotment = Allotment.FirstCome;
        }
        var min = string.IsNullOrWhiteSpace(input.MinEmployees) ? null : Int(input.MinEmployees, 0, 1_000_000, "MinEmployees", errors);
        var max = string.IsNullOrWhiteSpace(input.MaxEmployees) ? null : Int(input.MaxEmployees, 0, 1_000_000, "MaxEmployees", errors);
        if (min is not null && max is not null && max < min)
        {
            errors.Add(new FieldError("MaxEmployees", "Subsidy.EmployeesOrder"));
        }
        var prerequisite = string.IsNullOrWhiteSpace(input.PrerequisiteSchemeCode) ? null : input.PrerequisiteSchemeCode.Trim();
        if (prerequisite is not null && !await db.Schemes.AnyAsync(s => s.Code == prerequisite, ct))
        {
            errors.Add(new FieldError("PrerequisiteSchemeCode", "Subsidy.SchemeUnknown"));
        }
        var documents = (input.Documents ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select((line, i) => (line, i)).ToList();
        var requirements = new List<DocumentRequirement>();
        foreach (var (line, i) in documents)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length is 0 or > 100 || parts[1].Length is 0 or > 100
                || TextRules.Check(line) != TextRules.Problem.None)
            {
                errors.Add(new FieldError("Documents", "Subsidy.DocumentsFormat"));
                break;
            }
            requirements.Add(new DocumentRequirement($"doc{i + 1}", parts[0], parts[1]));
        }
        if (requirements.Count > 10)
        {
            errors.Add(new FieldError("Documents", "Subsidy.DocumentsFormat"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var round = await db.SubsidyWindows.CountAsync(w => w.ProgramId == program!.Id && w.FiscalYear == fiscalYear, ct) + 1;
        var window = new SubsidyWindow
        {
            ReceiptCode = SubsidyWindow.ReceiptCodeFor(fiscalYear!.Value, program!.ReceiptCode, round),
            ProgramId = program!.Id, FiscalYear = fiscalYear!.Value, OpensAt = opens!.Value, ClosesAt = closes!.Value, BudgetYen = budget!.Value, CapYen = cap!.Value,
            RateNumerator = numerator, RateDenominator = denominator, Allotment = allotment, WaitingList = input.WaitingList && allotment == Allotment.FirstCome,
            RequireTokyo = input.RequireTokyo, RequireSme = input.RequireSme, MinEmployees = min, MaxEmployees = max, PrerequisiteSchemeCode = prerequisite,
            RequiredDocuments = requirements,
        };
        db.SubsidyWindows.Add(window);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(window.Id);
    }

    public async Task<WindowQueue?> QueueAsync(int windowId, ApplicationStatus? status, string? municipalityCode, CancellationToken ct = default)
    {
        var window = await db.SubsidyWindows.AsNoTracking().Include(w => w.Program).SingleOrDefaultAsync(w => w.Id == windowId, ct);
        if (window is null)
        {
            return null;
        }
        var query = db.SubsidyApplications.AsNoTracking().Where(a => a.WindowId == windowId && a.Status != ApplicationStatus.Draft);
        if (!string.IsNullOrEmpty(municipalityCode))
        {
            query = query.Where(a => a.Company!.MunicipalityCode == municipalityCode);
        }
        var counts = await query.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        var rows = await query.OrderBy(a => a.ReceiptSeq).Take(1000)
            .Select(a => new ApplicationRow(a.Id, a.Company!.Name, a.Company.CityName, a.Status, a.ReceiptNumber, a.SubmittedAt, a.RequestedYen, a.HeldYen, a.GrantedYen))
            .ToListAsync(ct);
        return new WindowQueue(window, rows, counts);
    }

    public IAsyncEnumerable<ApplicationRow> ExportAsync(int windowId) =>
        db.SubsidyApplications.AsNoTracking().Where(a => a.WindowId == windowId && a.Status != ApplicationStatus.Draft).OrderBy(a => a.ReceiptSeq)
            .Select(a => new ApplicationRow(a.Id, a.Company!.Name, a.Company.CityName, a.Status, a.ReceiptNumber, a.SubmittedAt, a.RequestedYen, a.HeldYen, a.GrantedYen))
            .AsAsyncEnumerable();

    public Task<SubsidyApplication?> FindAsync(int id, CancellationToken ct = default) =>
        db.SubsidyApplications.AsNoTracking().Include(a => a.Window).ThenInclude(w => w!.Program).Include(a => a.Company)
            .Include(a => a.Documents.OrderBy(d => d.Id)).Include(a => a.Events.OrderBy(e => e.Id))
            .SingleOrDefaultAsync(a => a.Id == id && a.Status != ApplicationStatus.Draft, ct);

    /// <summary>
    /// A decision step: start review, return (reason), grant (amount up to the one applied for), refuse
    /// (reason), confirm the amount after the report, mark paid. The official's version must be the
    /// application's current one; budget moves happen in the same transaction and never overspend.
    /// </summary>
    public Task<Outcome<SubsidyApplication>> DecideAsync(int id, SubsidyAction action, string? amountText, string? reason, Guid expectedVersion, Actor actor, CancellationToken ct = default) =>
        DecideAsync(id, action, amountText, reason, null, expectedVersion, actor, ct);

    /// <summary>
    /// The same, with the day the result report is due (<c>yyyy-MM-dd</c>, Japan time), which only a grant takes and
    /// which must be after today; left empty, the grant sets no due day.
    /// </summary>
    public async Task<Outcome<SubsidyApplication>> DecideAsync(int id, SubsidyAction action, string? amountText, string? reason, string? reportDueText, Guid expectedVersion, Actor actor, CancellationToken ct = default)
    {
        var application = await db.SubsidyApplications.Include(a => a.Window).ThenInclude(w => w!.Program).Include(a => a.Company)
            .SingleOrDefaultAsync(a => a.Id == id && a.Status != ApplicationStatus.Draft, ct);
        if (application is null)
        {
            return Outcome<SubsidyApplication>.NotFound();
        }
        if (action is SubsidyAction.Edit or SubsidyAction.Submit or SubsidyAction.Queue or SubsidyAction.Resubmit or SubsidyAction.Withdraw or SubsidyAction.Promote or SubsidyAction.Report)
        {
            return Outcome<SubsidyApplication>.Invalid("Action", "Subsidy.ChooseAction");
        }
        if (application.Version != expectedVersion)
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.DecidedMeanwhile");
        }
        if (SubsidyRules.Next(application.Status, action) is not { } next)
        {
            return Outcome<SubsidyApplication>.Conflict("Subsidy.NotAllowedNow");
        }
        reason = (reason ?? "").Trim();
        if (action is SubsidyAction.Return or SubsidyAction.Refuse && reason.Length == 0)
        {
            return Outcome<SubsidyApplication>.Invalid("Reason", "Subsidy.ReasonRequired");
        }
        if (reason.Length > ReasonMaxLength)
        {
            return Outcome<SubsidyApplication>.Invalid("Reason", "Subsidy.ReasonTooLong");
        }
        DateOnly? reportDue = null;
        if (!string.IsNullOrWhiteSpace(reportDueText))
        {
            if (action != SubsidyAction.Grant)
            {
                return Outcome<SubsidyApplication>.Invalid("ReportDue", "Subsidy.ReportDueNotForStep");
            }
            if (!DateOnly.TryParseExact(reportDueText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || day <= DateOnly.FromDateTime(JapanTime.Today(clock)))
            {
                return Outcome<SubsidyApplication>.Invalid("ReportDue", "Subsidy.ReportDueInvalid");
            }
            reportDue = day;
        }
        long? amount = null;
        if (action is not (SubsidyAction.Grant or SubsidyAction.Confirm) && !string.IsNullOrWhiteSpace(amountText))
        {
            return Outcome<SubsidyApplication>.Invalid("Amount", "Subsidy.AmountNotForStep");
        }
        if (action is SubsidyAction.Grant or SubsidyAction.Confirm)
        {
            var ceiling = action == SubsidyAction.Grant ? application.RequestedYen : application.GrantedYen!.Value;
            if (string.IsNullOrWhiteSpace(amountText))
            {
                amount = ceiling;
            }
            else if (Amounts.Yen(amountText) is not { } parsed || parsed > ceiling || parsed % SubsidyWindow.Unit != 0)
            {
                return Outcome<SubsidyApplication>.Invalid("Amount", action == SubsidyAction.Grant ? "Subsidy.GrantAmountInvalid" : "Subsidy.ConfirmAmountInvalid");
            }
            else
            {
                amount = parsed;
            }
        }

        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var windowId = application.WindowId;
        var held = application.HeldYen;
        var newHeld = action switch
        {
            SubsidyAction.Grant or SubsidyAction.Confirm => amount!.Value,
            SubsidyAction.Refuse => 0,
            _ => held,
        };
        var delta = newHeld - held;
        if (delta > 0)
        {
            // Screening windows hold budget only at grant: the same conditional update as a first-come reservation.
            var reserved = await db.SubsidyWindows.Where(w => w.Id == windowId && w.ReservedYen + delta <= w.BudgetYen)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.ReservedYen, w => w.ReservedYen + delta), ct);
            if (reserved == 0)
            {
                await transaction.RollbackAsync(ct);
                return Outcome<SubsidyApplication>.Conflict("Subsidy.GrantAboveBudget");
            }
        }
        else if (delta < 0)
        {
            await db.SubsidyWindows.Where(w => w.Id == windowId).ExecuteUpdateAsync(s => s.SetProperty(w => w.ReservedYen, w => w.ReservedYen + delta), ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        application.Status = next;
        application.HeldYen = newHeld;
        switch (action)
        {
            case SubsidyAction.Grant:
                application.GrantedYen = amount;
                application.ResultReportDueOn = reportDue;
                application.DecidedAt = now;
                application.Reason = null;
                break;
            case SubsidyAction.Refuse:
                application.DecidedAt = now;
                application.Reason = reason;
                break;
            case SubsidyAction.Return:
                application.Reason = reason;
                break;
            case SubsidyAction.Confirm:
                application.ConfirmedYen = amount;
                break;
            case SubsidyAction.Pay:
                application.PaidAt = now;
                break;
        }
        application.Events.Add(new SubsidyEvent
        {
            At = now, Action = action.ToString().ToLowerInvariant(), Side = "metro", UserId = actor.UserId, ActorName = actor.Name,
            Detail = amount is { } a ? a.ToString("#,0", CultureInfo.InvariantCulture) : reason.Length > 0 ? reason : null,
        });
        var kind = action switch
        {
            SubsidyAction.Return => SubsidyMailKind.Returned,
            SubsidyAction.Grant => SubsidyMailKind.Granted,
            SubsidyAction.Refuse => SubsidyMailKind.NotGranted,
            SubsidyAction.Confirm => SubsidyMailKind.Confirmed,
            SubsidyAction.Pay => SubsidyMailKind.Paid,
            _ => (SubsidyMailKind?)null,
        };
        if (kind is { } k)
        {
            var program = application.Window!.Program!;
            var facts = new SubsidyMailFacts(program.NameJa, program.NameEn, application.Id, application.Company!.Name, application.ReceiptNumber,
                application.ConfirmedYen ?? application.GrantedYen ?? application.RequestedYen, application.Reason);
            foreach (var recipient in await recipients.MembersAsync(application.CompanyId, ct))
            {
                var content = mail.Compose(k, facts, recipient.Culture);
                outbox.Enqueue(recipient.Email, content.Subject, content.Body, $"/company/subsidies/applications/{application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", recipient.UserId);
            }
        }
        db.Entry(application).Property(a => a.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            return Outcome<SubsidyApplication>.Conflict("Subsidy.DecidedMeanwhile");
        }
        if (delta < 0 && application.Window!.WaitingList)
        {
            await SubsidyBudget.PromoteWaitingAsync(db, windowId, clock, (app, mailKind) => Task.CompletedTask, ct);
        }
        await transaction.CommitAsync(ct);
        return Outcome<SubsidyApplication>.Ok(application);
    }

    private static int? Int(string? text, int min, int max, string field, List<FieldError> errors)
    {
        if (Amounts.Whole(text) is { } value && value >= min && value <= max)
        {
            return (int)value;
        }
        errors.Add(new FieldError(field, "Subsidy.NumberInvalid"));
        return null;
    }

    private static long? Yen(string? text, string field, List<FieldError> errors)
    {
        if (Amounts.Yen(text) is { } value
            && value >= SubsidyWindow.Unit && value <= 100_000_000_000)
        {
            return value;
        }
        errors.Add(new FieldError(field, "Subsidy.YenInvalid"));
        return null;
    }

    private static DateTime? Time(string? text, string field, List<FieldError> errors)
    {
        if (DateTime.TryParseExact(JapaneseInput.NormalizeDigits(text), ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local.Year is >= 2000 and <= 2100)
        {
            return JapanTime.ToUtc(local);
        }
        errors.Add(new FieldError(field, "Subsidy.TimeInvalid"));
        return null;
    }
}
