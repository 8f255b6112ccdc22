namespace Partnership.DevIdentityProvider;

/// <summary>What the provider serves and whom it trusts; the defaults are the portal's Development settings.</summary>
public sealed class DevProviderSettings
{
    /// <summary>Where it listens, e.g. http://localhost:5090; "http://127.0.0.1:0" for a free port in tests.</summary>
    public string Urls { get; init; } = "http://localhost:5090";

    /// <summary>The portal's base address; its /signin-oidc and /signout-callback-oidc are the registered redirects.</summary>
    public string PortalAddress { get; init; } = "http://localhost:5080";

    public string ClientId { get; init; } = "partnership-portal";

    /// <summary>Null: a public client (PKCE only), as in Development; a value: a confidential client with that secret.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The business accounts one may sign in as.</summary>
    public IReadOnlyList<DemoBusinessAccount> Accounts { get; init; } = DemoBusinessAccount.Demo;
}

/// <summary>A business account of the provider and the claims its tokens carry.</summary>
public sealed record DemoBusinessAccount(
    string Subject, string Name, string Email, bool EmailVerified, string? CorporateNumber, string? CompanyName, string? PostalCode, string? Street)
{
    /// <summary>
    /// Two demo accounts: one of デモ商事株式会社, which the portal's demo data registers (法人番号 2010401000001), and one of
    /// a company the portal does not know yet.
    /// </summary>
    public static readonly IReadOnlyList<DemoBusinessAccount> Demo =
    [
        new("gbiz-0001", "田中 一郎", "tanaka@demo-business.example.jp", true, "2010401000001", "デモ商事株式会社", "163-8001", "西新宿2-8-1"),
        new("gbiz-0002", "鈴木 花子", "suzuki@demo-business.example.jp", true, "4011101000999", "みらい製作所株式会社", "100-0005", "丸の内3-2-2"),
    ];
}
