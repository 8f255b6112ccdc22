namespace Partnership.Web.Infrastructure;

/// <summary>A text field for the shared _TextField partial: name, label, value, help text, autocomplete, input mode.</summary>
public sealed record FieldView(string Name, string Label, string? Value, string? Help, string? AutoComplete, string? InputMode = null);
