using Partnership.Core.Common;
using Partnership.Core.Documents;
using Partnership.TestKit;

namespace Partnership.UnitTests.Documents;

/// <summary>The one judgement of every upload (subsidy documents, publicity material, library attachments).</summary>
public class UploadCheckTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static TheoryData<string, string?, UploadProblem> Contents => new()
    {
        { "plain PDF", "application/pdf", UploadProblem.None },
        { "PNG", "image/png", UploadProblem.None },
        { "empty", null, UploadProblem.Empty },
        { "text named .pdf", null, UploadProblem.Type },
        { "PDF with JavaScript", "application/pdf", UploadProblem.Active },
        { "truncated PDF", "application/pdf", UploadProblem.Unreadable },
        { "over 10 MB", null, UploadProblem.TooLarge },
    };

    private static byte[] ContentOf(string name) => name switch
    {
        "plain PDF" => PdfSamples.Plain,
        "PNG" => Png,
        "empty" => [],
        "text named .pdf" => "just text, not a PDF"u8.ToArray(),
        "PDF with JavaScript" => PdfSamples.EscapedJavaScript,
        "truncated PDF" => PdfSamples.Plain[..20],
        "over 10 MB" => new byte[DocumentContent.MaxBytes + 1],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void A_file_is_judged_by_its_content(string name, string? type, UploadProblem problem)
    {
        Assert.Equal((type, problem), UploadCheck.Judge(ContentOf(name)));
    }

    [Fact]
    public async Task A_form_keeps_the_good_files_and_words_each_refusal_with_the_areas_prefix_and_the_files_name()
    {
        var errors = new List<FieldError>();
        var files = new[] { File("leaflet.pdf", PdfSamples.Plain), File("photo.jpg", Png), File("macro.pdf", PdfSamples.EscapedJavaScript) };

        var kept = await UploadCheck.CheckAllAsync(files, already: 0, maxCount: 5, "Library.Attachment.", errors, CancellationToken.None);

        // The name ends in what the content is, whatever the browser said.
        Assert.Equal(["leaflet.pdf", "photo.jpg.png"], kept.Select(f => f.FileName));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(PdfSamples.Plain)), kept[0].Sha256);
        var error = Assert.Single(errors);
        Assert.Equal(("Files", "Library.Attachment.Active"), (error.Field, error.Code));
        Assert.Equal(["macro.pdf"], error.Args!);
    }

    [Fact]
    public async Task Too_many_files_with_those_already_kept_are_refused_without_reading_any()
    {
        var errors = new List<FieldError>();
        var opened = 0;
        var files = new[] { new UploadedFile("a.pdf", 10, () => { opened++; return new MemoryStream(PdfSamples.Plain); }) };

        var kept = await UploadCheck.CheckAllAsync(files, already: 3, maxCount: 3, "Publicity.Attachment.", errors, CancellationToken.None);

        Assert.Empty(kept);
        Assert.Equal(0, opened);
        Assert.Equal("Publicity.Attachment.TooMany", Assert.Single(errors).Code);
        Assert.Equal(["3"], errors[0].Args!);
    }

    private static UploadedFile File(string name, byte[] content) => new(name, content.Length, () => new MemoryStream(content));
}
