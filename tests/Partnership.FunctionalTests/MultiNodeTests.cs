using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Background;
using Partnership.Infrastructure.Mail;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>
/// Two portal nodes on one PostgreSQL database, as behind a load balancer: a browser's requests go to either
/// node; nothing a user sees depends on which (docs/adr/0041, 0042). Runs on the PostgreSQL pass.
/// </summary>
public sealed class MultiNodeTests : IDisposable
{
    /// <summary>Every message any node's transport accepted, by outbox id, with the node that sent it.</summary>
    private readonly ConcurrentDictionary<long, ConcurrentBag<string>> _sent = new();
    private readonly Node _a;
    private readonly Node _b;
    private readonly CookieContainer _browser = new();

    public MultiNodeTests()
    {
        _a = new Node("node-a", _sent);
        _ = _a.Server; // A starts first: it migrates and seeds, as a rolling deployment's first node would.
        _b = new Node("node-b", _sent) { SharedWith = _a };
        _ = _b.Server;
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    private sealed class Node(string name, ConcurrentDictionary<long, ConcurrentBag<string>> sent) : PortalFactory
    {
        public string Name => name;

        protected override int MailPollSeconds => 1;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:NodeName", name);
            builder.UseSetting("Background:LeaseSeconds", "3");
            builder.ConfigureTestServices(services => services.AddSingleton<IMailTransport>(new RecordingTransport(name, sent)));
        }
    }

    /// <summary>The mail seam: accepts every message and notes who sent it (a little slowly, as SMTP is).</summary>
    private sealed class RecordingTransport(string node, ConcurrentDictionary<long, ConcurrentBag<string>> sent) : IMailTransport
    {
        public bool IsConfigured => true;

        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            sent.GetOrAdd(message.Id, _ => []).Add(node);
            await Task.Delay(5, ct);
        }
    }

    /// <summary>One browser (one cookie jar) talking to the given node.</summary>
    private HttpClient Browser(PortalFactory node) => node.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(_browser));

    [PostgreSqlFact]
    public async Task A_company_signed_in_on_one_node_carries_on_at_the_other_and_a_form_from_one_is_accepted_by_the_other()
    {
        var onA = Browser(_a);
        var onB = Browser(_b);

        var signIn = await onA.SignInAsync(DemoUsers.Company);
        Assert.Equal("/me", signIn.Headers.Location!.OriginalString);

        // The sign-in cookie was written by node A; node B reads it with the keys in the database.
        var me = await onB.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(DemoUsers.Company, await me.Content.ReadAsStringAsync());

        // A form rendered by node B (its antiforgery token), submitted to node A: sign-out is accepted and ends the session.
        var token = WebPageHelpers.ExtractAntiforgeryToken(await onB.GetStringAsync("/me"));
        var withoutToken = await onA.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var logout = await onA.PostAsync("/account/logout", new FormUrlEncodedContent([new(WebPageHelpers.AntiforgeryFieldName, token)]));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await onB.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);

        var keys = await _a.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1, "the Data Protection key ring is in the database");
        Assert.False(Directory.Exists(Path.Combine(_a.DataDirectory, "keys")) && Directory.EnumerateFiles(Path.Combine(_a.DataDirectory, "keys")).Any());
    }

    [PostgreSqlFact]
    public async Task A_password_reset_asked_on_one_node_is_completed_on_the_other()
    {
        var onA = Browser(_a);
        var onB = Browser(_b);
        var asked = await onA.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", DemoUsers.Chamber)]);
        Assert.Equal("/account/forgot-password/sent", asked.Headers.Location!.OriginalString);
        var mail = await _a.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == DemoUsers.Chamber));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.BodyText, @"http://localhost/account/reset-password\S+").Value);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;

        var reset = await onB.PostFormAsync(link.PathAndQuery, "/account/reset-password",
            [new("Email", DemoUsers.Chamber), new("Token", token), new("Password", "two-nodes-4567"), new("ConfirmPassword", "two-nodes-4567")]);
        Assert.Equal("/account/reset-password/done", reset.Headers.Location!.OriginalString);
    }

    [PostgreSqlFact]
    public async Task Mail_queued_on_both_nodes_is_sent_exactly_once_with_both_senders_running()
    {
        var onA = Browser(_a);
        var onB = Browser(_b);
        // Mail from requests on both nodes, and a burst written straight into the outbox so both senders race for it.
        for (var i = 0; i < 5; i++)
        {
            await onA.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", DemoUsers.Company)]);
            await onB.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", DemoUsers.OtherCompany)]);
        }
        foreach (var node in new[] { _a, _b })
        {
            await node.WithDbAsync(async db =>
            {
                var outbox = new MailOutbox(db, TimeProvider.System);
                for (var i = 0; i < 100; i++)
                {
                    outbox.Enqueue($"burst{i}@example.jp", "一斉", "本文");
                }
                return await db.SaveChangesAsync();
            });
        }

        // Each node's sender runs once a second (MailPollSeconds); wait by their rounds until the outbox is empty.
        var runners = new[] { _a, _b }.Select(n => n.Services.GetRequiredService<BackgroundRunner>()).ToArray();
        var unsent = -1;
        await BackgroundRounds.UntilAsync(async () => (unsent = await _a.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null))) == 0, 120, runners);

        Assert.Equal(0, unsent);
        var ids = await _a.WithDbAsync(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());
        Assert.True(ids.Count >= 210, $"{ids.Count} messages in the outbox");
        Assert.Equal(ids.Order(), _sent.Keys.Order());
        Assert.All(_sent, pair => Assert.Single(pair.Value));
        // Both nodes took part (a message each at least), so the claims were really contended.
        Assert.Equal(["node-a", "node-b"], _sent.Values.SelectMany(v => v).Distinct().Order());
    }

    [PostgreSqlFact]
    public async Task The_expiry_work_runs_on_one_node_and_moves_to_the_other_when_that_node_stops()
    {
        var runners = new[] { _a, _b }.Select(n => (n.Name, Runner: n.Services.GetRequiredService<BackgroundRunner>())).ToList();
        await BackgroundRounds.UntilAsync(() => runners.Any(r => r.Runner.HeldLeases.Contains("scheme-expiry")), 30, [.. runners.Select(r => r.Runner)]);
        var holders = runners.Where(r => r.Runner.HeldLeases.Contains("scheme-expiry")).Select(r => r.Name).ToList();
        var holder = Assert.Single(holders);
        var lease = await _a.WithDbAsync(db => db.BackgroundLeases.AsNoTracking().SingleAsync(l => l.Name == "scheme-expiry"));
        Assert.Equal(holder, lease.Owner);

        // The holder stops; the other node takes the work over within a lease (3 s here).
        var (stopping, other) = holder == "node-a" ? (_a, _b) : (_b, _a);
        var otherRunner = other.Services.GetRequiredService<BackgroundRunner>();
        await stopping.Services.GetRequiredService<BackgroundRunner>().StopAsync(CancellationToken.None);
        await BackgroundRounds.UntilAsync(() => otherRunner.HeldLeases.Contains("scheme-expiry"), 30, otherRunner);
        Assert.Contains("scheme-expiry", otherRunner.HeldLeases);
        lease = await other.WithDbAsync(db => db.BackgroundLeases.AsNoTracking().SingleAsync(l => l.Name == "scheme-expiry"));
        Assert.Equal(other.Name, lease.Owner);
    }
}
