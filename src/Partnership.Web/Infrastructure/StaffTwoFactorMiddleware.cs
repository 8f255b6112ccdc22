using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Metro officials, chamber staff, experts and administrators must set up two-factor sign-in before anything
/// else: until they have, every page sends them to the set-up page.
/// </summary>
public sealed class StaffTwoFactorMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/account/two-factor";

    private static readonly string[] Allowed = [SetupPath, "/account/logout", "/session/keep-alive", "/language", "/error", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && Roles.Staff.Any(user.IsInRole)
            && user.FindFirst(PortalClaimsFactory.TwoFactorClaim)?.Value != "1"
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
