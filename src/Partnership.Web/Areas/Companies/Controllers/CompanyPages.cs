using Microsoft.EntityFrameworkCore;
using Partnership.Core.Companies;
using Partnership.Infrastructure.Data;
using Partnership.Web.Areas.Companies.Models;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Companies.Controllers;

/// <summary>Reads the company pages share: the form's lists and the overview.</summary>
public sealed class CompanyPages(AppDbContext db)
{
    public async Task<ProfileFormLists> ListsAsync(CancellationToken ct) => new(
        await db.Municipalities.AsNoTracking().OrderBy(m => m.Order).ToListAsync(ct),
        await db.Industries.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct),
        await db.ChamberBranches.AsNoTracking().OrderBy(b => b.Order).ToListAsync(ct));

    public async Task<CompanyOverview> OverviewAsync(Company company, bool iAmOwner, CancellationToken ct)
    {
        var industry = await db.Industries.AsNoTracking().SingleAsync(i => i.Code == company.IndustryCode, ct);
        var branch = company.ChamberBranchCode is null ? null : await db.ChamberBranches.AsNoTracking().SingleOrDefaultAsync(b => b.Code == company.ChamberBranchCode, ct);
        return new CompanyOverview(
            company,
            SmeRules.Classify(company.SmeCategory, company.CapitalYen, company.RegularEmployees),
            Languages.Pick(industry.NameJa, industry.NameEn),
            branch is null ? null : Languages.Pick(branch.NameJa, branch.NameEn),
            iAmOwner);
    }

    public async Task<List<MemberView>> MembersAsync(int companyId, string myUserId, CancellationToken ct) =>
        await db.CompanyMembers.AsNoTracking()
            .Where(m => m.CompanyId == companyId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderByDescending(x => x.m.IsOwner).ThenBy(x => x.m.JoinedAt)
            .Select(x => new MemberView(x.m.Id, x.u.Email!, x.u.DisplayName, x.m.IsOwner, x.m.JoinedAt, x.m.UserId == myUserId))
            .ToListAsync(ct);

    public async Task<List<InvitationView>> OpenInvitationsAsync(int companyId, DateTime now, CancellationToken ct) =>
        await db.CompanyInvitations.AsNoTracking()
            .Where(i => i.CompanyId == companyId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new InvitationView(i.Email, i.ExpiresAt))
            .ToListAsync(ct);
}
