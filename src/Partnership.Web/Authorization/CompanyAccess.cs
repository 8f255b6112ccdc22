using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Infrastructure.Data;

namespace Partnership.Web.Authorization;

public enum CompanyAccess
{
    /// <summary>Read the profile: Metro officials, chamber staff for member companies, the company's own users.</summary>
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
        if (requirement.Access == CompanyAccess.ReadProfile
            && (user.IsInRole(Roles.MetroOfficial) || (user.IsInRole(Roles.ChamberStaff) && company.IsChamberMember)))
        {
            context.Succeed(requirement);
            return;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.Company))
        {
            return;
        }
        var membership = await db.CompanyMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId);
        if (membership?.CompanyId == company.Id && (requirement.Access != CompanyAccess.Owner || membership.IsOwner))
        {
            context.Succeed(requirement);
        }
    }
}
