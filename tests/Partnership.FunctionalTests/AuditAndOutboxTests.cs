using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

public sealed class AuditAndOutboxTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task An_officials_edit_appears_in_the_audit_log_with_who_and_the_change_and_exports_as_Excel_ready_CSV()
    {
        var metro = _portal.CreatePortalClient();
        await metro.SignInAsync(DemoUsers.Metro);
        var measure = await _portal.WithDbAsync(db => db.Measures.SingleAsync(m => m.Key == "WOMEN-M02"));
        await metro.PostFormAsync($"/catalog/manage/measures/{measure.Id}/edit", $"/catalog/manage/measures/{measure.Id}/edit",
            [new("TitleJa", "企業における女性活躍の普及啓発（監査）"), new("TitleEn", measure.TitleEn), new("Kind", measure.Kind.ToString()), new("Version", measure.Version.ToString())]);

        var admin = _portal.CreatePortalClient();
        await admin.SignInAsync(DemoUsers.Admin);
        var page = await admin.GetStringAsync("/admin/audit?person=metro%40demo.example.jp&entity=Measure&action=modified");
        Assert.Contains("metro@demo.example.jp", page);
        Assert.Contains("企業における女性活躍の普及啓発（監査）", page);
        Assert.Contains("企業における女性活躍の普及啓発", page);

        var nobody = await admin.GetStringAsync("/admin/audit?person=nobody%40example.jp");
        Assert.DoesNotContain("企業における女性活躍の普及啓発（監査）", nobody);

        var csv = await admin.GetAsync("/admin/audit/export.csv?entity=Measure&action=modified");
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("日時,利用者（メールアドレス）,接続元,操作,対象,対象ID,変更内容", text);
        Assert.Contains("metro@demo.example.jp", text);
        Assert.Contains("企業における女性活躍の普及啓発（監査）", text);
    }

    [Theory]
    [InlineData("POST", "/admin/audit")]
    [InlineData("PUT", "/admin/audit/1")]
    [InlineData("DELETE", "/admin/audit/1")]
    [InlineData("POST", "/admin/audit/1/delete")]
    public async Task No_route_edits_or_deletes_an_audit_entry(string method, string path)
    {
        var admin = _portal.CreatePortalClient();
        await admin.SignInAsync(DemoUsers.Admin);
        var token = WebPageHelpers.ExtractAntiforgeryToken(await admin.GetStringAsync("/admin/audit"));
        var before = await _portal.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new FormUrlEncodedContent([new("Changes", "{}"), new(WebPageHelpers.AntiforgeryFieldName, token)]),
        };
        var response = await admin.SendAsync(request);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        var after = await _portal.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        Assert.Equal(before, after.Take(before.Count));
    }

    [Fact]
    public async Task Chamber_staff_and_companies_cannot_read_the_audit_log()
    {
        foreach (var email in new[] { DemoUsers.Chamber, DemoUsers.Company })
        {
            var client = _portal.CreatePortalClient();
            await client.SignInAsync(email);
            Assert.StartsWith("/account/access-denied", (await client.GetAsync("/admin/audit")).Headers.Location!.PathAndQuery);
            Assert.StartsWith("/account/access-denied", (await client.GetAsync("/admin/audit/export.csv")).Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task An_administrator_resends_a_failed_mail_and_the_resend_is_audited()
    {
        var id = await _portal.WithDbAsync(async db =>
        {
            var message = new Partnership.Infrastructure.Mail.MailOutbox(db, TimeProvider.System).Enqueue("failed@example.jp", "件名", "本文");
            message.Attempts = 3;
            message.LastError = "connection refused";
            message.NextAttemptAt = DateTime.UtcNow.AddHours(1);
            await db.SaveChangesAsync();
            return message.Id;
        });
        var admin = _portal.CreatePortalClient();
        await admin.SignInAsync(DemoUsers.Admin);
        var page = await admin.GetStringAsync("/admin/outbox");
        Assert.Contains("connection refused", page);

        var response = await admin.PostFormAsync("/admin/outbox", $"/admin/outbox/{id}/resend", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await _portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id));
        Assert.True(message.NextAttemptAt <= DateTime.UtcNow);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "OutboxMessage" && a.EntityId == id.ToString() && a.Action == "modified")));
    }
}

public sealed class ReferenceDataTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task An_administrator_renames_a_branch_and_adds_a_bureau_and_a_bad_name_changes_nothing()
    {
        var admin = _portal.CreatePortalClient();
        await admin.SignInAsync(DemoUsers.Admin);
        await admin.PostFormAsync("/admin/reference", "/admin/reference/branches/13101", [new("nameJa", "千代田支部（本部併設）"), new("nameEn", "Chiyoda branch")]);
        await admin.PostFormAsync("/admin/reference", "/admin/reference/bureaus", [new("code", "kotsu"), new("nameJa", "交通局"), new("nameEn", "Bureau of Transportation")]);
        var refused = await admin.PostFormAsync("/admin/reference", "/admin/reference/industries/A", [new("nameJa", "<b>農業</b>"), new("nameEn", "Agriculture")]);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        Assert.Equal("千代田支部（本部併設）", await _portal.WithDbAsync(db => db.ChamberBranches.Where(b => b.Code == "13101").Select(b => b.NameJa).SingleAsync()));
        Assert.Equal("交通局", await _portal.WithDbAsync(db => db.MetroBureaus.Where(b => b.Code == "KOTSU").Select(b => b.NameJa).SingleAsync()));
        Assert.Equal("農業，林業", await _portal.WithDbAsync(db => db.Industries.Where(i => i.Code == "A").Select(i => i.NameJa).SingleAsync()));
        Assert.Contains("交通局", await admin.GetStringAsync("/admin/staff"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/reference", "/admin/reference/planets/X", [new("nameJa", "火星"), new("nameEn", "Mars")])).StatusCode);
    }
}
