using System.Net;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>A portal with a low limit, to see the limit work.</summary>
public sealed class LowLimitPortal : PortalFactory
{
    protected override int RateLimitPermits => 3;
}

public class RateLimitTests(LowLimitPortal portal) : IClassFixture<LowLimitPortal>
{
    [Theory]
    [InlineData("/account/forgot-password", "/account/forgot-password")]
    [InlineData("/account/register", "/account/register")]
    public async Task Too_many_attempts_from_one_address_get_429_and_a_page_in_Japanese(string page, string action)
    {
        var client = portal.CreatePortalClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await client.PostFormAsync(page, action, [new("Email", $"limit{i}@example.jp")]);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("短時間に多くの操作が行われました", await last.Content.ReadAsStringAsync());
        Assert.True(last.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Pages_without_a_limit_keep_answering()
    {
        var client = portal.CreatePortalClient();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/catalog")).StatusCode);
        }
    }
}
