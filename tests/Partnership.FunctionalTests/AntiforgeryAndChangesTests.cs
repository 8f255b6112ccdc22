using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>Tests that change data get a portal of their own.</summary>
public sealed class AntiforgeryAndChangesTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private Task<int> MeasureIdAsync(string key) => _portal.WithDbAsync(db => db.Measures.Where(m => m.Key == key).Select(m => m.Id).SingleAsync());

    private Task<string> TitleAsync(string key) => _portal.WithDbAsync(db => db.Measures.Where(m => m.Key == key).Select(m => m.TitleJa).SingleAsync());

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var client = _portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Metro);
        var response = await client.PostAsync("/catalog/manage/plans/next", new FormUrlEncodedContent([new("fromFiscalYear", "2021")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.PartnershipPlans.CountAsync()));
    }

    [Fact]
    public async Task A_post_with_another_sessions_token_is_refused()
    {
        var other = _portal.CreatePortalClient();
        var foreignToken = WebPageHelpers.ExtractAntiforgeryToken(await other.GetStringAsync("/account/login"));
        var client = _portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Metro);
        var response = await client.PostAsync("/catalog/manage/plans/next",
            new FormUrlEncodedContent([new("fromFiscalYear", "2021"), new(WebPageHelpers.AntiforgeryFieldName, foreignToken)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.PartnershipPlans.CountAsync()));
    }

    [Fact]
    public async Task A_metro_official_edits_a_measure()
    {
        var id = await MeasureIdAsync("TELEWORK-M01");
        var client = _portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Metro);
        var page = await client.GetStringAsync($"/catalog/manage/measures/{id}/edit");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostFormAsync($"/catalog/manage/measures/{id}/edit", $"/catalog/manage/measures/{id}/edit",
            [new("TitleJa", "東京テレワーク推進センターの運営（改）"), new("TitleEn", "Running the centre"), new("Kind", "SupportHub"), new("Version", version)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/catalog/measures/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("東京テレワーク推進センターの運営（改）", await TitleAsync("TELEWORK-M01"));
        Assert.Contains("取組を保存しました。", await client.GetStringAsync($"/catalog/measures/{id}"));
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_page_is_refused_shows_the_current_text_and_keeps_what_was_typed()
    {
        var id = await MeasureIdAsync("TELEWORK-M01");
        var client = _portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Metro);

        var response = await client.PostFormAsync($"/catalog/manage/measures/{id}/edit", $"/catalog/manage/measures/{id}/edit",
            [new("TitleJa", "古い画面からの変更"), new("TitleEn", "From a stale page"), new("Kind", "Event"), new("Version", Guid.NewGuid().ToString())]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("他の職員が先に変更しました", html);
        Assert.Contains("古い画面からの変更", html);
        Assert.Equal("東京テレワーク推進センターの運営", await TitleAsync("TELEWORK-M01"));
    }

    [Fact]
    public async Task An_empty_title_is_explained_in_Japanese_and_nothing_is_saved()
    {
        var id = await MeasureIdAsync("TELEWORK-M01");
        var version = await _portal.WithDbAsync(db => db.Measures.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        var client = _portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Metro);

        var response = await client.PostFormAsync($"/catalog/manage/measures/{id}/edit", $"/catalog/manage/measures/{id}/edit",
            [new("TitleJa", "   "), new("TitleEn", "Kept"), new("Kind", ""), new("Version", version.ToString())]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("名称（日本語）を入力してください。", html);
        Assert.Contains("種別を選択してください。", html);
        Assert.Matches(@">\s*Kept</textarea>", html);
        Assert.Equal("東京テレワーク推進センターの運営", await TitleAsync("TELEWORK-M01"));
    }

    [Fact]
    public async Task Starting_the_next_plan_twice_with_a_double_click_makes_one_plan()
    {
        var client = _portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Metro);
        var page = await client.GetStringAsync("/catalog/manage");
        var token = WebPageHelpers.ExtractAntiforgeryToken(page);
        FormUrlEncodedContent Form() => new([new("fromFiscalYear", "2021"), new(WebPageHelpers.AntiforgeryFieldName, token)]);

        var first = await client.PostAsync("/catalog/manage/plans/next", Form());
        var second = await client.PostAsync("/catalog/manage/plans/next", Form());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal([2021, 2022], await _portal.WithDbAsync(db => db.PartnershipPlans.OrderBy(p => p.FiscalYear).Select(p => p.FiscalYear).ToListAsync()));
        Assert.Equal(59, await _portal.WithDbAsync(db => db.Measures.CountAsync(m => m.Plan!.FiscalYear == 2022)));
        Assert.Contains("次年度の事業計画は既に作成されています。", await client.GetStringAsync("/catalog/manage"));
    }

    [Fact]
    public async Task A_company_user_cannot_post_to_the_catalog_management()
    {
        var client = _portal.CreatePortalClient();
        await client.SignInAsync(DemoUsers.Company);
        var token = WebPageHelpers.ExtractAntiforgeryToken(await client.GetStringAsync("/me"));
        var response = await client.PostAsync("/catalog/manage/plans/next",
            new FormUrlEncodedContent([new("fromFiscalYear", "2021"), new(WebPageHelpers.AntiforgeryFieldName, token)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.PartnershipPlans.CountAsync()));
    }

    [Fact]
    public async Task Password_reset_goes_through_the_outbox_and_the_new_password_works()
    {
        var client = _portal.CreatePortalClient();
        var sent = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", DemoUsers.Chamber)]);
        Assert.Equal("/account/forgot-password/sent", sent.Headers.Location!.OriginalString);

        var mail = await _portal.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Equal(DemoUsers.Chamber, mail.To);
        Assert.Contains("パスワード再設定", mail.Subject);
        var link = System.Text.RegularExpressions.Regex.Match(mail.BodyText, @"http://localhost/account/reset-password\S+").Value;
        Assert.NotEmpty(link);

        // The development mailbox shows the same mail; beside a server database (the PostgreSQL pass) it is closed.
        if (TestProvider.IsPostgreSql)
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/dev/mail")).StatusCode);
        }
        else
        {
            Assert.Contains(mail.Subject, await client.GetStringAsync("/dev/mail"));
        }

        var resetPage = new Uri(link).PathAndQuery;
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;
        var reset = await client.PostFormAsync(resetPage, "/account/reset-password",
            [new("Email", DemoUsers.Chamber), new("Token", token), new("Password", "new-pass-4567"), new("ConfirmPassword", "new-pass-4567")]);
        Assert.Equal("/account/reset-password/done", reset.Headers.Location!.OriginalString);

        var fresh = _portal.CreatePortalClient();
        Assert.Equal("/me", (await fresh.SignInAsync(DemoUsers.Chamber, "new-pass-4567")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync(DemoUsers.Chamber, PortalFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Asking_to_reset_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        var response = await _portal.CreatePortalClient().PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", "nobody@demo.example.jp")]);
        Assert.Equal("/account/forgot-password/sent", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = _portal.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(DemoUsers.Company, "wrong-password-" + i);
        }
        var response = await client.SignInAsync(DemoUsers.Company);
        Assert.Equal("/account/lockout", response.Headers.Location!.OriginalString);
        Assert.Contains("15分間", await client.GetStringAsync("/account/lockout"));
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_friendly_page_with_a_reference_and_no_stack_trace()
    {
        await _portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? "PRAGMA foreign_keys=OFF; DROP TABLE Measures;"
            : "DROP TABLE \"Measures\" CASCADE;"));
        var response = await _portal.CreatePortalClient().GetAsync("/catalog/areas/telework");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("エラーが発生しました", html);
        Assert.Matches("class=\"reference-id\">[0-9a-f]{32}<", html);
        Assert.DoesNotContain("SqliteException", html);
        Assert.DoesNotContain("PostgresException", html);
        Assert.DoesNotContain("   at ", html);
    }
}
