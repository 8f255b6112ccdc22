using Microsoft.AspNetCore.Identity;
using Partnership.Core.Common;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Identity;

/// <summary>
/// A person's own account: registering as a company user and asking for a password reset. The mail is written by
/// the web layer (it knows the links and the languages) from the token given to it; it is queued in the outbox in
/// the same save as the account's change.
/// </summary>
public sealed class AccountService(UserManager<AppUser> users, AppDbContext db, IMailOutbox outbox)
{
    /// <summary>Creates the account as a company user and queues its confirmation mail, in one transaction.</summary>
    public async Task<IdentityResult> RegisterAsync(AppUser user, string password, Func<string, MailContent> confirmationMail)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }
        await users.AddToRoleAsync(user, Roles.Company);
        var mail = confirmationMail(await users.GenerateEmailConfirmationTokenAsync(user));
        outbox.Enqueue(user.Email!, mail.Subject, mail.Body);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return created;
    }

    /// <summary>Queues a mail to a user.</summary>
    public async Task SendAsync(AppUser user, MailContent mail)
    {
        outbox.Enqueue(user.Email!, mail.Subject, mail.Body);
        await db.SaveChangesAsync();
    }

    /// <summary>Queues the password-reset mail of a user.</summary>
    public async Task SendPasswordResetAsync(AppUser user, Func<string, MailContent> resetMail)
    {
        var mail = resetMail(await users.GeneratePasswordResetTokenAsync(user));
        outbox.Enqueue(user.Email!, mail.Subject, mail.Body);
        await db.SaveChangesAsync();
    }
}
