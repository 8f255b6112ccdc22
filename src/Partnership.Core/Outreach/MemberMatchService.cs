using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Members;

namespace Partnership.Core.Outreach;

/// <summary>A roster entry waiting for a match by hand, as the match page shows it.</summary>
public sealed record MatchEntry(int Id, string MemberNumber, string Name, string NameKana, string BranchCode, string Address, int? MatchedCompanyId, string? MatchedCompanyName);

/// <summary>
/// A match by hand as its undo's confirmation shows it: the entry, the company, and what the undo does to the entry's
/// referrals (<see cref="Waiting"/> go back to waiting for the member; <see cref="Converted"/> keep their conversion).
/// </summary>
public sealed record MatchToUndo(int Id, string MemberNumber, string Name, string NameKana, string BranchCode, int CompanyId, string CompanyName, DateTime? MatchedAt,
    int Waiting, int Converted);

/// <summary>A registered company the entry could be: its name, reading and address.</summary>
public sealed record MatchCandidate(int Id, string Name, string NameKana, string CityName, string Street);

/// <summary>
/// The match by hand of a roster member without a 法人番号 (a sole proprietor) to a registered company
/// (docs/adr/0087-branch-scope-and-manual-match.md). Confirmed by chamber staff who see the member (a branch manager:
/// their branch's), it verifies the company's membership with the entry's branch and attaches the entry's waiting
/// referrals, as the 法人番号 match does at registration. The save is audited like every other (who, when, what).
/// </summary>
public sealed class MemberMatchService(IAppDbContext db, TimeProvider clock)
{
    public const int CandidateLimit = 20;

    /// <summary>A current entry without a 法人番号 that the user sees; null otherwise.</summary>
    public Task<MatchEntry?> EntryAsync(int rosterMemberId, MemberScope scope, CancellationToken ct = default) =>
        db.RosterMembers.AsNoTracking().VisibleTo(scope).Current().Where(m => m.Id == rosterMemberId && m.CorporateNumber == null)
            .Select(m => new MatchEntry(m.Id, m.MemberNumber, m.Name, m.NameKana, m.BranchCode, m.Address, m.MatchedCompanyId,
                db.Companies.Where(c => c.Id == m.MatchedCompanyId).Select(c => c.Name).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// Registered companies without a 法人番号 and not yet a verified member, whose name contains the text or whose
    /// reading starts with it (half-width and hiragana readings typed are folded to full-width katakana).
    /// </summary>
    public async Task<List<MatchCandidate>> CandidatesAsync(string? text, CancellationToken ct = default)
    {
        var name = (text ?? "").Trim();
        if (name.Length == 0)
        {
            return [];
        }
        var kana = JapaneseInput.ToFullWidthKatakana(name);
        return await db.Companies.AsNoTracking()
            .Where(c => c.CorporateNumber == null && !c.MembershipVerified && (c.Name.Contains(name) || c.NameKana.StartsWith(kana)))
            .OrderBy(c => c.NameKana).ThenBy(c => c.Id).Take(CandidateLimit)
            .Select(c => new MatchCandidate(c.Id, c.Name, c.NameKana, c.CityName, c.Street)).ToListAsync(ct);
    }

    /// <summary>The match by hand of an entry the user sees, for its undo; null when the entry is not matched or not seen.</summary>
    public Task<MatchToUndo?> MatchToUndoAsync(int rosterMemberId, MemberScope scope, CancellationToken ct = default) =>
        db.RosterMembers.AsNoTracking().VisibleTo(scope).Where(m => m.Id == rosterMemberId && m.CorporateNumber == null && m.MatchedCompanyId != null)
            .Select(m => new MatchToUndo(m.Id, m.MemberNumber, m.Name, m.NameKana, m.BranchCode, m.MatchedCompanyId!.Value,
                db.Companies.Where(c => c.Id == m.MatchedCompanyId).Select(c => c.Name).FirstOrDefault() ?? "", m.MatchedAt,
                db.Referrals.Count(r => r.RosterMemberId == m.Id && r.CompanyId == m.MatchedCompanyId && r.ConvertedAt == null),
                db.Referrals.Count(r => r.RosterMemberId == m.Id && r.CompanyId == m.MatchedCompanyId && r.ConvertedAt != null)))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// Undoes a match by hand (docs/adr/0087): the entry is no longer matched, the company's membership goes back to what
    /// the roster says without the match (unverified, unless it has since got a 法人番号 that matches a current entry), and
    /// the entry's referrals that have not converted go back to waiting for the member. Referrals that converted keep
    /// their company and conversion: the submission happened and the figures were reported. <paramref name="companyId"/>
    /// is the company the user confirmed: when the entry is matched to another one meanwhile, nothing changes (conflict).
    /// Audited like every save (who, when, the old and new values).
    /// </summary>
    public async Task<Outcome<int>> UnmatchAsync(int rosterMemberId, int? companyId, MemberScope scope, CancellationToken ct = default)
    {
        var entry = await db.RosterMembers.VisibleTo(scope).SingleOrDefaultAsync(m => m.Id == rosterMemberId && m.CorporateNumber == null && m.MatchedCompanyId != null, ct);
        if (entry is null)
        {
            return Outcome<int>.NotFound();
        }
        if (companyId != entry.MatchedCompanyId)
        {
            return Outcome<int>.Conflict("Roster.Unmatch.ChangedMeanwhile");
        }
        var company = await db.Companies.SingleAsync(c => c.Id == entry.MatchedCompanyId, ct);
        entry.MatchedCompanyId = null;
        entry.MatchedAt = null;
        var number = company.CorporateNumber;
        var branch = number is null ? null
            : await db.RosterMembers.Current().Where(m => m.CorporateNumber == number).OrderBy(m => m.Id).Select(m => m.BranchCode).FirstOrDefaultAsync(ct);
        company.MembershipVerified = branch is not null;
        company.MemberBranchCode = branch;
        var waiting = await db.Referrals.Where(r => r.RosterMemberId == entry.Id && r.CompanyId == company.Id && r.ConvertedAt == null).ToListAsync(ct);
        foreach (var referral in waiting)
        {
            referral.CompanyId = null;
            referral.AttachedAt = null;
        }
        foreach (var bucket in waiting.Select(r => Facts.Families.MonthBucket(r.ReferredAt)).Distinct())
        {
            db.DashboardDirtyMarks.Add(new Facts.DashboardDirtyMark { Family = Facts.Families.Referrals, Bucket = bucket });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.Conflict("Roster.Unmatch.ChangedMeanwhile");
        }
        return Outcome<int>.Ok(company.Id);
    }

    /// <summary>Confirms the match; refused with a message (nothing changed) when the entry or company cannot be matched.</summary>
    public async Task<Outcome<int>> MatchAsync(int rosterMemberId, int? companyId, MemberScope scope, CancellationToken ct = default)
    {
        var entry = await db.RosterMembers.VisibleTo(scope).Current().SingleOrDefaultAsync(m => m.Id == rosterMemberId && m.CorporateNumber == null, ct);
        if (entry is null)
        {
            return Outcome<int>.NotFound();
        }
        if (entry.MatchedCompanyId is not null)
        {
            return Outcome<int>.Invalid("CompanyId", "Roster.Match.AlreadyMatched");
        }
        if (companyId is not { } id)
        {
            return Outcome<int>.Invalid("CompanyId", "Roster.Match.ChooseCompany");
        }
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (company is null || company.CorporateNumber is not null || company.MembershipVerified
            || await db.RosterMembers.AnyAsync(m => m.MatchedCompanyId == id, ct))
        {
            return Outcome<int>.Invalid("CompanyId", "Roster.Match.CompanyNotMatchable");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        entry.MatchedCompanyId = company.Id;
        entry.MatchedAt = now;
        company.MembershipVerified = true;
        company.MemberBranchCode = entry.BranchCode;
        var waiting = await db.Referrals.Where(r => r.RosterMemberId == entry.Id && r.CompanyId == null).ToListAsync(ct);
        foreach (var referral in waiting)
        {
            referral.CompanyId = company.Id;
            referral.AttachedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another person matched the entry or the company at the same moment (unique index, version): one match stands.
            return Outcome<int>.Conflict("Roster.Match.AlreadyMatched");
        }
        return Outcome<int>.Ok(company.Id);
    }
}
