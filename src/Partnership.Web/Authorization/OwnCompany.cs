using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Partnership.Core.Companies;

namespace Partnership.Web.Authorization;

/// <summary>
/// The signed-in company user's own company, when the CompanyMember policy lets them act on it; null
/// otherwise. Pages under /company take the company from here, never from the address.
/// </summary>
public sealed class OwnCompany(CompanyService companies, IAuthorizationService authorization)
{
    public async Task<Company?> OfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || await companies.MembershipAsync(userId, ct) is not { Company: { } company } membership)
        {
            return null;
        }
        return await AllowsAsync(user, membership) ? company : null;
    }

    /// <summary>The id of the user's own company under the same policy, without reading the company itself.</summary>
    public async Task<int?> IdOfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || await companies.MemberAsync(userId, ct) is not { } membership)
        {
            return null;
        }
        return await AllowsAsync(user, membership) ? membership.CompanyId : null;
    }

    // The policy decides on the membership just read (CompanyMembershipHandler), not on a second read of it.
    private async Task<bool> AllowsAsync(ClaimsPrincipal user, CompanyMember membership) =>
        (await authorization.AuthorizeAsync(user, membership, Policies.CompanyMember)).Succeeded;
}
