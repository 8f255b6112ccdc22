using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnership.Core.Notices;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Notices;

/// <summary>Every mail to a portal user is also a notice for that user, written in the same SaveChanges as the mail.</summary>
public sealed class NoticeOutboxTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
        foreach (var (id, email) in new[] { ("user-a", "Hanako@Example.jp"), ("user-b", "taro@example.jp") })
        {
            db.Users.Add(new AppUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
            });
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_mail_to_an_account_becomes_its_notice_and_a_mail_to_an_address_without_one_does_not()
    {
        await using (var db = _database.CreateContext())
        {
            var outbox = new MailOutbox(db, _clock);
            outbox.Enqueue("hanako@example.JP", "【連携ポータル】申請を受理しました",
                "株式会社テスト ご担当者様\n\n東京都・東京商工会議所 連携ポータルです。\n申請を受理しました。\n\nhttps://portal.example/company/schemes/entries/7",
                "/company/schemes/entries/7");
            outbox.Enqueue("nobody@example.jp", "件名", "本文");
            outbox.Enqueue("someone@example.jp", "招待", "本文", link: "https://evil.example/x", userId: "user-b");
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        Assert.Equal(3, await check.OutboxMessages.CountAsync());
        var notices = await check.Notices.OrderBy(n => n.Id).ToListAsync();
        Assert.Equal(2, notices.Count);
        var first = notices[0];
        Assert.Equal("user-a", first.UserId);
        Assert.Equal("【連携ポータル】申請を受理しました", first.Title);
        Assert.Equal("東京都・東京商工会議所 連携ポータルです。申請を受理しました。", first.Text);
        Assert.Equal("/company/schemes/entries/7", first.Link);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, first.CreatedAt);
        Assert.Null(first.ReadAt);
        // A user id the caller knows wins over the address; a link off the portal is never kept.
        Assert.Equal("user-b", notices[1].UserId);
        Assert.Null(notices[1].Link);
        Assert.DoesNotContain(notices, n => n.Title == "件名");
    }

    [Fact]
    public async Task A_mail_whose_change_is_not_saved_leaves_no_notice()
    {
        await using (var db = _database.CreateContext())
        {
            new MailOutbox(db, _clock).Enqueue("taro@example.jp", "件名", "本文");
        }
        await using var check = _database.CreateContext();
        Assert.Equal(0, await check.Notices.CountAsync());
    }

    [Fact]
    public async Task A_user_reads_and_marks_only_their_own_notices()
    {
        await using (var db = _database.CreateContext())
        {
            var outbox = new MailOutbox(db, _clock);
            outbox.Enqueue("hanako@example.jp", "一件目", "本文");
            _clock.Advance(TimeSpan.FromMinutes(1));
            outbox.Enqueue("hanako@example.jp", "二件目", "本文");
            outbox.Enqueue("taro@example.jp", "太郎さんへ", "本文");
            await db.SaveChangesAsync();
        }
        await using var context = _database.CreateContext();
        var service = new NoticeService(context, _clock);
        var hanako = await service.LatestAsync("user-a");
        Assert.Equal(["二件目", "一件目"], hanako.Select(n => n.Title));
        Assert.Equal(2, await service.UnreadCountAsync("user-a"));
        var taros = (await service.LatestAsync("user-b")).Single();

        Assert.Null(await service.MarkReadAsync("user-a", taros.Id));
        Assert.Equal(1, await service.UnreadCountAsync("user-b"));
        Assert.NotNull(await service.MarkReadAsync("user-a", hanako[0].Id));
        Assert.Equal(1, await service.UnreadCountAsync("user-a"));
        Assert.Equal(1, await service.MarkAllReadAsync("user-a"));
        Assert.Equal(0, await service.UnreadCountAsync("user-a"));
        Assert.Equal(1, await service.UnreadCountAsync("user-b"));
    }

    [Fact]
    public void The_short_text_leaves_out_the_greeting_and_links_and_is_cut()
    {
        Assert.Equal("本文です。", Notice.ShortText("A社 ご担当者様\r\n\r\n本文です。\r\nhttp://x.example/\r\n"));
        Assert.Equal("first line second line.", Notice.ShortText("Dear A,\n\nfirst line\nsecond line."));
        var text = Notice.ShortText(new string('あ', 500));
        Assert.Equal(Notice.TextLength, text.Length);
        Assert.EndsWith("…", text);
    }
}
