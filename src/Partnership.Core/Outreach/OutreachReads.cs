using Microsoft.EntityFrameworkCore;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Reference;

namespace Partnership.Core.Outreach;

/// <summary>A member company as a choice in a form.</summary>
public sealed record MemberOption(int Id, string Name);

/// <summary>An activity as the list and the export show it.</summary>
public sealed record ActivityRow(int Id, DateOnly Date, OutreachChannel Channel, string BranchCode, int Reach, string Note, string LoggedByUserId, IReadOnlyList<string> MeasureTitlesJa, IReadOnlyList<string> MeasureTitlesEn, int Companies);

/// <summary>A publicity request as its list shows it, with its publications' count and reach.</summary>
public sealed record PublicityRow(int Id, string Title, string MeasureJa, string MeasureEn, PublicityStatus Status, DateTime RequestedAt, int Publications, long Reach);

/// <summary>A member support case as its lists show it.</summary>
public sealed record SupportCaseRow(int Id, int CompanyId, string CompanyName, DateOnly Date, string AreaCode, string BranchCode, string Advice, DateOnly? FollowUpOn,
    DateOnly? FollowedUpOn, string RecordedByUserId);

/// <summary>
/// The choices the outreach pages offer, the same on every page of the area: the chamber's branches, the programme
/// areas, the measures of the latest plan and the member companies.
/// </summary>
public sealed class OutreachChoices(IAppDbContext db)
{
    /// <summary>At most this many member companies are offered in a form.</summary>
    public const int MemberLimit = 500;

    public Task<List<ChamberBranch>> BranchesAsync(CancellationToken ct = default) =>
        db.ChamberBranches.AsNoTracking().OrderBy(b => b.Order).ToListAsync(ct);

    public Task<List<ProgramArea>> AreasAsync(CancellationToken ct = default) =>
        db.ProgramAreas.AsNoTracking().OrderBy(a => a.Order).ToListAsync(ct);

    /// <summary>The measures of the latest plan with their area, in the plan's order, and those already chosen.</summary>
    public async Task<List<Measure>> MeasuresAsync(IReadOnlyCollection<int> chosen, CancellationToken ct = default)
    {
        var latest = await LatestPlanAsync(ct);
        return await db.Measures.AsNoTracking().Include(m => m.Area).Where(m => m.Plan!.FiscalYear == latest || chosen.Contains(m.Id))
            .OrderBy(m => m.Area!.Order).ThenBy(m => m.Order).ToListAsync(ct);
    }

    /// <summary>The measures of the latest plan on one side (Metro's, for requests to the chamber), with their area.</summary>
    public async Task<List<Measure>> MeasuresAsync(MeasureSide side, CancellationToken ct = default)
    {
        var latest = await LatestPlanAsync(ct);
        return await db.Measures.AsNoTracking().Include(m => m.Area).Where(m => m.Plan!.FiscalYear == latest && m.Side == side)
            .OrderBy(m => m.Area!.Order).ThenBy(m => m.Order).ToListAsync(ct);
    }

    /// <summary>
    /// The member companies the user sees (<paramref name="scope"/>: a branch manager's branch, docs/adr/0087) by their
    /// kana, and the companies already on the saved record (<paramref name="saved"/>) even if no longer members or in scope.
    /// </summary>
    public Task<List<MemberOption>> MembersAsync(IReadOnlyCollection<int> saved, Members.MemberScope scope, CancellationToken ct = default)
    {
        var visible = db.Companies.VerifiedMembersVisibleTo(scope.BranchCode).Select(c => c.Id);
        return db.Companies.AsNoTracking().Where(c => visible.Contains(c.Id) || saved.Contains(c.Id))
            .OrderBy(c => c.NameKana).Select(c => new MemberOption(c.Id, c.Name)).Take(MemberLimit).ToListAsync(ct);
    }

    /// <summary>
    /// Whether every company of <paramref name="companyIds"/> is a member the user may name on a record: one they see
    /// (<paramref name="scope"/>) or one already on the saved record (<paramref name="saved"/>, kept when it is edited).
    /// </summary>
    public static async Task<bool> MayNameAsync(IAppDbContext db, IReadOnlyCollection<int> companyIds, IReadOnlyCollection<int> saved, Members.MemberScope scope, CancellationToken ct)
    {
        var added = companyIds.Except(saved).ToList();
        return added.Count == 0 || await db.Companies.VerifiedMembersVisibleTo(scope.BranchCode).CountAsync(c => added.Contains(c.Id), ct) == added.Count;
    }

    /// <summary>One member company; null when there is none by that id or it is not a member.</summary>
    public Task<MemberOption?> MemberAsync(int companyId, CancellationToken ct = default) =>
        db.Companies.AsNoTracking().Where(c => c.Id == companyId && c.MembershipVerified).Select(c => new MemberOption(c.Id, c.Name)).SingleOrDefaultAsync(ct);

    private Task<int?> LatestPlanAsync(CancellationToken ct) => db.PartnershipPlans.AsNoTracking().MaxAsync(p => (int?)p.FiscalYear, ct);
}
