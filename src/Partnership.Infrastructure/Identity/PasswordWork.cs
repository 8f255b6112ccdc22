using Microsoft.AspNetCore.Identity;

namespace Partnership.Infrastructure.Identity;

/// <summary>
/// The password-hashing work of an account that does not exist (docs/adr/0067-accounts-cannot-be-told-apart.md):
/// the password is checked against a hash of a random password made by the same hasher, with the same settings,
/// so that an unknown address costs what a known one costs and the answer's time does not tell them apart.
/// </summary>
public sealed class PasswordWork(IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new() { Id = "", UserName = "" };
    private static string? _placeholderHash;

    /// <summary>Checks <paramref name="password"/> against the placeholder hash; the answer is always "no".</summary>
    public void SpendAsForAnAccount(string password)
    {
        var hash = _placeholderHash ??= hasher.HashPassword(Nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
