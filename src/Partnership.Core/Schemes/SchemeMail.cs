using Partnership.Core.Companies;

namespace Partnership.Core.Schemes;

public enum SchemeMailKind
{
    Submitted,
    Returned,
    Accepted,
    Rejected,
    Withdrawn,
    ExpiresSoon,
    Expired,
}

/// <summary>The facts a scheme mail tells, in both languages where they are names.</summary>
public sealed record SchemeMailFacts(string SchemeJa, string SchemeEn, int EntryId, string CompanyName, string? Number, string? Reason, DateOnly? ValidUntil);

/// <summary>Writes a scheme mail in the recipient's language (implemented by the web layer from its resources).</summary>
public interface ISchemeMail
{
    MailContent Compose(SchemeMailKind kind, SchemeMailFacts facts, string culture);
}

/// <summary>Someone who receives mail: address and the language they read.</summary>
public sealed record Recipient(string Email, string Culture);

/// <summary>The active, confirmed users of a company, who receive its mail.</summary>
public interface ICompanyRecipients
{
    Task<IReadOnlyList<Recipient>> MembersAsync(int companyId, CancellationToken ct = default);
}

/// <summary>Who acts: the user's id and the name officials see in the history.</summary>
public sealed record Actor(string UserId, string Name);
