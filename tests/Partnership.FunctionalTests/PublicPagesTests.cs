using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

public class PublicPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private async Task<int> AMeasureIdAsync(string key) =>
        await portal.WithDbAsync(db => db.Measures.Where(m => m.Key == key).Select(m => m.Id).SingleAsync());

    [Theory]
    [InlineData("/", "連携の6分野")]
    [InlineData("/catalog", "施策カタログ")]
    [InlineData("/catalog/areas/telework", "乙（東京商工会議所）が実施すること")]
    [InlineData("/account/login", "ログイン")]
    public async Task Public_pages_answer_in_Japanese_by_default(string path, string text)
    {
        var client = portal.CreatePortalClient();
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ja\">", html);
        Assert.Contains(text, html);
    }

    [Theory]
    [InlineData("/", "The six areas of the partnership")]
    [InlineData("/catalog", "Program catalog")]
    [InlineData("/catalog/areas/telework", "What the Tokyo Chamber of Commerce and Industry does")]
    [InlineData("/account/login", "Sign in")]
    public async Task Public_pages_answer_in_English_once_the_visitor_has_chosen_it(string path, string text)
    {
        var client = portal.CreatePortalClient();
        var switched = await client.GetAsync("/language?culture=en&returnUrl=" + Uri.EscapeDataString(path));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(path, switched.Headers.Location!.OriginalString);

        var html = await client.GetStringAsync(path);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains(text, html);
    }

    [Fact]
    public async Task The_area_page_shows_the_Metro_and_Chamber_columns_with_the_seed_wording()
    {
        var html = await portal.CreatePortalClient().GetStringAsync("/catalog/areas/telework");
        var metro = html.IndexOf("甲（東京都）が実施すること", StringComparison.Ordinal);
        var chamber = html.IndexOf("乙（東京商工会議所）が実施すること", StringComparison.Ordinal);
        Assert.True(metro > 0 && chamber > metro);
        var desk = html.IndexOf("東京テレワーク推進センターの運営", StringComparison.Ordinal);
        var tour = html.IndexOf("会員企業を対象とした「東京テレワーク推進センター」見学会の実施", StringComparison.Ordinal);
        Assert.InRange(desk, metro, chamber);
        Assert.True(tour > chamber);
    }

    [Fact]
    public async Task A_measure_page_shows_its_parent_and_kind()
    {
        var id = await AMeasureIdAsync("TELEWORK-M06");
        var html = await portal.CreatePortalClient().GetStringAsync($"/catalog/measures/{id}");
        Assert.Contains("テレワーク機器導入に係る経費補助", html);
        Assert.Contains("補助金・助成金・奨励金", html);
        Assert.Contains("企業におけるテレワークの導入・定着支援", html);
    }

    [Theory]
    [InlineData("/catalog/areas/nosuch")]
    [InlineData("/catalog/measures/999999")]
    [InlineData("/catalog?fiscalYear=1999")]
    [InlineData("/no-such-page")]
    public async Task Unknown_things_get_a_friendly_404_page(string path)
    {
        var response = await portal.CreatePortalClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Switching_language_never_redirects_off_the_site(string returnUrl)
    {
        var response = await portal.CreatePortalClient().GetAsync("/language?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unsupported_language_is_refused()
    {
        var response = await portal.CreatePortalClient().GetAsync("/language?culture=fr&returnUrl=/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await portal.CreatePortalClient().GetAsync("/");
        var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var response = await portal.CreatePortalClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Healthy\"", json);
        Assert.Contains("\"database\"", json);
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        var html = await portal.CreatePortalClient().GetStringAsync("/catalog/areas/lwb");
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain(" style=\"", html);
        Assert.DoesNotContain("<style", html);
    }
}
