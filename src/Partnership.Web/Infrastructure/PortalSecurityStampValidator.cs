using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// The once-a-minute check of a signed-in session (docs/adr/0053-security-stamp-check-in-one-query.md): one
/// query for the account's current security stamp, compared with the one the cookie carries. When they match,
/// the session goes on with the principal it has, its cookie renewed; when they differ or the account is gone,
/// the session ends. Identity's own validator rebuilds the principal from the database on every check (the user,
/// then their roles); the portal does not need to, because everything the principal carries (address, name,
/// roles, two-factor sign-in, being active) changes only together with the stamp: Identity renews it on a new
/// address, name, password or two-factor setting, and <see cref="StaffService"/> on every role change and on
/// deactivation.
/// </summary>
public sealed class PortalSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger, AppDbContext db)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    private static readonly Func<AppDbContext, string, Task<StampRow?>> CurrentStamp =
        EF.CompileAsyncQuery((AppDbContext context, string id) =>
            context.Users.Where(u => u.Id == id).Select(u => new StampRow(u.SecurityStamp)).FirstOrDefault());

    private sealed record StampRow(string? Stamp);

    /// <summary>The account, when its stamp is still the session's; null ends the session.</summary>
    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var id = principal?.FindFirstValue(SignInManager.Options.ClaimsIdentity.UserIdClaimType);
        if (principal is null || id is null)
        {
            return null;
        }
        var row = await CurrentStamp(db, id);
        var stamp = principal.FindFirstValue(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType);
        return row is not null && row.Stamp is not null && string.Equals(row.Stamp, stamp, StringComparison.Ordinal)
            ? new AppUser { Id = id, SecurityStamp = row.Stamp }
            : null;
    }

    /// <summary>The stamp matched: the session keeps its principal and its cookie is issued anew, so the next check is a minute away.</summary>
    protected override Task SecurityStampVerified(AppUser user, CookieValidatePrincipalContext context)
    {
        context.ShouldRenew = true;
        return Task.CompletedTask;
    }
}
