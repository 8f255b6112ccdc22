using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Partnership.Core.Audit;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Audit;

public class AuditLogTests : DatabaseTest
{
    private readonly ICurrentUser _official = Mock.Of<ICurrentUser>(u => u.UserId == "metro-7" && u.IpAddress == "203.0.113.9");

    [Fact]
    public async Task A_change_is_recorded_with_who_when_where_and_the_changed_fields_before_and_after()
    {
        int id;
        await using (var db = Database.CreateContext(_official, Clock))
        {
            var measure = await db.Measures.SingleAsync(m => m.Key == "TELEWORK-M01");
            id = measure.Id;
            measure.TitleEn = "Running the centre";
            await db.SaveChangesAsync();
        }
        await using var check = Database.CreateContext();
        var entry = await check.AuditEntries.Where(a => a.EntityType == nameof(Measure) && a.EntityId == id.ToString() && a.Action == AuditActions.Modified).SingleAsync();
        Assert.Equal((AuditActions.Modified, "metro-7", "203.0.113.9", Clock.GetUtcNow().UtcDateTime), (entry.Action, entry.UserId, entry.IpAddress, entry.At));
        using var changes = JsonDocument.Parse(entry.Changes);
        var title = changes.RootElement.GetProperty("TitleEn");
        Assert.Equal("Operating the Tokyo Telework Promotion Center", title.GetProperty("before").GetString());
        Assert.Equal("Running the centre", title.GetProperty("after").GetString());
        // Only what changed (and the stamps the change renewed), not the untouched title in Japanese.
        Assert.False(changes.RootElement.TryGetProperty("TitleJa", out _));
    }

    [Fact]
    public async Task The_change_and_its_audit_entry_roll_back_together()
    {
        var before = await CountAsync();
        await using (var db = Database.CreateContext(_official, Clock))
        {
            // Two plans for one fiscal year: the unique index refuses the save.
            db.PartnershipPlans.Add(new PartnershipPlan { FiscalYear = 2021, TitleJa = "重複", TitleEn = "Duplicate" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var db = Database.CreateContext(_official, Clock))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var measure = await db.Measures.FirstAsync();
            measure.TitleJa = "取り消される変更";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        Assert.Equal(before, await CountAsync());
        await using var check = Database.CreateContext();
        Assert.False(await check.Measures.AnyAsync(m => m.TitleJa == "取り消される変更"));
        Assert.Equal(1, await check.PartnershipPlans.CountAsync());
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        await using (var db = Database.CreateContext(_official, Clock))
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.UserId = "someone-else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = Database.CreateContext(_official, Clock))
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using var check = Database.CreateContext();
        Assert.DoesNotContain(await check.AuditEntries.Select(a => a.UserId).ToListAsync(), u => u == "someone-else");
    }

    [Fact]
    public async Task Secrets_are_masked()
    {
        await using (var db = Database.CreateContext(_official, Clock))
        {
            db.Users.Add(new AppUser { Id = "u-1", UserName = "a@example.jp", Email = "a@example.jp", PasswordHash = "HASH-SECRET", SecurityStamp = "STAMP-SECRET" });
            await db.SaveChangesAsync();
        }
        await using var check = Database.CreateContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser));
        Assert.Equal("u-1", entry.EntityId);
        Assert.DoesNotContain("HASH-SECRET", entry.Changes);
        Assert.DoesNotContain("STAMP-SECRET", entry.Changes);
        Assert.Contains("a@example.jp", entry.Changes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_save_of_more_entries_than_one_statement_holds_writes_every_entry_with_its_new_key_in_order(bool synchronous)
    {
        // 250 rows: three INSERT statements of up to a hundred entries; the system user has no id and no address.
        var plans = Enumerable.Range(0, 250).Select(i => new PartnershipPlan { FiscalYear = 3000 + i, TitleJa = $"計画{i}", TitleEn = $"Plan {i}" }).ToList();
        await using (var db = Database.CreateContext(clock: Clock))
        {
            db.PartnershipPlans.AddRange(plans);
            if (synchronous)
            {
                db.SaveChanges();
            }
            else
            {
                await db.SaveChangesAsync();
            }
            Assert.Null(db.Database.CurrentTransaction);
        }
        await using var check = Database.CreateContext();
        // The seeded plan's entry was written at the real time, these at the test clock's.
        var at = Clock.GetUtcNow().UtcDateTime;
        var entries = await check.AuditEntries.Where(a => a.EntityType == nameof(PartnershipPlan) && a.Action == AuditActions.Created && a.At == at)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(plans.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(e => e.EntityId));
        Assert.All(entries, e => Assert.Equal<(string?, string?)>((null, null), (e.UserId, e.IpAddress)));
        using var last = JsonDocument.Parse(entries[^1].Changes);
        Assert.Equal("Plan 249", last.RootElement.GetProperty("TitleEn").GetProperty("after").GetString());
        Assert.Equal(JsonValueKind.Null, last.RootElement.GetProperty("TitleEn").GetProperty("before").ValueKind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_change_whose_audit_entries_cannot_be_written_is_not_stored_and_its_transaction_ends_at_once(bool synchronous)
    {
        await using (var db = Database.CreateContext(_official, Clock))
        {
            // The audit table gone: the plan's own insert succeeds, writing its entry fails.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"AuditEntries\"");
            db.PartnershipPlans.Add(new PartnershipPlan { FiscalYear = 2099, TitleJa = "記録できない変更", TitleEn = "Unrecorded change" });
            if (synchronous)
            {
                Assert.ThrowsAny<Exception>(() => db.SaveChanges());
            }
            else
            {
                await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
            }
            // Rolled back there and then (the failed-save event), not when the context goes: on SQLite it would hold the write lock until then.
            Assert.Null(db.Database.CurrentTransaction);
        }
        await using var check = Database.CreateContext();
        Assert.False(await check.PartnershipPlans.AnyAsync(p => p.FiscalYear == 2099));
    }

    private async Task<int> CountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.CountAsync();
    }
}
