using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>Who the harness calls as.</summary>
public enum Principal
{
    Anonymous,
    /// <summary>The owner of the demo company the samples point at.</summary>
    Company,
    /// <summary>The owner of another company: every attempt on the first company's records must be refused.</summary>
    OtherCompany,
    Chamber,
    Metro,
    Admin,
    /// <summary>The demo expert; the sample consultation request is assigned to them.</summary>
    Expert,
}

public static class Principals
{
    public static readonly IReadOnlyList<Principal> All = Enum.GetValues<Principal>();

    public static string? Email(Principal principal) => principal switch
    {
        Principal.Company => DemoUsers.Company,
        Principal.OtherCompany => DemoUsers.OtherCompany,
        Principal.Chamber => DemoUsers.Chamber,
        Principal.Metro => DemoUsers.Metro,
        Principal.Admin => DemoUsers.Admin,
        Principal.Expert => DemoUsers.Expert,
        _ => null,
    };

    /// <summary>A fresh client signed in as the principal (or anonymous).</summary>
    public static async Task<HttpClient> ClientAsync(PortalFactory portal, Principal principal)
    {
        var client = portal.CreatePortalClient();
        if (Email(principal) is { } email)
        {
            var response = await client.SignInAsync(email);
            if (response.Headers.Location?.OriginalString != "/me")
            {
                throw new InvalidOperationException($"Could not sign in as {principal}: {(int)response.StatusCode}");
            }
        }
        return client;
    }
}
