using Microsoft.AspNetCore.Authorization;
using Partnership.Core.Common;

namespace Partnership.Web.Authorization;

/// <summary>Named authorization policies, declared once. Controllers name a policy, never a role.</summary>
public static class Policies
{
    public const string ManageCatalog = nameof(ManageCatalog);
    public const string CompanyUser = nameof(CompanyUser);
    public const string ChamberStaff = nameof(ChamberStaff);
    public const string MetroOfficial = nameof(MetroOfficial);
    public const string Administrator = nameof(Administrator);

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageCatalog, p => p.RequireRole(Roles.MetroOfficial))
        .AddPolicy(CompanyUser, p => p.RequireRole(Roles.Company))
        .AddPolicy(ChamberStaff, p => p.RequireRole(Roles.ChamberStaff))
        .AddPolicy(MetroOfficial, p => p.RequireRole(Roles.MetroOfficial))
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        // Everything requires a signed-in user unless it says [AllowAnonymous]: the public pages do.
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
