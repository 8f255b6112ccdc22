using Partnership.Core.Catalog;

namespace Partnership.UnitTests.Catalog;

public class CatalogRulesTests
{
    private static Measure M(int id, int order, int? parentId = null, int areaId = 1, MeasureSide side = MeasureSide.Metro, int planId = 1, string? key = null) =>
        new()
        {
            Id = id,
            PlanId = planId,
            AreaId = areaId,
            Side = side,
            ParentId = parentId,
            Order = order,
            Key = key ?? $"A-M{id:00}",
            TitleJa = $"取組{id}",
            TitleEn = $"Measure {id}",
            Kind = MeasureKind.Program,
        };

    [Fact]
    public void Titles_in_both_languages_are_accepted()
    {
        Assert.Empty(CatalogRules.ValidateTitles("相談窓口の設置", "Setting up a consultation desk"));
    }

    [Theory]
    [InlineData(null, "TitleJa", "Catalog.TitleRequired")]
    [InlineData("", "TitleJa", "Catalog.TitleRequired")]
    [InlineData("　 ", "TitleJa", "Catalog.TitleRequired")]
    [InlineData("取組\u0007", "TitleJa", "Catalog.TitleControlCharacters")]
    public void A_missing_or_broken_Japanese_title_is_refused(string? titleJa, string field, string code)
    {
        var error = Assert.Single(CatalogRules.ValidateTitles(titleJa, "ok"));
        Assert.Equal(field, error.Field);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused_but_one_at_the_limit_is_not()
    {
        Assert.Empty(CatalogRules.ValidateTitles(new string('あ', Measure.TitleMaxLength), "ok"));
        var error = Assert.Single(CatalogRules.ValidateTitles("ok", new string('a', Measure.TitleMaxLength + 1)));
        Assert.Equal(("TitleEn", "Catalog.TitleTooLong"), (error.Field, error.Code));
    }

    [Fact]
    public void A_child_may_sit_under_a_top_level_measure_of_the_same_plan_area_and_side()
    {
        Assert.Null(CatalogRules.CheckParent(M(1, 1), planId: 1, areaId: 1, MeasureSide.Metro));
    }

    [Theory]
    [InlineData(2, 1, MeasureSide.Metro)]
    [InlineData(1, 2, MeasureSide.Metro)]
    [InlineData(1, 1, MeasureSide.Chamber)]
    public void A_parent_from_another_plan_area_or_side_is_refused(int planId, int areaId, MeasureSide side) =>
        Assert.Equal("Catalog.ParentMismatch", CatalogRules.CheckParent(M(1, 1), planId, areaId, side));

    [Fact]
    public void A_child_cannot_be_a_parent()
    {
        Assert.Equal("Catalog.ParentIsChild", CatalogRules.CheckParent(M(2, 2, parentId: 1), 1, 1, MeasureSide.Metro));
    }

    [Fact]
    public void The_next_plan_follows_the_latest_year()
    {
        Assert.Equal(2023, CatalogRules.NextFiscalYear([2021, 2022]));
        Assert.Equal(CatalogRules.FirstFiscalYear, CatalogRules.NextFiscalYear([]));
    }

    [Fact]
    public void A_new_child_goes_after_its_parents_last_child()
    {
        var plan = new[] { M(1, 1), M(2, 2, parentId: 1), M(3, 3, parentId: 1), M(4, 4), M(5, 5, side: MeasureSide.Chamber) };
        Assert.Equal(4, CatalogRules.OrderForNewMeasure(plan, plan[0], 1, MeasureSide.Metro));
    }

    [Fact]
    public void A_new_top_level_measure_goes_at_the_end_of_its_column()
    {
        var plan = new[] { M(1, 1), M(2, 2, parentId: 1), M(3, 3, side: MeasureSide.Chamber), M(4, 4, areaId: 2) };
        Assert.Equal(3, CatalogRules.OrderForNewMeasure(plan, null, 1, MeasureSide.Metro));
        Assert.Equal(4, CatalogRules.OrderForNewMeasure(plan, null, 1, MeasureSide.Chamber));
    }

    [Fact]
    public void New_keys_take_the_next_free_number_of_their_area_and_side()
    {
        var keys = new[] { "TELEWORK-M01", "TELEWORK-M08", "TELEWORK-C06", "WORKSTYLE-M05" };
        Assert.Equal("TELEWORK-M09", CatalogRules.NewKey("TELEWORK", MeasureSide.Metro, keys));
        Assert.Equal("TELEWORK-C07", CatalogRules.NewKey("TELEWORK", MeasureSide.Chamber, keys));
        Assert.Equal("LWB-M01", CatalogRules.NewKey("LWB", MeasureSide.Metro, keys));
    }

    [Fact]
    public void Copying_a_plan_keeps_keys_order_and_the_child_parent_structure()
    {
        var source = new PartnershipPlan { Id = 7, FiscalYear = 2021, TitleJa = "x", TitleEn = "x" };
        // Children listed before their parents on purpose: the copy must not depend on input order.
        var measures = new[] { M(12, 2, parentId: 11, key: "A-M02"), M(11, 1, key: "A-M01"), M(13, 3, key: "A-C01", side: MeasureSide.Chamber) };

        var copy = CatalogRules.CopyPlan(source, measures, 2022);

        Assert.Equal(2022, copy.FiscalYear);
        Assert.Equal(7, copy.CopiedFromPlanId);
        Assert.Equal("連携内容一覧（令和4年度事業計画）", copy.TitleJa);
        Assert.Equal(3, copy.Measures.Count);
        var child = copy.Measures.Single(m => m.Key == "A-M02");
        Assert.Same(copy.Measures.Single(m => m.Key == "A-M01"), child.Parent);
        Assert.All(copy.Measures, m => Assert.Same(copy, m.Plan));
        Assert.Equal([1, 2, 3], copy.Measures.Select(m => m.Order).Order());
        Assert.Equal(MeasureSide.Chamber, copy.Measures.Single(m => m.Key == "A-C01").Side);
    }

    [Fact]
    public void A_column_groups_children_under_their_parents_in_reading_order()
    {
        MeasureRow R(int id, int order, int? parent = null) => new(id, "A", MeasureSide.Metro, parent, MeasureKind.Program, $"K{id}", "t", "t", order);
        var tree = MeasureTree.Build([R(3, 3, 1), R(1, 1), R(2, 2, 1), R(4, 4)]);
        Assert.Equal([1, 4], tree.Select(n => n.Measure.Id));
        Assert.Equal([2, 3], tree[0].Children.Select(c => c.Id));
        Assert.Empty(tree[1].Children);
    }
}
