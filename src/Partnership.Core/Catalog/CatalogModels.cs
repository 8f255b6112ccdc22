namespace Partnership.Core.Catalog;

/// <summary>A measure as pages and the open data show it.</summary>
public sealed record MeasureRow(
    int Id, string AreaCode, MeasureSide Side, int? ParentId, MeasureKind Kind, string Key, string TitleJa, string TitleEn, int Order);

/// <summary>A ○ line with its ・ lines, in reading order.</summary>
public sealed record MeasureNode(MeasureRow Measure, IReadOnlyList<MeasureRow> Children);

/// <summary>An area's page: the Metro and Chamber columns side by side, as the seed's table has them.</summary>
public sealed record AreaColumns(ProgramArea Area, int FiscalYear, IReadOnlyList<MeasureNode> Metro, IReadOnlyList<MeasureNode> Chamber);

public sealed record MeasureDetail(
    MeasureRow Measure, ProgramArea Area, int FiscalYear, MeasureRow? Parent, IReadOnlyList<MeasureRow> Children, Guid Version);

public sealed record MeasureEdit(string? TitleJa, string? TitleEn, MeasureKind Kind);

public sealed record NewMeasure(int FiscalYear, string AreaCode, MeasureSide Side, int? ParentId, MeasureKind Kind, string? TitleJa, string? TitleEn);

public static class MeasureTree
{
    /// <summary>Groups rows of one column into ○ lines with their ・ lines, ordered as the plan reads.</summary>
    public static IReadOnlyList<MeasureNode> Build(IEnumerable<MeasureRow> rows)
    {
        var list = rows.OrderBy(r => r.Order).ToList();
        var children = list.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        return list.Where(r => r.ParentId is null)
            .Select(r => new MeasureNode(r, children[r.Id].ToList()))
            .ToList();
    }
}
