using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Core.Members;
using Partnership.Infrastructure.Data;

namespace Partnership.Web.Authorization;

public enum CompanyAccess
{
    /// <summary>Read the profile: Metro officials, chamber staff for verified member companies, the company's own users.</summary>
    ReadProfile,
    /// <summary>Any user of the company.</summary>
    Member,
    /// <summary>The company's owner only.</summary>
    Owner,
}

public sealed class CompanyAccessRequirement(CompanyAccess access) : IAuthorizationRequirement
{
    public CompanyAccess Access { get; } = access;
}

/// <summary>Resource-based: a company user touches only their own company's records.</summary>
public sealed class CompanyAccessHandler(AppDbContext db) : AuthorizationHandler<CompanyAccessRequirement, Company>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CompanyAccessRequirement requirement, Company company)
    {
        var user = context.User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (requirement.Access == CompanyAccess.ReadProfile
            && (user.IsInRole(Roles.MetroOfficial) || (user.IsInRole(Roles.ChamberStaff) && company.MembershipVerified && await ChamberSeesAsync(userId, company))))
        {
            context.Succeed(requirement);
            return;
        }
        if (userId is null || !user.IsInRole(Roles.Company))
        {
            return;
        }
        var membership = await db.CompanyMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId);
        if (membership?.CompanyId == company.Id && CompanyMembershipHandler.Allows(user, membership, requirement.Access))
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>A branch manager reads the profiles of their branch's members only (docs/adr/0087).</summary>
    private async Task<bool> ChamberSeesAsync(string? userId, Company company)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.ChamberBranchCode, u.IsBranchManager }).SingleOrDefaultAsync();
        return row is not null && MemberScope.Of(row.ChamberBranchCode, row.IsBranchManager).Includes(company.MemberBranchCode);
    }
}

/// <summary>
/// The same requirement decided on a membership already read for the signed-in user (OwnCompany): a company
/// user acts on the company of their own membership; only its owner where the owner is required.
/// </summary>
public sealed class CompanyMembershipHandler : AuthorizationHandler<CompanyAccessRequirement, CompanyMember>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CompanyAccessRequirement requirement, CompanyMember membership)
    {
        if (Allows(context.User, membership, requirement.Access))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    /// <summary>The one rule for a company user: their own membership, and its owner where the owner is required.</summary>
    public static bool Allows(ClaimsPrincipal user, CompanyMember membership, CompanyAccess access) =>
        user.IsInRole(Roles.Company)
        && membership.UserId == user.FindFirstValue(ClaimTypes.NameIdentifier)
        && (access != CompanyAccess.Owner || membership.IsOwner);
}
