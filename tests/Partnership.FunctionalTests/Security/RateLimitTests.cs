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
        var body = await last.Content.ReadAsStringAsync();
        Assert.Contains("短時間に多くの操作が行われました", body);
        // The page says when, from the same Retry-After the response carries (in minutes and seconds).
        var seconds = (int)last.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 60);
        var wait = seconds < 60 ? $"{seconds}秒" : "1分";
        Assert.Contains($"{wait}後に、もう一度お試しください。", body);
    }

    [Fact]
    public async Task The_English_page_says_when_to_try_again_too()
    {
        var client = portal.CreatePortalClient();
        await client.GetAsync("/language?culture=en&returnUrl=/");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", $"limit-en{i}@example.jp")]);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Matches("Please try again in (1 minute|[0-9]+ seconds?)\\.", await last.Content.ReadAsStringAsync());
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
