using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Partnership.Infrastructure.Identity;

/// <summary>Sign-in is allowed only for a confirmed address on an active (not deactivated) account.</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.EmailConfirmed && user.IsActive);
}

/// <summary>Adds whether two-factor sign-in is set up, so the staff rule is checked without a database read.</summary>
public sealed class PortalClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string TwoFactorClaim = "partnership:tfa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "1" : "0"));
        return identity;
    }
}
