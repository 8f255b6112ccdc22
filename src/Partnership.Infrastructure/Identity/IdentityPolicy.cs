using Microsoft.AspNetCore.Identity;

namespace Partnership.Infrastructure.Identity;

/// <summary>The portal's password, lockout and account rules, declared once.</summary>
public static class IdentityPolicy
{
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedEmail = true;
        // Checked by ActiveUserConfirmation: confirmed and not deactivated.
        options.SignIn.RequireConfirmedAccount = true;
        options.User.RequireUniqueEmail = true;
        // Length over composition (NIST SP 800-63B), with a digit and a lower-case letter as Tokyo's forms ask.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
    }
}
