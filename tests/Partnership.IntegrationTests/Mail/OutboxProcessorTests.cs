using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Mail;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Mail;

public class OutboxProcessorTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Mock<IMailTransport> _transport = new();

    public async Task InitializeAsync()
    {
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
        var outbox = new MailOutbox(db, _clock);
        outbox.Enqueue("a@example.jp", "件名A", "本文A");
        outbox.Enqueue("b@example.jp", "件名B", "本文B");
        await db.SaveChangesAsync();
        _transport.SetupGet(t => t.IsConfigured).Returns(true);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> RunAsync()
    {
        await using var db = _database.CreateContext();
        return await new OutboxProcessor(db, _transport.Object, _clock, NullLogger<OutboxProcessor>.Instance).SendDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Due_mail_is_sent_once_and_marked_sent()
    {
        Assert.Equal(2, await RunAsync());
        Assert.Equal(0, await RunAsync());
        _transport.Verify(t => t.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        await using var db = _database.CreateContext();
        Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.Equal(_clock.GetUtcNow().UtcDateTime, m.SentAt));
    }

    [Fact]
    public async Task A_failed_send_is_kept_with_its_error_and_retried_after_a_growing_pause()
    {
        _transport.Setup(t => t.SendAsync(It.Is<OutboxMessage>(m => m.To == "a@example.jp"), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("connection refused"));

        Assert.Equal(1, await RunAsync());
        await using (var db = _database.CreateContext())
        {
            var failed = await db.OutboxMessages.SingleAsync(m => m.To == "a@example.jp");
            Assert.Null(failed.SentAt);
            Assert.Equal(1, failed.Attempts);
            Assert.Equal("connection refused", failed.LastError);
            Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddMinutes(1), failed.NextAttemptAt);
        }
        // Not due yet: nothing is tried.
        Assert.Equal(0, await RunAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunAsync());
        await using (var db = _database.CreateContext())
        {
            var again = await db.OutboxMessages.SingleAsync(m => m.To == "a@example.jp");
            Assert.Equal(2, again.Attempts);
            Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddMinutes(2), again.NextAttemptAt);
        }
        _transport.Reset();
        _transport.SetupGet(t => t.IsConfigured).Returns(true);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await RunAsync());
    }

    [Fact]
    public async Task Without_SMTP_nothing_is_sent_and_nothing_is_lost()
    {
        _transport.SetupGet(t => t.IsConfigured).Returns(false);
        Assert.Equal(0, await RunAsync());
        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 60)]
    [InlineData(30, 60)]
    public void Back_off_doubles_up_to_an_hour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxProcessor.Backoff(attempts));
}
