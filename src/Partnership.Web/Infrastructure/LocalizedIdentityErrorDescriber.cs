using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Partnership.Web.Infrastructure;

/// <summary>Identity's messages in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["Identity.PasswordTooShort", length]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), t["Identity.PasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), t["Identity.PasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), t["Identity.PasswordRequiresUpper"]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), t["Identity.PasswordRequiresNonAlphanumeric"]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), t["Identity.PasswordRequiresUniqueChars", uniqueChars]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["Identity.InvalidToken"]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["Identity.DuplicateEmail"]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["Identity.DuplicateEmail"]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Identity.InvalidEmail"]);
    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Identity.DefaultError"]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), t["Identity.DefaultError"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
