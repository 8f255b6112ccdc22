using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Notices;

/// <summary>
/// Notices over HTTP: each person sees only their own, the header counts the unread ones, opening one marks it read
/// and goes to its record, marking all read, and every change needs the page's antiforgery token.
/// </summary>
public sealed class NoticesTests : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    /// <summary>Sends a mail through the portal's own outbox, as the area services do.</summary>
    private async Task MailAsync(string to, string subject, string? link = null)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IMailOutbox>().Enqueue(to, subject, $"ご担当者様\n\n{subject}の本文です。", link);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private Task<long> NoticeIdAsync(string title) =>
        _portal.WithDbAsync(db => db.Notices.Where(n => n.Title == title).Select(n => n.Id).SingleAsync());

    private static string? UnreadLabel(string html) =>
        Parser.ParseDocument(html).QuerySelector("[data-testid=notices-link]") is { } link
            ? link.QuerySelector(".visually-hidden")?.TextContent.Trim() ?? link.TextContent.Trim()
            : null;

    [Fact]
    public async Task Each_person_sees_only_their_own_notices_newest_first_with_the_unread_count()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        var before = await _portal.WithDbAsync(db => db.Notices.CountAsync(n => n.ReadAt == null && db.Users.Any(u => u.Id == n.UserId && u.Email == DemoUsers.Company)));
        await MailAsync(DemoUsers.Company, "通知テスト一件目");
        await MailAsync(DemoUsers.Company.ToUpperInvariant(), "通知テスト二件目", "/company/records");
        await MailAsync(DemoUsers.OtherCompany, "他社あての通知");

        var page = await company.GetAsync("/notices");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? "");
        var html = await page.Content.ReadAsStringAsync();
        var titles = Parser.ParseDocument(html).QuerySelectorAll("[data-testid=notice] h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.True(titles.IndexOf("通知テスト二件目") < titles.IndexOf("通知テスト一件目"));
        Assert.Contains("通知テスト一件目", titles);
        Assert.DoesNotContain("他社あての通知", html);
        Assert.Equal($"お知らせ（未読{before + 2}件）", UnreadLabel(html));

        var othersPage = await other.GetStringAsync("/notices");
        Assert.Contains("他社あての通知", othersPage);
        Assert.DoesNotContain("通知テスト", othersPage);

        // The count is in the header of every signed-in page, and not there for a visitor.
        Assert.Equal($"お知らせ（未読{before + 2}件）", UnreadLabel(await company.GetStringAsync("/me")));
        Assert.Null(UnreadLabel(await _portal.CreatePortalClient().GetStringAsync("/")));
        var anonymous = await _portal.CreatePortalClient().GetAsync("/notices");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Opening_a_notice_marks_it_read_and_goes_to_its_record_but_never_someone_elses()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        await MailAsync(DemoUsers.Company, "開く通知", "/company/records");
        await MailAsync(DemoUsers.OtherCompany, "他社の通知");
        var mine = await NoticeIdAsync("開く通知");
        var theirs = await NoticeIdAsync("他社の通知");

        // Another user's notice: not found, and still unread.
        var refused = await company.PostFormAsync("/notices", $"/notices/{theirs}/open", []);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(await _portal.WithDbAsync(db => db.Notices.Where(n => n.Id == theirs).Select(n => n.ReadAt).SingleAsync()));

        // Without the page's token nothing changes.
        var forged = await company.PostAsync($"/notices/{mine}/open", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await _portal.WithDbAsync(db => db.Notices.Where(n => n.Id == mine).Select(n => n.ReadAt).SingleAsync()));

        var opened = await company.PostFormAsync("/notices", $"/notices/{mine}/open", []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/company/records", opened.Headers.Location!.OriginalString);
        Assert.NotNull(await _portal.WithDbAsync(db => db.Notices.Where(n => n.Id == mine).Select(n => n.ReadAt).SingleAsync()));
        var item = Parser.ParseDocument(await company.GetStringAsync("/notices")).QuerySelectorAll("[data-testid=notice]")
            .Single(li => li.QuerySelector("h2")!.TextContent.Contains("開く通知", StringComparison.Ordinal));
        Assert.Equal("false", item.GetAttribute("data-unread"));
    }

    [Fact]
    public async Task Mark_all_read_clears_the_count_of_the_signed_in_person_only()
    {
        var company = await _portal.SignedInAsync(DemoUsers.Company);
        var other = await _portal.SignedInAsync(DemoUsers.OtherCompany);
        await MailAsync(DemoUsers.Company, "まとめて既読一");
        await MailAsync(DemoUsers.Company, "まとめて既読二");
        await MailAsync(DemoUsers.OtherCompany, "他社の未読");

        var forged = await company.PostAsync("/notices/read-all", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var done = await company.PostFormAsync("/notices", "/notices/read-all", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var html = await company.GetStringAsync("/notices");
        Assert.Equal("お知らせ", UnreadLabel(html));
        Assert.Contains("既読にしました", html);
        Assert.Empty(Parser.ParseDocument(html).QuerySelectorAll("[data-unread=true]"));
        Assert.StartsWith("お知らせ（未読", UnreadLabel(await other.GetStringAsync("/notices")));
    }
}
