using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// The check of a signed-in session at every request (docs/adr/0065-sessions-end-on-the-server.md; the query is
/// ADR 0053's): one query for the account's current security stamp, compared with the one the cookie carries. When
/// they match, the session goes on with the principal it has; when they differ or the account is gone, the session
/// ends, as Identity's own validator ends it. Signing out, a new password, a new authenticator key and deactivation
/// renew the stamp, so a cookie saved before any of them opens nothing afterwards, on any node. Identity's validator rebuilds the principal from the
/// database at every check (the user, then their roles) and builds a sign-in manager on every request; the
/// portal needs neither, because everything the principal carries (address, name, roles, two-factor sign-in,
/// being active) changes only together with the stamp: Identity renews it on a new address, name, password or
/// two-factor setting, and <see cref="StaffService"/> on every role change and on deactivation.
/// </summary>
public sealed class PortalSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> validatorOptions, IOptions<IdentityOptions> identityOptions, AppDbContext db, TimeProvider clock)
    : ISecurityStampValidator
{
    private static readonly Func<AppDbContext, string, CancellationToken, Task<StampRow?>> CurrentStamp =
        EF.CompileAsyncQuery((AppDbContext context, string id, CancellationToken ct) =>
            context.Users.Where(u => u.Id == id).Select(u => new StampRow(u.SecurityStamp)).FirstOrDefault());

    private sealed record StampRow(string? Stamp);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = (validatorOptions.Value.TimeProvider ?? clock).GetUtcNow();
        var interval = validatorOptions.Value.ValidationInterval;
        if (context.Properties.IssuedUtc is { } issued && now - issued < interval)
        {
            return;
        }
        bool stillValid;
        try
        {
            stillValid = await StillValidAsync(context.Principal, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (DatabaseOverload.Is(e))
        {
            // The database is too busy to say. The request is not served as the person (nor as a visitor, which
            // would send them to sign in): SessionCheckBusy answers it 503 after authentication. The result of this
            // check is kept for the request, so the error page that follows is shown as to a visitor without asking
            // the database again; the cookie stays, and the next request is checked as usual.
            context.RejectPrincipal();
            context.HttpContext.Features.Set(new SessionCheckBusy(e));
            return;
        }
        if (stillValid)
        {
            // The principal stays. With an interval the cookie is issued anew, so the next check is that far away;
            // checked at every request (the portal's setting), the sliding expiry alone renews it.
            context.ShouldRenew = interval > TimeSpan.Zero;
            return;
        }
        context.RejectPrincipal();
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        await signIn.SignOutAsync();
        await context.HttpContext.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
    }

    private async Task<bool> StillValidAsync(ClaimsPrincipal? principal, CancellationToken ct)
    {
        var claims = identityOptions.Value.ClaimsIdentity;
        if (principal?.FindFirstValue(claims.UserIdClaimType) is not { } id)
        {
            return false;
        }
        var row = await CurrentStamp(db, id, ct);
        return row?.Stamp is { } current && string.Equals(current, principal.FindFirstValue(claims.SecurityStampClaimType), StringComparison.Ordinal);
    }
}

/// <summary>
/// The session check found the database overloaded (<see cref="PortalSecurityStampValidator"/>): the request goes no
/// further and is answered as every overloaded request is, 503 with Retry-After, by the error page.
/// </summary>
public sealed record SessionCheckBusy(Exception Error)
{
    /// <summary>Right after authentication: rethrows the overload once, for the exception handler.</summary>
    public static Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<SessionCheckBusy>() is { } busy)
        {
            context.Features.Set<SessionCheckBusy>(null);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(busy.Error).Throw();
        }
        return next(context);
    }
}
