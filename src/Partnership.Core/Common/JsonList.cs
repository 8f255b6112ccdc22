using System.Collections.ObjectModel;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Partnership.Core.Common;

/// <summary>
/// A list kept in a JSON text column (an application's expense lines, a window's required documents), read as a
/// list once per stored text rather than at every access: the submission reads an application's lines three
/// times (compare with the posted ones, check completeness, compute), and each read parsed the text again.
/// The text stays the only state: EF Core writes it straight to the property's backing field, so the parsed list
/// is kept with the very string it came from and parsed anew when the text is another string. The list handed
/// out cannot be changed; setting a new list writes new text.
/// </summary>
public sealed class JsonList<T>
{
    /// <summary>Japanese written as it is, not as \u escapes, so the stored text stays readable in the database.</summary>
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string? _source;
    private ReadOnlyCollection<T> _items = ReadOnlyCollection<T>.Empty;

    /// <summary>The list stored as <paramref name="json"/>, parsed only when that text differs from the last one read.</summary>
    public IReadOnlyList<T> Read(string json)
    {
        if (!ReferenceEquals(json, _source))
        {
            _items = (JsonSerializer.Deserialize<List<T>>(json, Options) ?? []).AsReadOnly();
            _source = json;
        }
        return _items;
    }

    /// <summary>The text to store for <paramref name="items"/>.</summary>
    public static string Write(IEnumerable<T> items) => JsonSerializer.Serialize(items, Options);
}
