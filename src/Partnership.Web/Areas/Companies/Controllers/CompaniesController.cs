using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Members;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Companies.Models;
using Partnership.Web.Authorization;

namespace Partnership.Web.Areas.Companies.Controllers;

/// <summary>Staff's view of companies: Metro officials search all; chamber staff see member companies.</summary>
[Area("Companies")]
[Route("/companies")]
public sealed class CompaniesController(CompanyService companies, CompanyPages pages, ChamberStaff staff, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = Policies.ViewCompanies)]
    public async Task<IActionResult> Index(string? q, string? municipality, string? industry, SizeBand? size, int? after, CancellationToken ct)
    {
        var chamberView = !User.IsInRole(Roles.MetroOfficial);
        var scope = chamberView ? await staff.MemberScopeAsync(User, ct) : MemberScope.All;
        var search = new CompanySearch(q, municipality, industry, size, chamberView, after, MemberBranchCode: scope.BranchCode);
        var rows = await companies.SearchAsync(search, ct);
        return View(new CompanySearchViewModel(search, rows, await pages.ListsAsync(ct), chamberView));
    }

    /// <summary>One company's profile, for whoever may read it (resource-based: 404 for none, 403 for others).</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var company = await companies.FindAsync(id, ct);
        if (company is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, company, Policies.CompanyProfileRead)).Succeeded)
        {
            return Forbid();
        }
        return View(await pages.OverviewAsync(company, iAmOwner: false, ct));
    }
}
