using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Outreach;

public sealed record SupportCaseInput(int? CompanyId, DateOnly? Date, string? AreaCode, string? BranchCode, string? Advice, DateOnly? FollowUpOn, DateOnly? FollowedUpOn);

/// <summary>
/// The case log of support for member companies' own initiatives (会員企業が独自に行う取組の支援): chamber staff record
/// each case (company, date, area, what was advised, follow-up date) and mark follow-ups done; a case is changed by
/// whoever recorded it or their branch's manager (<see cref="OutreachRules.MayChange"/>).
/// </summary>
public sealed class MemberSupportService(IAppDbContext db, TimeProvider clock)
{
    /// <summary>A list shows at most this many cases.</summary>
    public const int ListLimit = 300;

    private DateOnly Today => DateOnly.FromDateTime(JapanTime.Today(clock));

    /// <summary>Cases whose follow-up date has come and which are not followed up yet, as of today in Japan.</summary>
    public IQueryable<MemberSupportCase> Due()
    {
        var today = Today;
        return db.MemberSupportCases.AsNoTracking().Where(c => c.FollowUpOn != null && c.FollowUpOn <= today && c.FollowedUpOn == null);
    }

    /// <summary>Every case, newest first, or only the follow-ups due (oldest due first); of one branch when given.</summary>
    public Task<List<SupportCaseRow>> CasesAsync(bool dueOnly, string? branchCode, CancellationToken ct = default)
    {
        var query = dueOnly ? Due() : db.MemberSupportCases.AsNoTracking();
        if (!string.IsNullOrEmpty(branchCode))
        {
            query = query.Where(c => c.BranchCode == branchCode);
        }
        query = dueOnly ? query.OrderBy(c => c.FollowUpOn).ThenBy(c => c.Id) : query.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id);
        return RowsAsync(query, ct);
    }

    /// <summary>One company's cases, newest first.</summary>
    public Task<List<SupportCaseRow>> CasesOfAsync(int companyId, CancellationToken ct = default) =>
        RowsAsync(db.MemberSupportCases.AsNoTracking().Where(c => c.CompanyId == companyId).OrderByDescending(c => c.Date).ThenByDescending(c => c.Id), ct);

    public Task<int> DueCountAsync(CancellationToken ct = default) => Due().CountAsync(ct);

    public Task<MemberSupportCase?> FindAsync(int id, CancellationToken ct = default) =>
        db.MemberSupportCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Records a case; the same form sent twice (the same <paramref name="submissionKey"/>) is one case.</summary>
    public async Task<Outcome<int>> RecordAsync(SupportCaseInput input, ChamberEditor editor, Guid? submissionKey = null, CancellationToken ct = default)
    {
        if (submissionKey == Guid.Empty)
        {
            // Only a tampered form sends an empty key.
            return Outcome<int>.Invalid("", "Form.Resend");
        }
        if (await SubmittedAsync(submissionKey, editor.UserId, ct) is { } already)
        {
            return Outcome<int>.Ok(already);
        }
        var errors = await CheckAsync(input, Members.MemberScope.Of(editor.BranchCode, editor.IsBranchManager), null, ct);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var supportCase = new MemberSupportCase { AreaCode = "", BranchCode = "", Advice = "", RecordedByUserId = editor.UserId, SubmissionKey = submissionKey };
        Apply(supportCase, input);
        db.MemberSupportCases.Add(supportCase);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (submissionKey is not null)
        {
            // The same form at the same moment: the unique key refused this one; the first stands.
            db.MemberSupportCases.Entry(supportCase).State = EntityState.Detached;
            if (await SubmittedAsync(submissionKey, editor.UserId, ct) is { } first)
            {
                return Outcome<int>.Ok(first);
            }
            throw;
        }
        return Outcome<int>.Ok(supportCase.Id);
    }

    private async Task<int?> SubmittedAsync(Guid? submissionKey, string userId, CancellationToken ct) =>
        submissionKey is { } key
            ? await db.MemberSupportCases.AsNoTracking().Where(c => c.SubmissionKey == key && c.RecordedByUserId == userId).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            : null;

    /// <summary>Changes a case from its current version; someone not allowed finds it not found and changes nothing.</summary>
    public async Task<Outcome<Guid>> UpdateAsync(int id, SupportCaseInput input, Guid expectedVersion, ChamberEditor editor, CancellationToken ct = default)
    {
        var supportCase = await db.MemberSupportCases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (supportCase is null || !OutreachRules.MayChange(supportCase.RecordedByUserId, supportCase.BranchCode, editor))
        {
            return Outcome<Guid>.NotFound();
        }
        // The company of a case does not change: a case about another company is a new case.
        var errors = await CheckAsync(input with { CompanyId = supportCase.CompanyId }, Members.MemberScope.Of(editor.BranchCode, editor.IsBranchManager), supportCase.CompanyId, ct);
        if (errors.Count == 0 && !OutreachRules.MayMoveTo(supportCase.RecordedByUserId, input.BranchCode!, editor))
        {
            errors.Add(new(nameof(input.BranchCode), "Outreach.BranchNotYours"));
        }
        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (supportCase.Version != expectedVersion)
        {
            return Outcome<Guid>.Conflict("Outreach.ChangedMeanwhile");
        }
        db.Entry(supportCase).Property(c => c.Version).OriginalValue = expectedVersion;
        Apply(supportCase, input with { CompanyId = supportCase.CompanyId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict("Outreach.ChangedMeanwhile");
        }
        return Outcome<Guid>.Ok(supportCase.Version);
    }

    /// <summary>
    /// The rules and the member company: a verified member the user sees (<paramref name="scope"/>, a branch manager's
    /// branch, docs/adr/0087), or the case's own company when it is edited (<paramref name="saved"/>).
    /// </summary>
    private async Task<List<FieldError>> CheckAsync(SupportCaseInput input, Members.MemberScope scope, int? saved, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var today = Today;
        if (input.CompanyId is not { } companyId || !await db.Companies.AnyAsync(c => c.Id == companyId && c.MembershipVerified, ct))
        {
            errors.Add(new(nameof(input.CompanyId), "Validation.RequiredChoice"));
        }
        else if (!await OutreachChoices.MayNameAsync(db, [companyId], saved is { } s ? [s] : [], scope, ct))
        {
            errors.Add(new(nameof(input.CompanyId), "Outreach.MemberOutsideBranch"));
        }
        if (input.Date is not { } date)
        {
            errors.Add(new(nameof(input.Date), "Validation.Required"));
        }
        else if (date < OutreachRules.Earliest || date > today)
        {
            errors.Add(new(nameof(input.Date), "Outreach.DateOutOfRange"));
        }
        if (string.IsNullOrWhiteSpace(input.AreaCode) || !await db.ProgramAreas.AnyAsync(a => a.Code == input.AreaCode, ct))
        {
            errors.Add(new(nameof(input.AreaCode), "Validation.RequiredChoice"));
        }
        if (string.IsNullOrWhiteSpace(input.BranchCode) || !await db.ChamberBranches.AnyAsync(b => b.Code == input.BranchCode, ct))
        {
            errors.Add(new(nameof(input.BranchCode), "Validation.RequiredChoice"));
        }
        OutreachRules.CheckText(errors, nameof(input.Advice), input.Advice, MemberSupportCase.AdviceMaxLength, required: true);
        if (input.FollowUpOn is { } followUp && (followUp > today.AddYears(5) || (input.Date is { } d1 && followUp < d1)))
        {
            errors.Add(new(nameof(input.FollowUpOn), "Support.FollowUpOrder"));
        }
        if (input.FollowedUpOn is { } done && (done > today || (input.Date is { } d2 && done < d2)))
        {
            errors.Add(new(nameof(input.FollowedUpOn), "Support.FollowedUpOrder"));
        }
        return errors;
    }

    private static void Apply(MemberSupportCase supportCase, SupportCaseInput input)
    {
        supportCase.CompanyId = input.CompanyId!.Value;
        supportCase.Date = input.Date!.Value;
        supportCase.AreaCode = input.AreaCode!;
        supportCase.BranchCode = input.BranchCode!;
        supportCase.Advice = input.Advice!.Trim();
        supportCase.FollowUpOn = input.FollowUpOn;
        supportCase.FollowedUpOn = input.FollowedUpOn;
    }

    private static Task<List<SupportCaseRow>> RowsAsync(IQueryable<MemberSupportCase> query, CancellationToken ct) =>
        query.Take(ListLimit).Select(c => new SupportCaseRow(c.Id, c.CompanyId, c.Company!.Name, c.Date, c.AreaCode, c.BranchCode, c.Advice, c.FollowUpOn, c.FollowedUpOn, c.RecordedByUserId))
            .ToListAsync(ct);
}
