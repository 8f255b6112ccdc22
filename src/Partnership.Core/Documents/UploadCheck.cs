using System.Security.Cryptography;
using Partnership.Core.Common;

namespace Partnership.Core.Documents;

/// <summary>A file as it arrived: the name the browser sent, its length and a way to read it (read more than once).</summary>
public sealed record UploadedFile(string? FileName, long Length, Func<Stream> Open);

/// <summary>Why an uploaded file is refused; <see cref="None"/> when it is accepted.</summary>
public enum UploadProblem
{
    None,
    Empty,
    TooLarge,
    Type,
    Active,
    Unreadable,
}

/// <summary>A file whose content was judged acceptable: the name it is kept under, what it is, its bytes and their SHA-256.</summary>
public sealed record CheckedFile(string FileName, string ContentType, byte[] Content, string Sha256);

/// <summary>
/// The one judgement of every upload of the portal (subsidy documents, publicity material, library attachments): 1 byte
/// to 10 MB, a PDF, PNG or JPEG by its first bytes whatever its name says, and a PDF parsed, so that one that can run
/// or open something, or that cannot be read, is refused (docs/adr/0063). Each area words the refusal in its own
/// messages: the message code is the area's prefix followed by the <see cref="UploadProblem"/>.
/// </summary>
public static class UploadCheck
{
    /// <summary>What <paramref name="content"/> is (its content type), or why it is refused.</summary>
    public static (string? ContentType, UploadProblem Problem) Judge(ReadOnlyMemory<byte> content)
    {
        if (content.Length == 0)
        {
            return (null, UploadProblem.Empty);
        }
        if (content.Length > DocumentContent.MaxBytes)
        {
            return (null, UploadProblem.TooLarge);
        }
        var type = DocumentContent.Sniff(content.Span[..Math.Min(16, content.Length)]);
        if (type is null)
        {
            return (null, UploadProblem.Type);
        }
        return (type == "application/pdf" ? PdfInspection.Judge(content) : PdfVerdict.Plain) switch
        {
            PdfVerdict.Plain => (type, UploadProblem.None),
            PdfVerdict.Active => (type, UploadProblem.Active),
            _ => (type, UploadProblem.Unreadable),
        };
    }

    /// <summary>
    /// Reads and judges the files of one form: at most <paramref name="maxCount"/> with the <paramref name="already"/>
    /// kept, each by <see cref="Judge"/>. A refused file adds an error to the field "Files" with the code
    /// <paramref name="codePrefix"/> + the problem (e.g. "Library.Attachment." + "TooLarge") and the file's name.
    /// </summary>
    public static async Task<List<CheckedFile>> CheckAllAsync(
        IReadOnlyList<UploadedFile> files, int already, int maxCount, string codePrefix, List<FieldError> errors, CancellationToken ct)
    {
        var result = new List<CheckedFile>();
        if (already + files.Count > maxCount)
        {
            errors.Add(new("Files", codePrefix + "TooMany", [maxCount.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            return result;
        }
        foreach (var file in files)
        {
            var shownName = DocumentContent.SafeName(file.FileName, null);
            // The stated length first, so that a file past the limit is not read at all.
            if (file.Length <= 0 || file.Length > DocumentContent.MaxBytes)
            {
                errors.Add(new("Files", codePrefix + (file.Length <= 0 ? UploadProblem.Empty : UploadProblem.TooLarge), [shownName]));
                continue;
            }
            using var buffer = new MemoryStream((int)file.Length);
            await using (var stream = file.Open())
            {
                await stream.CopyToAsync(buffer, ct);
            }
            var bytes = buffer.ToArray();
            var (type, problem) = Judge(bytes);
            if (problem != UploadProblem.None)
            {
                errors.Add(new("Files", codePrefix + problem, [shownName]));
                continue;
            }
            result.Add(new CheckedFile(DocumentContent.SafeName(file.FileName, type), type!, bytes, Convert.ToHexString(SHA256.HashData(bytes))));
        }
        return result;
    }
}
