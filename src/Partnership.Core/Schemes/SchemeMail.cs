using Partnership.Core.Mail;

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
