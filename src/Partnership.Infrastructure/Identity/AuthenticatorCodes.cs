using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

/// <summary>What became of an authenticator code.</summary>
public enum AuthenticatorCodeResult
{
    Accepted,
    /// <summary>Not a code of this key near the current time.</summary>
    Wrong,
    /// <summary>A right code, but of a time step already used by an accepted code: it was seen before.</summary>
    Used,
}

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), each accepted once
/// (docs/adr/0066-authenticator-codes-accepted-once.md). Otp.NET checks the code and names the time step it
/// matched; the step is then stored as the person's last one by a conditional update, which only a later step
/// passes. Two sign-ins with one code, on one node or on two at the same instant, cannot both pass: the database
/// lets one update through. The window is Identity's own (two steps either side, for clocks that drift).
/// </summary>
public sealed class AuthenticatorCodes(AppDbContext db, TimeProvider clock)
{
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    /// <summary>The outcome of the last check in this request (the sign-in page tells a used code from a wrong one).</summary>
    public AuthenticatorCodeResult? LastResult { get; private set; }

    /// <summary>Checks a code of the account's key: accepted once, and only if its time step is later than the last accepted one.</summary>
    public async Task<AuthenticatorCodeResult> CheckAsync(string userId, string base32Key, string code, CancellationToken ct = default)
    {
        LastResult = await CheckCoreAsync(userId, base32Key, code, newKey: false, ct);
        return LastResult.Value;
    }

    /// <summary>
    /// Checks the code that confirms a new key. The steps of the old key do not count against it (a person who has
    /// just signed in may set up a new app within the same 30 seconds); its own step becomes the last one, so the
    /// code cannot sign in afterwards.
    /// </summary>
    public async Task<AuthenticatorCodeResult> CheckNewKeyAsync(string userId, string base32Key, string code, CancellationToken ct = default)
    {
        LastResult = await CheckCoreAsync(userId, base32Key, code, newKey: true, ct);
        return LastResult.Value;
    }

    private async Task<AuthenticatorCodeResult> CheckCoreAsync(string userId, string base32Key, string code, bool newKey, CancellationToken ct)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return AuthenticatorCodeResult.Wrong;
        }
        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, Window))
        {
            return AuthenticatorCodeResult.Wrong;
        }
        // A new concurrency stamp too: an account read before this update and saved after it (Identity saves every
        // column) fails as a concurrent change instead of putting an older step back.
        var concurrencyStamp = Guid.NewGuid().ToString();
        var taken = await db.Users
            .Where(u => u.Id == userId && (newKey || u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LastAuthenticatorStep, step)
                .SetProperty(u => u.ConcurrencyStamp, concurrencyStamp), ct);
        if (taken != 1)
        {
            return AuthenticatorCodeResult.Used;
        }
        // The account this request holds (Identity's sign-in saves it afterwards) learns both values as stored.
        if (db.Users.Local.FirstOrDefault(u => u.Id == userId) is { } tracked)
        {
            var entry = db.Entry(tracked);
            entry.Property(u => u.LastAuthenticatorStep).CurrentValue = step;
            entry.Property(u => u.LastAuthenticatorStep).OriginalValue = step;
            entry.Property(u => u.ConcurrencyStamp).CurrentValue = concurrencyStamp;
            entry.Property(u => u.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        }
        return AuthenticatorCodeResult.Accepted;
    }
}

/// <summary>
/// Identity's authenticator token provider with each code accepted once: registered under Identity's name for the
/// authenticator, so sign-in (<c>TwoFactorAuthenticatorSignInAsync</c>) and every other check of a code use it.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(AuthenticatorCodes codes) : AuthenticatorTokenProvider<AppUser>
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        return !string.IsNullOrEmpty(key)
            && await codes.CheckAsync(await manager.GetUserIdAsync(user), key, token) == AuthenticatorCodeResult.Accepted;
    }
}
