namespace Partnership.Core.Mail;

/// <summary>A mail in the recipient's language, written by the web layer from its resources.</summary>
public sealed record MailContent(string Subject, string Body);

/// <summary>
/// Someone who receives mail: address, the language they read and, when they are a portal user, their account, so that
/// the notice beside the mail goes to them without the outbox looking the address up (<see cref="IMailOutbox.Enqueue"/>).
/// </summary>
public sealed record Recipient(string Email, string Culture, string? UserId = null);

/// <summary>The active, confirmed users of a company, who receive its mail.</summary>
public interface ICompanyRecipients
{
    Task<IReadOnlyList<Recipient>> MembersAsync(int companyId, CancellationToken ct = default);

    /// <summary>The company's owner (active and confirmed), who decides who joins it; empty when there is none.</summary>
    Task<IReadOnlyList<Recipient>> OwnersAsync(int companyId, CancellationToken ct = default);
}

/// <summary>A portal user's address and language, for mail to staff (null when the account is inactive or has no confirmed address).</summary>
public interface IUserRecipients
{
    Task<Recipient?> OfAsync(string userId, CancellationToken ct = default);
}
