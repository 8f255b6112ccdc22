using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Home;

/// <summary>
/// A company's home over HTTP: the to-do list on /me, the list of everything of the company's, its own subsidy
/// applications; another company's records never appear; a first sign-in without a company leads to registering it.
/// </summary>
public sealed class CompanyHomeTests : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task<string> StartSchemeAsync(HttpClient client, string code)
    {
        var started = await client.PostFormAsync("/company/schemes", $"/company/schemes/{code}/start", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task The_home_lists_what_needs_doing_and_everything_of_the_company_but_nothing_of_another()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        var draft = await StartSchemeAsync(company, "TELEWORK-RULE");
        var othersDraft = await StartSchemeAsync(other, "TELEWORK-RULE");
        var windowId = await _portal.WithDbAsync(db => db.SubsidyWindows.Select(w => w.Id).SingleAsync());
        var application = (await company.PostFormAsync($"/subsidies/windows/{windowId}", $"/company/subsidies/windows/{windowId}/apply", [])).Headers.Location!.OriginalString;
        var othersApplication = (await other.PostFormAsync($"/subsidies/windows/{windowId}", $"/company/subsidies/windows/{windowId}/apply", [])).Headers.Location!.OriginalString;
        Assert.NotEqual(application, othersApplication);

        // /me: the to-do list leads to the draft and the application, and no longer promises features to come.
        var me = await company.GetStringAsync("/me");
        Assert.DoesNotContain("順次このページから", me);
        var todo = Parser.ParseDocument(me).QuerySelector("[data-testid=todo]")!;
        var links = todo.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(draft, links);
        Assert.Contains(application, links);
        Assert.DoesNotContain(othersDraft, links);
        Assert.Contains("下書きを仕上げて申請する", todo.TextContent);

        // Everything, and each filter; never the other company's.
        var all = await company.GetStringAsync("/company/records");
        Assert.Contains($"href=\"{draft}\"", all);
        Assert.Contains($"href=\"{application}\"", all);
        Assert.DoesNotContain($"href=\"{othersDraft}\"", all);
        Assert.DoesNotContain($"href=\"{othersApplication}\"", all);
        var subsidiesOnly = await company.GetStringAsync("/company/records?kind=Subsidy");
        Assert.Contains($"href=\"{application}\"", subsidiesOnly);
        Assert.DoesNotContain($"href=\"{draft}\"", subsidiesOnly);
        Assert.Equal(1, Parser.ParseDocument(subsidiesOnly).QuerySelectorAll("[data-testid=company-records] tbody tr").Length);

        // Once sent, the entry waits for Metro: still listed, no longer on the to-do list.
        var html = await company.GetStringAsync(draft);
        var version = Regex.Match(html, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;
        var submitted = await company.PostAsync(draft + "/submit", new FormUrlEncodedContent(
        [
            .. Schemes.SchemeJourneyTests.TeleworkRule(), new("version", version),
            new(WebPageHelpers.AntiforgeryFieldName, WebPageHelpers.ExtractAntiforgeryToken(html)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.DoesNotContain($"href=\"{draft}\"", Parser.ParseDocument(await company.GetStringAsync("/me")).QuerySelector("[data-testid=todo]")!.OuterHtml);
        Assert.Contains($"href=\"{draft}\"", await company.GetStringAsync("/company/records"));
        Assert.DoesNotContain($"href=\"{draft}\"", await company.GetStringAsync("/company/records?todo=true"));

        // The company's own subsidy applications, in the menu.
        var mine = await company.GetStringAsync("/company/subsidies");
        Assert.Contains($"href=\"{application}\"", mine);
        Assert.DoesNotContain($"href=\"{othersApplication}\"", mine);
        Assert.Contains("href=\"/company/subsidies\"", mine);
        Assert.Contains("href=\"/company/records\"", mine);
        Assert.DoesNotContain($"href=\"{application}\"", await other.GetStringAsync("/company/subsidies"));
    }

    [Fact]
    public async Task A_first_sign_in_without_a_company_leads_to_registering_it_and_staff_cannot_open_the_lists()
    {
        var client = _portal.CreatePortalClient();
        const string email = "first@new.example.jp";
        const string password = "new-pass-2468";
        var registered = await client.PostFormAsync("/account/register", "/account/register",
            [new("DisplayName", "初回 利用"), new("Email", email), new("Password", password), new("ConfirmPassword", password), new("ReturnUrl", "")]);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var body = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.BodyText).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Regex.Match(body, @"http://localhost(/account/confirm-email\S*)").Groups[1].Value)).StatusCode);
        Assert.Equal("/me", (await client.SignInAsync(email, password)).Headers.Location!.OriginalString);

        var me = Parser.ParseDocument(await client.GetStringAsync("/me"));
        var next = me.QuerySelector("[data-testid=register-company]");
        Assert.NotNull(next);
        Assert.Equal("/company/new", next.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(me.QuerySelector("[data-testid=todo]"));
        Assert.Equal("/company", (await client.GetAsync("/company/records")).Headers.Location!.OriginalString);

        var metro = await _portal.SignedInAsync(DemoUsers.Metro);
        await metro.AssertRefusedAsync("/company/records");
        await metro.AssertRefusedAsync("/company/subsidies");
    }
}
