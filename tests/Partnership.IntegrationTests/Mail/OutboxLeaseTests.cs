using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Background;
using Partnership.Infrastructure.Mail;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Mail;

/// <summary>Several senders (portal nodes) on one outbox: each message is sent by one of them, once.</summary>
public class OutboxLeaseTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentDictionary<long, int> _sends = new();
    private readonly ConcurrentDictionary<long, string> _sentBy = new();

    public async Task InitializeAsync()
    {
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task EnqueueAsync(int count)
    {
        await using var db = _database.CreateContext();
        var outbox = new MailOutbox(db, _clock);
        for (var i = 0; i < count; i++)
        {
            outbox.Enqueue($"to{i}@example.jp", $"件名{i}", "本文");
        }
        await db.SaveChangesAsync();
    }

    private IMailTransport Transport(string node)
    {
        var transport = new Mock<IMailTransport>();
        transport.SetupGet(t => t.IsConfigured).Returns(true);
        transport.Setup(t => t.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()))
            .Returns(async (OutboxMessage m, CancellationToken _) =>
            {
                _sends.AddOrUpdate(m.Id, 1, (_, n) => n + 1);
                _sentBy[m.Id] = node;
                await Task.Delay(2);
            });
        return transport.Object;
    }

    private async Task<int> RunAsync(string node, IMailTransport transport)
    {
        await using var db = _database.CreateContext();
        return await new OutboxProcessor(db, transport, _clock, NullLogger<OutboxProcessor>.Instance, new BackgroundNode(node))
            .SendDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Two_senders_running_together_send_each_message_exactly_once()
    {
        await EnqueueAsync(120);
        var a = Transport("a");
        var b = Transport("b");

        // Both nodes poll at the same moments until the outbox is empty.
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            var results = await Task.WhenAll(Task.Run(() => RunAsync("a", a)), Task.Run(() => RunAsync("b", b)));
            total += results.Sum();
        }

        Assert.Equal(120, total);
        Assert.Equal(120, _sends.Count);
        Assert.All(_sends.Values, n => Assert.Equal(1, n));
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null || m.LeaseOwner != null || m.LeaseUntil != null));
        Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task A_message_held_by_a_dead_sender_is_sent_by_another_once_its_lease_expired()
    {
        await EnqueueAsync(1);
        await using (var db = _database.CreateContext())
        {
            // Node "dead" claimed it and was killed before sending.
            await db.OutboxMessages.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, "dead/claim")
                .SetProperty(m => m.LeaseUntil, _clock.GetUtcNow().UtcDateTime + OutboxProcessor.LeaseDuration));
        }
        var b = Transport("b");

        Assert.Equal(0, await RunAsync("b", b));
        _clock.Advance(OutboxProcessor.LeaseDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await RunAsync("b", b));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await RunAsync("b", b));

        Assert.Equal("b", Assert.Single(_sentBy).Value);
        await using var check = _database.CreateContext();
        var message = await check.OutboxMessages.SingleAsync();
        Assert.NotNull(message.SentAt);
        Assert.Null(message.LeaseOwner);
    }

    [Fact]
    public async Task A_failed_send_gives_the_lease_back_with_the_back_off()
    {
        await EnqueueAsync(1);
        var failing = new Mock<IMailTransport>();
        failing.SetupGet(t => t.IsConfigured).Returns(true);
        failing.Setup(t => t.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("refused"));

        Assert.Equal(0, await RunAsync("a", failing.Object));

        await using var db = _database.CreateContext();
        var message = await db.OutboxMessages.SingleAsync();
        Assert.Null(message.LeaseOwner);
        Assert.Null(message.LeaseUntil);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddMinutes(1), message.NextAttemptAt);
    }
}
