using Microsoft.AspNetCore.Identity;
using Partnership.Core.Common;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

/// <summary>
/// Accounts of a business ID provider linked to portal accounts (Identity's user logins), and what the portal keeps
/// from the provider's last sign-in: the id_token that ending the provider's session names, and the company details
/// the claims carried. Both are kept as the user's authentication tokens in the database, never in the browser
/// (docs/adr/0077-business-sign-in-over-openid-connect.md).
/// </summary>
public sealed class ExternalAccountService(UserManager<AppUser> users, AppDbContext db)
{
    private const string IdTokenName = "id_token";
    private const string ProfileName = "company_claims";

    public Task<AppUser?> FindByLoginAsync(string provider, string key) => users.FindByLoginAsync(provider, key);

    public Task<AppUser?> FindByEmailAsync(string email) => users.FindByEmailAsync(email);

    /// <summary>Staff keep password and two-factor sign-in: only a company user's account may use a provider.</summary>
    public async Task<bool> IsCompanyUserOnlyAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Count == 1 && roles[0] == Roles.Company;
    }

    /// <summary>
    /// A new company user whose only way in is the provider's account: no password, the address confirmed by the
    /// provider. The account, its role and the link are saved in one transaction.
    /// </summary>
    public async Task<IdentityResult> CreateAsync(AppUser user, UserLoginInfo login)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return created;
        }
        var role = await users.AddToRoleAsync(user, Roles.Company);
        var linked = role.Succeeded ? await users.AddLoginAsync(user, login) : role;
        if (!linked.Succeeded)
        {
            return linked;
        }
        await transaction.CommitAsync();
        return linked;
    }

    /// <summary>Links the provider's account to a portal account the person has just signed in to.</summary>
    public Task<IdentityResult> LinkAsync(AppUser user, UserLoginInfo login) => users.AddLoginAsync(user, login);

    public async Task<UserLoginInfo?> LinkedAsync(AppUser user, string provider) =>
        (await users.GetLoginsAsync(user)).FirstOrDefault(l => l.LoginProvider == provider);

    /// <summary>Whether the person keeps a way in once the provider's account is removed: a password or another login.</summary>
    public async Task<bool> CanRemoveAsync(AppUser user, string provider) =>
        await users.HasPasswordAsync(user) || (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider != provider);

    /// <summary>Removes the link and what was kept from the provider; refused when it is the only way in.</summary>
    public async Task<bool> RemoveAsync(AppUser user, string provider)
    {
        var login = await LinkedAsync(user, provider);
        if (login is null || !await CanRemoveAsync(user, provider))
        {
            return false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var removed = await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        if (!removed.Succeeded)
        {
            return false;
        }
        await users.RemoveAuthenticationTokenAsync(user, provider, IdTokenName);
        await users.RemoveAuthenticationTokenAsync(user, provider, ProfileName);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Keeps the id_token (for ending the provider's session) and the company claims of this sign-in.</summary>
    public async Task RememberAsync(AppUser user, string provider, string? idToken, string companyClaims)
    {
        if (idToken is not null)
        {
            await users.SetAuthenticationTokenAsync(user, provider, IdTokenName, idToken);
        }
        await users.SetAuthenticationTokenAsync(user, provider, ProfileName, companyClaims);
    }

    public async Task<string?> IdTokenAsync(string userId, string provider) =>
        await users.FindByIdAsync(userId) is { } user ? await users.GetAuthenticationTokenAsync(user, provider, IdTokenName) : null;

    public async Task<string?> CompanyClaimsAsync(AppUser user, string provider) =>
        await users.GetAuthenticationTokenAsync(user, provider, ProfileName);
}
