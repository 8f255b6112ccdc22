using System.Security.Claims;
using Partnership.Web.Infrastructure;

namespace Partnership.Web.Areas.Account.Models;

/// <summary>What the business ID provider's claims say about the person and their company, under the configured names.</summary>
public sealed record BusinessClaims(string? Email, bool EmailVerified, string? PersonName, string? CorporateNumber, string? CompanyName, string? PostalCode, string? Street)
{
    public static BusinessClaims From(ClaimsPrincipal principal, BusinessClaimNames names)
    {
        string? Read(string name) => string.IsNullOrEmpty(name) ? null : principal.FindFirst(name)?.Value is { Length: > 0 } v ? v.Trim() : null;
        var number = Read(names.CorporateNumber);
        return new BusinessClaims(
            Read(names.Email),
            string.IsNullOrEmpty(names.EmailVerified) || string.Equals(Read(names.EmailVerified), "true", StringComparison.OrdinalIgnoreCase),
            Read(names.Name),
            number is null ? null : Partnership.Core.Companies.CorporateNumber.Normalize(number),
            Read(names.CompanyName),
            Read(names.PostalCode),
            Read(names.Street));
    }

    /// <summary>Why these claims cannot be used (a reason of the failure page), or null when they can.</summary>
    public string? Problem() =>
        CorporateNumber is null || !Partnership.Core.Companies.CorporateNumber.IsValid(CorporateNumber) ? "corporate-number"
        : Email is null || !Email.Contains('@', StringComparison.Ordinal) ? "email"
        : !EmailVerified ? "email-unverified"
        : null;
}

public sealed record ExternalLinkModel(string ProviderName, string Email);

public sealed record RegisteredCompanyModel(string CompanyName, string ProviderName, bool Requested);

public sealed record ExternalSettingsModel(string ProviderName, bool Configured, bool Linked, bool CanRemove);

public sealed record ExternalFailedModel(string Reason, string ProviderName);
