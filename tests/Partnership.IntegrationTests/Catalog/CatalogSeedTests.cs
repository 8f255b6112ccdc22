using Microsoft.EntityFrameworkCore;
using Partnership.Core.Catalog;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Catalog;

public class CatalogSeedTests : DatabaseTest
{

    [Fact]
    public void The_seed_table_has_59_bulleted_lines_33_Metro_and_26_Chamber()
    {
        var lines = SeedTable.Read();
        Assert.Equal(59, lines.Count);
        Assert.Equal(33, lines.Count(l => l.Side == "metro"));
        Assert.Equal(26, lines.Count(l => l.Side == "chamber"));
        Assert.Equal(6, lines.Select(l => l.AreaIndex).Distinct().Count());
    }

    [Fact]
    public async Task Every_line_of_the_seed_is_in_the_catalog_word_for_word_with_its_side_area_and_parent()
    {
        var seed = SeedTable.Read();
        await using var db = Database.CreateContext();
        var measures = await db.Measures.Include(m => m.Area).Include(m => m.Parent)
            .Where(m => m.Plan!.FiscalYear == 2021).OrderBy(m => m.Order).ToListAsync();

        Assert.Equal(seed.Count, measures.Count);
        var byOrder = measures.ToDictionary(m => m.Order);
        foreach (var line in seed)
        {
            var m = byOrder[line.Order];
            Assert.Equal(line.TitleJa, m.TitleJa);
            Assert.Equal(line.Side, Measure.SideCode(m.Side));
            Assert.Equal(line.AreaIndex + 1, m.Area!.Order);
            Assert.Equal(line.ParentOrder, m.Parent?.Order);
            Assert.False(string.IsNullOrWhiteSpace(m.TitleEn), $"{m.Key} has no English title");
        }
    }

    [Fact]
    public async Task The_six_program_areas_are_there_in_the_seed_order()
    {
        await using var db = Database.CreateContext();
        var codes = await db.ProgramAreas.OrderBy(a => a.Order).Select(a => a.Code).ToListAsync();
        Assert.Equal(["WORKSTYLE", "TELEWORK", "SMOOTHBIZ", "LWB", "WOMEN", "TALENT"], codes);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await using (var db = Database.CreateContext())
        {
            await new CatalogSeeder(db).SeedAsync();
        }
        await using var check = Database.CreateContext();
        Assert.Equal(6, await check.ProgramAreas.CountAsync());
        Assert.Equal(1, await check.PartnershipPlans.CountAsync());
        Assert.Equal(59, await check.Measures.CountAsync());
    }

    [Fact]
    public async Task Children_sit_only_under_top_level_measures_of_the_same_area_and_side()
    {
        await using var db = Database.CreateContext();
        var children = await db.Measures.Include(m => m.Parent).Where(m => m.ParentId != null).ToListAsync();
        Assert.Equal(11, children.Count);
        Assert.All(children, c =>
        {
            Assert.Null(c.Parent!.ParentId);
            Assert.Equal(c.AreaId, c.Parent.AreaId);
            Assert.Equal(c.Side, c.Parent.Side);
        });
    }
}
