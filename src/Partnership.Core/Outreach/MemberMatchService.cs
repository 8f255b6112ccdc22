using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Members;

namespace Partnership.Core.Outreach;

/// <summary>A roster entry waiting for a match by hand, as the match page shows it.</summary>
public sealed record MatchEntry(int Id, string MemberNumber, string Name, string NameKana, string BranchCode, string Address, int? MatchedCompanyId, string? MatchedCompanyName);

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
