using Partnership.Core.Companies;
using Partnership.Core.Reference;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Companies.Models;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Companies.Controllers;

/// <summary>What the company pages share: the form's lists and the overview, put together from the services.</summary>
public sealed class CompanyPages(IReferenceLists lists, CompanyService companies, UserDirectory people)
{
    public async Task<ProfileFormLists> ListsAsync(CancellationToken ct) => new(
        await lists.MunicipalitiesAsync(ct),
        await lists.IndustriesAsync(ct),
        await lists.BranchesAsync(ct));

    public async Task<CompanyOverview> OverviewAsync(Company company, bool iAmOwner, CancellationToken ct)
    {
        var industry = (await lists.IndustriesAsync(ct)).Single(i => i.Code == company.IndustryCode);
        var branch = company.ChamberBranchCode is null ? null : (await lists.BranchesAsync(ct)).SingleOrDefault(b => b.Code == company.ChamberBranchCode);
        return new CompanyOverview(
            company,
            SmeRules.Classify(company.SmeCategory, company.CapitalYen, company.RegularEmployees),
            Languages.Pick(industry.NameJa, industry.NameEn),
            branch is null ? null : Languages.Pick(branch.NameJa, branch.NameEn),
            iAmOwner,
            iAmOwner ? (await companies.OpenJoinRequestsAsync(company.Id, ct)).Count : 0);
    }

    public async Task<List<MemberView>> MembersAsync(int companyId, string myUserId, CancellationToken ct) =>
        [.. (await people.MembersAsync(companyId, ct)).Select(m => new MemberView(m.Id, m.Email, m.DisplayName, m.IsOwner, m.JoinedAt, m.UserId == myUserId))];

    /// <summary>The company's open join requests with who asked (docs/adr/0079).</summary>
    public async Task<List<JoinRequestView>> JoinRequestsAsync(int companyId, CancellationToken ct)
    {
        var requests = await companies.OpenJoinRequestsAsync(companyId, ct);
        var who = await people.NamesAndEmailsAsync([.. requests.Select(r => r.UserId)], ct);
        return [.. requests.Select(r => new JoinRequestView(r.Id, who.GetValueOrDefault(r.UserId).Name ?? "", who.GetValueOrDefault(r.UserId).Email ?? "", r.CreatedAt))];
    }

    public async Task<List<InvitationView>> OpenInvitationsAsync(int companyId, DateTime now, CancellationToken ct) =>
        [.. (await companies.OpenInvitationsAsync(companyId, now, ct)).Select(i => new InvitationView(i.Email, i.ExpiresAt))];
}
