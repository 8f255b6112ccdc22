using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Outreach;

public sealed record ActivityFilter(DateOnly? From, DateOnly? To, OutreachChannel? Channel, string? AreaCode, int? MeasureId, string? BranchCode);

public sealed record ActivityTotals(int Activities, long Reach, IReadOnlyDictionary<OutreachChannel, long> ReachByChannel);

/// <summary>What an import did: the rows it added and the rows it found already imported (none when refused).</summary>
public sealed record ImportResult(int Added, int AlreadyImported, IReadOnlyList<ImportRowError> Errors)
{
    public bool Refused => Errors.Count > 0;
}

/// <summary>
/// The chamber's outreach activity log: logging by hand, changes and deletion by the person who logged, the list
/// with its filters and totals, and the all-or-nothing, idempotent import (docs/adr/0030-spreadsheet-import.md).
/// </summary>
public sealed class OutreachService(IAppDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(JapanTime.Today(clock));

    public IQueryable<OutreachActivity> Query(ActivityFilter filter)
    {
        var query = db.OutreachActivities.AsNoTracking();
        if (filter.From is { } from)
        {
            query = query.Where(a => a.Date >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(a => a.Date <= to);
        }
        if (filter.Channel is { } channel)
        {
            query = query.Where(a => a.Channel == channel);
        }
        if (!string.IsNullOrEmpty(filter.AreaCode))
        {
            query = query.Where(a => a.Measures.Any(m => m.Measure!.Area!.Code == filter.AreaCode));
        }
        if (filter.MeasureId is { } measureId)
        {
            query = query.Where(a => a.Measures.Any(m => m.MeasureId == measureId));
        }
        if (!string.IsNullOrEmpty(filter.BranchCode))
        {
            query = query.Where(a => a.BranchCode == filter.BranchCode);
        }
        return query;
    }

    /// <summary>The activities the filter finds as the list and the export show them, newest first.</summary>
    public Task<List<ActivityRow>> RowsAsync(ActivityFilter filter, int take, CancellationToken ct = default) =>
        Query(filter).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new ActivityRow(a.Id, a.Date, a.Channel, a.BranchCode, a.Reach, a.Title == "" ? a.Note : a.Issue == "" ? a.Title : a.Title + " (" + a.Issue + ")", a.LoggedByUserId,
                a.Measures.Select(m => m.Measure!.TitleJa).ToList(), a.Measures.Select(m => m.Measure!.TitleEn).ToList(), a.Companies.Count))
            .ToListAsync(ct);

    public async Task<ActivityTotals> TotalsAsync(ActivityFilter filter, CancellationToken ct = default)
    {
        var byChannel = await Query(filter).GroupBy(a => a.Channel)
            .Select(g => new { Channel = g.Key, Count = g.Count(), Reach = g.Sum(a => (long)a.Reach) }).ToListAsync(ct);
        return new ActivityTotals(byChannel.Sum(g => g.Count), byChannel.Sum(g => g.Reach), byChannel.ToDictionary(g => g.Channel, g => g.Reach));
    }

    public Task<OutreachActivity?> FindAsync(int id, CancellationToken ct = default) =>
        db.OutreachActivities.AsNoTracking().Include(a => a.Measures).Include(a => a.Companies).SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<Outcome<int>> LogAsync(ActivityInput input, string userId, CancellationToken ct = default)
    {
        var errors = await CheckAsync(input, input.Scope ?? Members.MemberScope.All, [], ct);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var activity = new OutreachActivity { BranchCode = "", LoggedByUserId = userId };
        Apply(activity, input);
        db.OutreachActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(activity.Id);
    }

    /// <summary>
    /// Changes an activity, from its current version; only the person who logged it or their branch's manager may
    /// (<see cref="OutreachRules.MayChange"/>); for anyone else it is not found and nothing changes (the controller has answered 403 before).
    /// </summary>
    public async Task<Outcome<Guid>> UpdateAsync(int id, ActivityInput input, Guid expectedVersion, ChamberEditor editor, CancellationToken ct = default)
    {
        var activity = await db.OutreachActivities.Include(a => a.Measures).Include(a => a.Companies).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
        {
            return Outcome<Guid>.NotFound();
        }
        if (!OutreachRules.MayChange(activity.LoggedByUserId, activity.BranchCode, editor))
        {
            return Outcome<Guid>.NotFound();
        }
        var errors = await CheckAsync(input, Members.MemberScope.Of(editor.BranchCode, editor.IsBranchManager), activity.Companies.Select(c => c.CompanyId).ToList(), ct);
        if (errors.Count == 0 && !OutreachRules.MayMoveTo(activity.LoggedByUserId, input.BranchCode!, editor))
        {
            errors.Add(new(nameof(input.BranchCode), "Outreach.BranchNotYours"));
        }
        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (activity.Version != expectedVersion)
        {
            return Outcome<Guid>.Conflict("Outreach.ChangedMeanwhile");
        }
        db.Entry(activity).Property(a => a.Version).OriginalValue = expectedVersion;
        Apply(activity, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict("Outreach.ChangedMeanwhile");
        }
        return Outcome<Guid>.Ok(activity.Version);
    }

    public async Task<Outcome<bool>> DeleteAsync(int id, ChamberEditor editor, CancellationToken ct = default)
    {
        var activity = await db.OutreachActivities.Include(a => a.Measures).Include(a => a.Companies).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
        {
            return Outcome<bool>.NotFound();
        }
        if (!OutreachRules.MayChange(activity.LoggedByUserId, activity.BranchCode, editor))
        {
            return Outcome<bool>.NotFound();
        }
        db.OutreachActivities.Remove(activity);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Imports the rows of a file (header excluded): every row is checked first; with any error nothing is saved and
    /// every error comes back, row by row. Rows imported before (same content, same occurrence) are not added again.
    /// </summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<string[]> rows, string userId, CancellationToken ct = default)
    {
        var latest = await db.PartnershipPlans.MaxAsync(p => (int?)p.FiscalYear, ct);
        var measures = await db.Measures.AsNoTracking().Where(m => m.Plan!.FiscalYear == latest).Select(m => new { m.Key, m.Id }).ToListAsync(ct);
        var branches = await db.ChamberBranches.AsNoTracking().Select(b => b.Code).ToListAsync(ct);
        var reference = new ImportReference(measures.ToDictionary(m => m.Key.ToUpperInvariant(), m => m.Id), branches.ToHashSet(StringComparer.Ordinal));
        var (valid, errors) = OutreachRules.Validate(rows, reference, Today);
        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors);
        }
        var keys = valid.Select(r => r.ImportKey).ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            existing.UnionWith(await db.OutreachActivities.Where(a => a.ImportKey != null && chunk.Contains(a.ImportKey)).Select(a => a.ImportKey!).ToListAsync(ct));
        }
        var added = 0;
        foreach (var row in valid.Where(r => !existing.Contains(r.ImportKey)))
        {
            db.OutreachActivities.Add(new OutreachActivity
            {
                Date = row.Date, Channel = row.Channel, BranchCode = row.BranchCode, Reach = row.Reach, Note = row.Note, LoggedByUserId = userId,
                ImportKey = row.ImportKey, Measures = [.. row.MeasureIds.Select(id => new OutreachActivityMeasure { MeasureId = id })],
            });
            added++;
        }
        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same file imported twice at once: the unique import key refused the second; nothing of it was saved.
                return new ImportResult(0, 0, [new ImportRowError(0, "", "Outreach.Import.Concurrent")]);
            }
        }
        return new ImportResult(added, valid.Count - added, []);
    }

    /// <summary>
    /// The rules, the reference data, and the member companies named: verified members the user sees (<paramref name="scope"/>,
    /// a branch manager's branch, docs/adr/0087) or already on the saved activity (<paramref name="saved"/>).
    /// </summary>
    private async Task<List<FieldError>> CheckAsync(ActivityInput input, Members.MemberScope scope, IReadOnlyCollection<int> saved, CancellationToken ct)
    {
        var errors = OutreachRules.Check(input, Today);
        var measureIds = input.MeasureIds.Distinct().ToList();
        if (measureIds.Count > 0 && measureIds.Count <= OutreachRules.MaxMeasuresPerActivity
            && await db.Measures.CountAsync(m => measureIds.Contains(m.Id), ct) != measureIds.Count)
        {
            errors.Add(new(nameof(input.MeasureIds), "Validation.RequiredChoice"));
        }
        if (!string.IsNullOrWhiteSpace(input.BranchCode) && !await db.ChamberBranches.AnyAsync(b => b.Code == input.BranchCode, ct))
        {
            errors.Add(new(nameof(input.BranchCode), "Validation.RequiredChoice"));
        }
        var companyIds = input.CompanyIds.Distinct().ToList();
        if (companyIds.Count > 50)
        {
            errors.Add(new(nameof(input.CompanyIds), "Validation.Invalid"));
        }
        else if (!await OutreachChoices.MayNameAsync(db, companyIds, saved, scope, ct))
        {
            errors.Add(new(nameof(input.CompanyIds), scope.BranchCode is null ? "Validation.Invalid" : "Outreach.MemberOutsideBranch"));
        }
        return errors;
    }

    private static void Apply(OutreachActivity activity, ActivityInput input)
    {
        activity.Date = input.Date!.Value;
        activity.Channel = input.Channel!.Value;
        activity.BranchCode = input.BranchCode!;
        activity.Reach = input.Reach!.Value;
        activity.Note = (input.Note ?? "").Trim();
        var measureIds = input.MeasureIds.Distinct().ToList();
        activity.Measures.RemoveAll(m => !measureIds.Contains(m.MeasureId));
        activity.Measures.AddRange(measureIds.Where(id => activity.Measures.All(m => m.MeasureId != id)).Select(id => new OutreachActivityMeasure { MeasureId = id }));
        var companyIds = input.CompanyIds.Distinct().ToList();
        activity.Companies.RemoveAll(c => !companyIds.Contains(c.CompanyId));
        activity.Companies.AddRange(companyIds.Where(id => activity.Companies.All(c => c.CompanyId != id)).Select(id => new OutreachActivityCompany { CompanyId = id }));
    }
}
