using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Partnership.Infrastructure.Identity;

/// <summary>Sign-in is allowed only for a confirmed address on an active (not deactivated) account.</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.EmailConfirmed && user.IsActive);
}

/// <summary>
/// The claims a signed-in user carries: id, name, address, security stamp, roles, and whether two-factor sign-in
/// is set up (so the staff rule is checked without a database read). The portal uses neither user claims nor
/// role claims, so unlike Identity's default factory it does not read them: building a principal at sign-in
/// costs two queries instead of five. The once-a-minute session check keeps this principal while the account's
/// security stamp is unchanged (<c>PortalSecurityStampValidator</c>), so whatever is added here must renew the stamp
/// when it changes.
/// </summary>
public sealed class PortalClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string TwoFactorClaim = "partnership:tfa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var types = Options.ClaimsIdentity;
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, user.Id));
        identity.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? ""));
        if (user.Email is { } email)
        {
            identity.AddClaim(new Claim(types.EmailClaimType, email));
        }
        if (user.SecurityStamp is { } stamp)
        {
            identity.AddClaim(new Claim(types.SecurityStampClaimType, stamp));
        }
        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(types.RoleClaimType, role));
        }
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "1" : "0"));
        return identity;
    }
}
