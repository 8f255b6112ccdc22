using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Catalog;

public class CatalogServiceTests : DatabaseTest
{

    private async Task<Measure> TeleworkDeskAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Measures.AsNoTracking().SingleAsync(m => m.Key == "TELEWORK-M01");
    }

    [Fact]
    public async Task Editing_a_measure_records_who_and_when_and_renews_its_version()
    {
        var before = await TeleworkDeskAsync();
        Clock.Advance(TimeSpan.FromDays(3));
        await using (var db = Database.CreateContext(TestDatabase.User("metro-1"), Clock))
        {
            var outcome = await new CatalogService(db).UpdateMeasureAsync(
                before.Id, new MeasureEdit(" 東京テレワーク推進センターの運営 ", "Running the Tokyo Telework Promotion Center", MeasureKind.SupportHub), before.Version);
            Assert.True(outcome.Succeeded);
        }
        var after = await TeleworkDeskAsync();
        Assert.Equal("東京テレワーク推進センターの運営", after.TitleJa);
        Assert.Equal("metro-1", after.UpdatedBy);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, after.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, after.UpdatedAt.Kind);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_is_refused_and_changes_nothing()
    {
        var original = await TeleworkDeskAsync();
        await using (var first = Database.CreateContext(TestDatabase.User("metro-1"), Clock))
        {
            Assert.True((await new CatalogService(first).UpdateMeasureAsync(original.Id, new MeasureEdit("一人目の変更", "First", MeasureKind.SupportHub), original.Version)).Succeeded);
        }
        await using (var second = Database.CreateContext(TestDatabase.User("metro-2"), Clock))
        {
            var outcome = await new CatalogService(second).UpdateMeasureAsync(original.Id, new MeasureEdit("二人目の変更", "Second", MeasureKind.Event), original.Version);
            Assert.Equal(OutcomeStatus.Conflict, outcome.Status);
        }
        var saved = await TeleworkDeskAsync();
        Assert.Equal("一人目の変更", saved.TitleJa);
        Assert.Equal("metro-1", saved.UpdatedBy);
    }

    [Fact]
    public async Task Two_officials_saving_the_same_version_at_once_do_not_overwrite_each_other()
    {
        var original = await TeleworkDeskAsync();
        // Both load the measure before either saves: the database's concurrency check decides.
        await using var a = Database.CreateContext(TestDatabase.User("metro-a"), Clock);
        await using var b = Database.CreateContext(TestDatabase.User("metro-b"), Clock);
        var ma = await a.Measures.SingleAsync(m => m.Id == original.Id);
        var mb = await b.Measures.SingleAsync(m => m.Id == original.Id);
        ma.TitleJa = "A";
        mb.TitleJa = "B";
        await a.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
        Assert.Equal("A", (await TeleworkDeskAsync()).TitleJa);
    }

    [Fact]
    public async Task A_new_child_measure_goes_under_its_parent_and_later_measures_move_down()
    {
        var parent = await TeleworkDeskAsync();
        int newId;
        await using (var db = Database.CreateContext(TestDatabase.User("metro-1"), Clock))
        {
            var outcome = await new CatalogService(db).AddMeasureAsync(new NewMeasure(
                2021, "TELEWORK", MeasureSide.Metro, parent.Id, MeasureKind.Event, "見学会の実施", "Tours of the centre"));
            Assert.True(outcome.Succeeded);
            newId = outcome.Value;
        }
        await using var check = Database.CreateContext();
        var added = await check.Measures.SingleAsync(m => m.Id == newId);
        Assert.Equal(parent.Id, added.ParentId);
        Assert.Equal(parent.Order + 1, added.Order);
        Assert.Equal("TELEWORK-M09", added.Key);
        Assert.Equal(60, await check.Measures.CountAsync());
        // Orders stay unique within the plan.
        Assert.Equal(60, await check.Measures.Select(m => m.Order).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_child_cannot_be_added_under_a_measure_of_the_other_side()
    {
        var metroParent = await TeleworkDeskAsync();
        await using var db = Database.CreateContext();
        var outcome = await new CatalogService(db).AddMeasureAsync(new NewMeasure(
            2021, "TELEWORK", MeasureSide.Chamber, metroParent.Id, MeasureKind.Tour, "見学会", "Tour"));
        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Equal("Catalog.ParentMismatch", Assert.Single(outcome.Errors).Code);
        Assert.Equal(59, await db.Measures.CountAsync());
    }

    [Fact]
    public async Task The_next_plan_is_a_copy_of_the_last_and_a_repeated_request_starts_no_second_year()
    {
        await using (var db = Database.CreateContext(TestDatabase.User("metro-1"), Clock))
        {
            var outcome = await new CatalogService(db).StartNextPlanAsync(fromFiscalYear: 2021);
            Assert.True(outcome.Succeeded);
            Assert.Equal(2022, outcome.Value);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("metro-1"), Clock))
        {
            // The same button pressed twice: the second press still says "from 2021".
            var again = await new CatalogService(db).StartNextPlanAsync(fromFiscalYear: 2021);
            Assert.Equal(OutcomeStatus.Conflict, again.Status);
        }
        await using var check = Database.CreateContext();
        Assert.Equal([2021, 2022], await check.PartnershipPlans.OrderBy(p => p.FiscalYear).Select(p => p.FiscalYear).ToListAsync());
        var old = await check.Measures.Where(m => m.Plan!.FiscalYear == 2021).Include(m => m.Parent).ToListAsync();
        var copy = await check.Measures.Where(m => m.Plan!.FiscalYear == 2022).Include(m => m.Parent).ToListAsync();
        Assert.Equal(59, copy.Count);
        foreach (var m in old)
        {
            var c = copy.Single(x => x.Key == m.Key);
            Assert.Equal((m.TitleJa, m.TitleEn, m.Kind, m.Side, m.AreaId, m.Order, m.Parent?.Key), (c.TitleJa, c.TitleEn, c.Kind, c.Side, c.AreaId, c.Order, c.Parent?.Key));
            Assert.NotEqual(m.Id, c.Id);
        }
        Assert.All(copy.Where(c => c.Parent is not null), c => Assert.Equal(c.PlanId, c.Parent!.PlanId));
    }
}
