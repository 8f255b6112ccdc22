using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;
using Partnership.TestKit;

namespace Partnership.BrowserTests;

/// <summary>Notices in Chromium: the header's unread count, the list, opening one goes to its record and marks it read.</summary>
public class NoticesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task MailAsync(string to, string subject, string body, string? link)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IMailOutbox>().Enqueue(to, subject, body, link);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    [Fact]
    public async Task A_company_sees_its_unread_notices_in_the_header_and_opens_one_to_its_record()
    {
        await MailAsync(DemoUsers.Company, "【連携ポータル】テレワーク導入ルール宣言の申請を受理しました",
            "デモ商事株式会社 ご担当者様\n\n東京都・東京商工会議所 連携ポータルです。\nテレワーク導入ルール宣言の申請を受理しました。番号は TW-2026-0001 です。\n\nhttp://localhost/company/records", "/company/records");
        await MailAsync(DemoUsers.Company, "【連携ポータル】イベントのキャンセル待ちから参加が確定しました",
            "デモ商事株式会社 ご担当者様\n\nキャンセル待ちから参加が確定しました。", null);
        await MailAsync(DemoUsers.OtherCompany, "他社あてのお知らせ", "本文", null);
        var unread = await browser.Portal.WithDbAsync(db => db.Notices.CountAsync(n => n.ReadAt == null && db.Users.Any(u => u.Id == n.UserId && u.Email == DemoUsers.Company)));

        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoUsers.Company);
        await page.GetByRole(AriaRole.Link, new() { Name = $"お知らせ（未読{unread}件）", Exact = true }).ClickAsync();
        await page.ArriveAtAsync("**/notices");
        var items = page.Locator("[data-testid=notice]");
        Assert.Contains("受理しました", await items.First.InnerTextAsync() + await items.Nth(1).InnerTextAsync());
        Assert.DoesNotContain("他社あて", await page.Locator("main").InnerTextAsync());

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("70-notices");
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("70-notices-390");
        await page.SetViewportSizeAsync(1280, 900);

        var accepted = items.Filter(new() { HasTextString = "申請を受理しました" });
        await accepted.GetByRole(AriaRole.Button).ClickAsync();
        await page.ArriveAtAsync("**/company/records");
        await page.GetByRole(AriaRole.Link, new() { Name = $"お知らせ（未読{unread - 1}件）", Exact = true }).WaitForAsync();
    }
}
