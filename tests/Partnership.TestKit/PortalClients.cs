using System.Net;
using Xunit;

namespace Partnership.TestKit;

/// <summary>Signed-in clients and the refusal check the functional tests share (one copy, not one per test class).</summary>
public static class PortalClients
{
    /// <summary>A fresh client signed in as <paramref name="email"/>; fails the test unless the sign-in lands on /me.</summary>
    public static async Task<HttpClient> SignedInAsync(this PortalFactory portal, string email, string password = PortalFactory.DemoPassword)
    {
        var client = portal.CreatePortalClient();
        var response = await client.SignInAsync(email, password);
        Assert.True(response.Headers.Location?.OriginalString == "/me",
            $"Signing in as {email}: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>Fails unless <paramref name="url"/> is refused to the client: 403, or a redirect to the access-denied page.</summary>
    public static async Task AssertRefusedAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        await AssertRefusedAsync(response, url);
    }

    /// <summary>Fails unless the answer is a refusal: 403, or a redirect to the access-denied page.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string? what = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
            $"{what ?? response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
    }
}
