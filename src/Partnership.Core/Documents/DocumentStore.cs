using Partnership.Core.Common;

namespace Partnership.Core.Documents;

/// <summary>
/// Where uploaded documents' bytes live, outside the web root. Saving returns only once the bytes are on
/// disk; the database row that points at them is written after, so an acknowledged upload is never lost.
/// </summary>
public interface IDocumentStore
{
    Task<string> SaveAsync(Stream content, CancellationToken ct = default);

    Stream OpenRead(string key);

    void Delete(string key);
}

public static class DocumentStoreExtensions
{
    /// <summary>
    /// Checked files kept with the rows that point at them: each file's bytes go to the store first (on disk when
    /// acknowledged), <paramref name="add"/> attaches the row for the file and its storage key, then <paramref name="save"/>
    /// writes the rows. When storing or saving fails, the bytes already stored are removed, so no file is left without its row.
    /// </summary>
    public static async Task StoreThenSaveAsync(
        this IDocumentStore store, IEnumerable<CheckedFile> files, Action<CheckedFile, string> add, Func<Task> save, CancellationToken ct = default)
    {
        var keys = new List<string>();
        try
        {
            foreach (var file in files)
            {
                using var content = new MemoryStream(file.Content, writable: false);
                var key = await store.SaveAsync(content, ct);
                keys.Add(key);
                add(file, key);
            }
            await save();
        }
        catch
        {
            foreach (var key in keys)
            {
                store.Delete(key);
            }
            throw;
        }
    }
}

/// <summary>What a file is, judged by its first bytes, never by its name.</summary>
public static class DocumentContent
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int FileNameMaxLength = 200;

    /// <summary>
    /// The name kept and offered on download: no folders (either slash), no control, bidirectional or markup
    /// characters, at most 200 characters (what the attachment and document tables hold), ending in the extension of what the content is.
    /// </summary>
    public static string SafeName(string? fileName, string? contentType)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim().TrimStart('.');
        if (name.Length == 0 || TextRules.Check(name) != TextRules.Problem.None || name.Any(c => c is '"' or '<' or '>' or ':' or '*' or '?' or '|'))
        {
            name = "attachment";
        }
        var extension = contentType switch
        {
            "application/pdf" => ".pdf",
            "image/png" => ".png",
            "image/jpeg" => ".jpg",
            _ => null,
        };
        if (extension is not null)
        {
            var current = Path.GetExtension(name).ToLowerInvariant();
            var matches = current == extension || (extension == ".jpg" && current == ".jpeg");
            if (!matches)
            {
                name += extension;
            }
        }
        return name.Length <= FileNameMaxLength ? name : name[..(FileNameMaxLength - 10)] + (extension ?? "");
    }

    private static readonly (string ContentType, byte[] Magic)[] Known =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    /// <summary>The content type for a PDF, PNG or JPEG; null for anything else (an executable renamed .pdf included).</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        foreach (var (type, magic) in Known)
        {
            if (head.Length >= magic.Length && head[..magic.Length].SequenceEqual(magic))
            {
                return type;
            }
        }
        return null;
    }
}
