using System.Net;
using Microsoft.AspNetCore.Hosting;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>A portal with a low sign-in limit, served through Kestrel so requests really come from loopback.</summary>
public class LowLimitKestrelPortal(string? trustedProxies = null) : PortalFactory
{
    protected override int RateLimitPermits => 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (trustedProxies is not null)
        {
            builder.UseSetting("Portal:TrustedProxies", trustedProxies);
        }
    }
}

/// <summary>Issue 24, finding 8: X-Forwarded-For is believed only from the proxies named in Portal:TrustedProxies.</summary>
public class ForwardedHeadersTests
{
    [Fact]
    public async Task X_Forwarded_For_from_loopback_not_named_as_a_proxy_cannot_spread_attempts_over_invented_addresses()
    {
        using var portal = new LowLimitKestrelPortal();
        var answers = await ForgotPasswordFromInventedAddressesAsync(portal);
        SecurityTally.CountConfigurationProbe();
        // One sender, one partition: after three attempts the limit holds whatever the header says.
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(3, answers.Count(a => a != HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_proxy_named_in_TrustedProxies_is_believed()
    {
        using var portal = new LowLimitKestrelPortal("127.0.0.1");
        var answers = await ForgotPasswordFromInventedAddressesAsync(portal);
        // Each forwarded client address has its own partition: none of the six is over its limit.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
    }

    /// <summary>Six password-reset posts from this process over loopback, each naming another client in X-Forwarded-For.</summary>
    private static async Task<List<HttpStatusCode>> ForgotPasswordFromInventedAddressesAsync(PortalFactory portal)
    {
        using var client = new HttpClient { BaseAddress = portal.StartOnRealPort() };
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
            {
                Content = new FormUrlEncodedContent([new("Email", $"spread{i}@example.jp")]),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await client.SendAsync(request);
            answers.Add(response.StatusCode);
        }
        return answers;
    }
}
