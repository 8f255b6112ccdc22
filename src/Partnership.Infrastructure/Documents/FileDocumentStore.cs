using Partnership.Core.Documents;

namespace Partnership.Infrastructure.Documents;

/// <summary>
/// Documents as files in a folder outside the web root (by default &lt;DataDirectory&gt;/documents), named by a
/// random key, two levels of sub-folders. A file is written to a temporary name, flushed to disk and then
/// renamed, so a key handed out always names a complete file. Every node must reach the same folder.
/// </summary>
public sealed class FileDocumentStore(string root) : IDocumentStore
{
    public async Task<string> SaveAsync(Stream content, CancellationToken ct = default)
    {
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await content.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path);
        return key;
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string key)
    {
        if (key.Length != 32 || !key.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("Not a document key.", nameof(key));
        }
        return Path.Combine(root, key[..2], key[2..4], key);
    }
}
