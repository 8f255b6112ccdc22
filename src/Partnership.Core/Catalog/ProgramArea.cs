namespace Partnership.Core.Catalog;

/// <summary>A program area (施策分野) of the partnership, e.g. テレワークの推進. Data, so an administrator can add one.</summary>
public class ProgramArea
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public string DescriptionJa { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public int Order { get; set; }
}
