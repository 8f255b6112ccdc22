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
    public const string ViewCompanies = nameof(ViewCompanies);
    public const string ReadAuditLog = nameof(ReadAuditLog);
    public const string CompanyProfileRead = nameof(CompanyProfileRead);
    public const string CompanyMember = nameof(CompanyMember);
    public const string CompanyOwner = nameof(CompanyOwner);
    public const string ReviewSchemes = nameof(ReviewSchemes);
    public const string ManageSubsidies = nameof(ManageSubsidies);
    public const string Expert = nameof(Expert);
    public const string ManageConsultations = nameof(ManageConsultations);
    public const string OrganiseEvents = nameof(OrganiseEvents);
    public const string ReadOutreach = nameof(ReadOutreach);
    public const string MetroDashboard = nameof(MetroDashboard);
    public const string ChamberDashboard = nameof(ChamberDashboard);
    public const string ChangeChamberRecord = nameof(ChangeChamberRecord);
    public const string ReadPublicityMaterial = nameof(ReadPublicityMaterial);
    /// <summary>Any signed-in person: their own notices.</summary>
    public const string SignedIn = nameof(SignedIn);

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageCatalog, p => p.RequireRole(Roles.MetroOfficial))
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(CompanyUser, p => p.RequireRole(Roles.Company))
        .AddPolicy(ChamberStaff, p => p.RequireRole(Roles.ChamberStaff))
        .AddPolicy(MetroOfficial, p => p.RequireRole(Roles.MetroOfficial))
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(ViewCompanies, p => p.RequireRole(Roles.MetroOfficial, Roles.ChamberStaff))
        .AddPolicy(ReviewSchemes, p => p.RequireRole(Roles.MetroOfficial))
        .AddPolicy(ManageSubsidies, p => p.RequireRole(Roles.MetroOfficial))
        .AddPolicy(ReadAuditLog, p => p.RequireRole(Roles.Administrator, Roles.MetroOfficial))
        // Experts see only the consultation requests assigned to them (checked per request).
        .AddPolicy(Expert, p => p.RequireRole(Roles.Expert))
        // The consultation desks are Tokyo's: Metro officials triage, assign, schedule and close.
        .AddPolicy(ManageConsultations, p => p.RequireRole(Roles.MetroOfficial))
        // Each side runs its own events and both run joint ones (checked per event).
        .AddPolicy(OrganiseEvents, p => p.RequireRole(Roles.MetroOfficial, Roles.ChamberStaff))
        // The chamber's outreach: chamber staff log it, Metro officials read all of it (logging itself needs ChamberStaff).
        .AddPolicy(ReadOutreach, p => p.RequireRole(Roles.MetroOfficial, Roles.ChamberStaff))
        .AddPolicy(MetroDashboard, p => p.RequireRole(Roles.MetroOfficial))
        .AddPolicy(ChamberDashboard, p => p.RequireRole(Roles.MetroOfficial, Roles.ChamberStaff))
        // Resource-based: a chamber record (activity, publication, support case) is changed by whoever recorded it or
        // their branch's manager (ChamberRecordHandler, docs/adr/0033-branch-managers.md).
        .AddPolicy(ChangeChamberRecord, p => p.RequireRole(Roles.ChamberStaff).AddRequirements(new ChamberRecordRequirement()))
        // Material attached to publicity requests: Metro officials (their own requests) and chamber staff; never companies.
        .AddPolicy(ReadPublicityMaterial, p => p.RequireRole(Roles.MetroOfficial, Roles.ChamberStaff))
        // Resource-based: evaluated against a Company by CompanyAccessHandler.
        .AddPolicy(CompanyProfileRead, p => p.AddRequirements(new CompanyAccessRequirement(CompanyAccess.ReadProfile)))
        .AddPolicy(CompanyMember, p => p.AddRequirements(new CompanyAccessRequirement(CompanyAccess.Member)))
        .AddPolicy(CompanyOwner, p => p.AddRequirements(new CompanyAccessRequirement(CompanyAccess.Owner)))
        // Everything requires a signed-in user unless it says [AllowAnonymous]: the public pages do.
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
