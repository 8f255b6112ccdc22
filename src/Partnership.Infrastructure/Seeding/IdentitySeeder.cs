using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;

namespace Partnership.Infrastructure.Seeding;

/// <summary>Roles always; demo accounts for every role only when the caller says so (Development).</summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles, UserManager<AppUser> users, TimeProvider clock, ILogger<IdentitySeeder> logger)
{
    /// <summary>The demo accounts listed in the README. Never created in Production.</summary>
    public static readonly IReadOnlyList<(string Email, string DisplayName, string Role)> DemoAccounts =
    [
        ("company@demo.example.jp", "東京 太郎", Roles.Company),
        ("company2@demo.example.jp", "多摩 花子", Roles.Company),
        ("chamber@demo.example.jp", "東京商工会議所 デモ職員", Roles.ChamberStaff),
        ("metro@demo.example.jp", "東京都 デモ職員", Roles.MetroOfficial),
        ("admin@demo.example.jp", "システム管理者（デモ）", Roles.Administrator),
        ("expert@demo.example.jp", "専門家 デモ相談員", Roles.Expert),
    ];

    /// <summary>
    /// The authenticator key of the demo staff accounts (Development only; see README). Staff must use
    /// two-factor sign-in, so their demo accounts come with it set up.
    /// </summary>
    public const string DemoAuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task SeedDemoAccountsAsync(string password)
    {
        foreach (var (email, displayName, role) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    "Demo account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            }
            await users.AddToRoleAsync(user, role);
            if (Roles.Staff.Contains(role))
            {
                await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticatorKey);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            logger.LogInformation("Created demo account for role {Role}", role);
        }
    }
}
