using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Members;

/// <summary>What an import did, or the errors that stopped it (then nothing was saved).</summary>
public sealed record RosterImportResult(int Added, int Updated, int Unchanged, int Left, IReadOnlyList<RosterRowError> Errors)
{
    public bool Refused => Errors.Count > 0;
}

/// <summary>
/// The Chamber's member roster: the import of the whole roster (docs/adr/0069-member-roster.md). Every row is checked
/// first; with any error nothing is saved. Then each row finds its entry by 会員番号, else by 法人番号: a new member is
/// added, a changed one updated, an unchanged one left alone; members of the roster absent from the file are marked
/// 退会 with the day, not deleted. The writes go in batches of <see cref="BatchSize"/> entities inside one
/// transaction, so 80,000 rows are neither one huge change-tracked save nor 80,000 saves, and a failure saves nothing.
/// </summary>
public sealed class MemberRosterService(IAppDbContext db, TimeProvider clock)
{
    public const int BatchSize = 2_000;

    public async Task<RosterImportResult> ImportAsync(IReadOnlyList<string[]> dataRows, CancellationToken ct = default)
    {
        var branches = (await db.ChamberBranches.AsNoTracking().Select(b => b.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (rows, errors) = RosterRules.Validate(dataRows, branches);
        if (errors.Count > 0)
        {
            return new RosterImportResult(0, 0, 0, 0, errors);
        }
        var existing = await db.RosterMembers.AsNoTracking().ToListAsync(ct);
        var byNumber = existing.ToDictionary(m => m.MemberNumber, StringComparer.Ordinal);
        var byCorporate = existing.Where(m => m.CorporateNumber != null).GroupBy(m => m.CorporateNumber!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<int>();
        var added = new List<RosterMember>();
        var changed = new List<RosterMember>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            var entry = byNumber.GetValueOrDefault(row.MemberNumber)
                ?? (row.CorporateNumber is { } corporate && byCorporate.GetValueOrDefault(corporate) is { } found && !seen.Contains(found.Id) ? found : null);
            if (entry is null)
            {
                added.Add(Apply(new RosterMember
                {
                    MemberNumber = row.MemberNumber, Name = row.Name, NameKana = row.NameKana, NameFolded = "", KanaFolded = "", BranchCode = row.BranchCode,
                }, row));
                continue;
            }
            if (!seen.Add(entry.Id))
            {
                // Another row of the file already took this entry (its 法人番号 and another's 会員番号): both cannot be it.
                errors.Add(new RosterRowError(row.Row, RosterRules.Columns[1], "Roster.Import.Ambiguous", [entry.MemberNumber]));
                continue;
            }
            if (Same(entry, row))
            {
                unchanged++;
                continue;
            }
            changed.Add(Apply(entry, row));
        }
        if (errors.Count > 0)
        {
            return new RosterImportResult(0, 0, 0, 0, errors);
        }
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        var leaving = existing.Where(m => m.Status == RosterStatus.Current && !seen.Contains(m.Id)).ToList();
        foreach (var member in leaving)
        {
            member.Status = RosterStatus.Left;
            member.LeftOn = today;
        }

        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        foreach (var batch in added.Chunk(BatchSize))
        {
            db.RosterMembers.AddRange(batch);
            await SaveBatchAsync(ct);
        }
        foreach (var batch in changed.Concat(leaving).Chunk(BatchSize))
        {
            foreach (var member in batch)
            {
                db.RosterMembers.Update(member);
            }
            await SaveBatchAsync(ct);
        }
        await MembershipVerification.RefreshAllAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new RosterImportResult(added.Count, changed.Count, unchanged, leaving.Count, []);
    }

    private async Task SaveBatchAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static bool Same(RosterMember m, RosterRow r) =>
        m.Status == RosterStatus.Current && m.MemberNumber == r.MemberNumber && m.CorporateNumber == r.CorporateNumber && m.Name == r.Name
        && m.NameKana == r.NameKana && m.BranchCode == r.BranchCode && m.JoinedOn == r.JoinedOn && m.ContactName == r.ContactName && m.Address == r.Address
        && m.ContactEmail == r.ContactEmail;

    private static RosterMember Apply(RosterMember m, RosterRow r)
    {
        m.MemberNumber = r.MemberNumber;
        m.CorporateNumber = r.CorporateNumber;
        m.Name = r.Name;
        m.NameKana = r.NameKana;
        m.NameFolded = RosterRules.Fold(r.Name);
        m.KanaFolded = RosterRules.Fold(r.NameKana);
        m.BranchCode = r.BranchCode;
        m.JoinedOn = r.JoinedOn;
        m.ContactName = r.ContactName;
        m.Address = r.Address;
        m.ContactEmail = r.ContactEmail;
        m.Status = RosterStatus.Current;
        m.LeftOn = null;
        return m;
    }

    /// <summary>The roster's entries the user may see, for the staff page (a page at a time).</summary>
    public IQueryable<RosterMember> Query(string? branchCode, MemberScope scope) =>
        db.RosterMembers.AsNoTracking().VisibleTo(scope).InBranch(branchCode);
}

/// <summary>Named queries over the roster.</summary>
public static class RosterQueries
{
    public static IQueryable<RosterMember> InBranch(this IQueryable<RosterMember> query, string? branchCode) =>
        string.IsNullOrEmpty(branchCode) ? query : query.Where(m => m.BranchCode == branchCode);

    /// <summary>The entries a chamber user of <paramref name="scope"/> may see: a branch manager's branch, else all.</summary>
    public static IQueryable<RosterMember> VisibleTo(this IQueryable<RosterMember> query, MemberScope scope) =>
        scope.BranchCode is { } branch ? query.Where(m => m.BranchCode == branch) : query;

    public static IQueryable<RosterMember> Current(this IQueryable<RosterMember> query) =>
        query.Where(m => m.Status == RosterStatus.Current);
}
