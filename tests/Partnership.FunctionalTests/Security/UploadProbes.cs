using System.Text;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>The hostile files every upload endpoint is sent, and where each upload endpoint is.</summary>
public static class UploadProbes
{
    /// <summary>An upload endpoint: who calls it, where, the file field, fixed fields and fields taken from the sample data.</summary>
    /// <summary>
    /// An upload endpoint: who calls it, where, the file field, fixed fields and fields taken from the sample data; for an
    /// endpoint that takes PDFs, the Japanese message an active PDF is refused with.
    /// </summary>
    public sealed record Endpoint(Principal Principal, Func<SampleData, string> Sample, string FileField, IReadOnlyList<(string Name, string Value)> Fields,
        Func<SampleData, IReadOnlyList<(string Name, string Value)>>? SampleFields = null, string? ActivePdfMessage = null);

    /// <summary>A file sent to every upload endpoint; <paramref name="ActivePdf"/>: a well-formed PDF that can run or open something.</summary>
    public sealed record HostileFile(string Label, string FileName, string DeclaredType, byte[] Content, bool MustRefuse = true, bool ActivePdf = false);

    private const string SubsidyActivePdf = "スクリプト、他のプログラムの起動、埋め込みファイル、開いたときに自動で開くWebページ、XFAフォームのいずれかを含むPDFは添付できません。";
    private const string PublicityActivePdf = "はスクリプト、外部プログラムの起動、埋め込みファイル、自動で開くWebページ、XFAフォームのいずれかを含むPDFのため受け付けられません。";

    public static readonly IReadOnlyDictionary<string, Endpoint> Endpoints = new Dictionary<string, Endpoint>
    {
        ["POST /company/subsidies/applications/{id:int}/documents"] = new(Principal.Company,
            s => $"/company/subsidies/applications/{s.Subsidy.DraftId}/documents", "file", [("requirement", "doc2")], ActivePdfMessage: SubsidyActivePdf),
        ["POST /outreach/import"] = new(Principal.Chamber, _ => "/outreach/import", "file", []),
        ["POST /outreach/roster/import"] = new(Principal.Chamber, _ => "/outreach/roster/import", "file", []),
        // A new publicity request with its material (the request itself is valid: only the file is hostile), and more
        // material for the sample request.
        ["POST /outreach/publicity"] = new(Principal.Metro, _ => "/outreach/publicity", "files",
            [("Title", "テレワーク助成金の周知（添付資料）"), ("Reason", "チラシを添付します。")], s => [("MeasureId", s.MeasureId.ToString())], PublicityActivePdf),
        ["POST /outreach/publicity/{id:int}/attachments"] = new(Principal.Metro, s => $"/outreach/publicity/{s.Outreach.PublicityRequestId}/attachments", "files", [], ActivePdfMessage: PublicityActivePdf),
        ["POST /library/manage/{id:int}/attachments"] = new(Principal.Metro, s => $"/library/manage/{s.LibraryArticleId}/attachments", "files", [], ActivePdfMessage: PublicityActivePdf),
    };

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static readonly IReadOnlyList<HostileFile> Files =
    [
        new("a renamed executable", "見積書.pdf", "application/pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
        new("an ELF binary named .png", "photo.png", "image/png", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]),
        new("HTML named .pdf", "見積書.pdf", "application/pdf", Ascii("<html><script>alert(1)</script></html>")),
        new("SVG named .png", "image.png", "image/png", Ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")),
        new("a PDF with JavaScript", "見積書.pdf", "application/pdf", Ascii("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF")),
        new("a PDF that launches a program", "見積書.pdf", "application/pdf", Ascii("%PDF-1.7\n1 0 obj << /OpenAction << /S /Launch /F (cmd.exe) >> >> endobj\n%%EOF")),
        new("zero bytes", "empty.pdf", "application/pdf", []),
        new("over 10 MB", "big.pdf", "application/pdf", [.. Ascii("%PDF-1.7\n"), .. new byte[10 * 1024 * 1024]]),
        new("a traversing file name", "../../../../etc/passwd.pdf", "application/pdf", PdfSamples.Plain, MustRefuse: false),
        // Issue 24, finding 5: well-formed PDFs that hide what they do from a byte search; a PDF parser reads them (ADR 0063).
        new("a PDF with /J#61vaScript in /OpenAction", "見積書.pdf", "application/pdf", PdfSamples.EscapedJavaScript, ActivePdf: true),
        new("a PDF with /L#61unch in /OpenAction", "見積書.pdf", "application/pdf", PdfSamples.EscapedLaunch, ActivePdf: true),
        new("a PDF whose launch action is in a compressed object stream", "見積書.pdf", "application/pdf", PdfSamples.ActionInObjectStream, ActivePdf: true),
        new("a PDF whose page script is in a compressed object stream", "見積書.pdf", "application/pdf", PdfSamples.PageScriptInObjectStream, ActivePdf: true),
        new("a PDF with an XFA form (/X#46A)", "見積書.pdf", "application/pdf", PdfSamples.Xfa, ActivePdf: true),
        new("a PDF with an embedded file", "見積書.pdf", "application/pdf", PdfSamples.EmbeddedFile, ActivePdf: true),
        new("a PDF that opens a web page by itself", "見積書.pdf", "application/pdf", PdfSamples.UriOnOpen, ActivePdf: true),
        new("a plain PDF with a link", "見積書.pdf", "application/pdf", PdfSamples.WithLink, MustRefuse: false),
    ];
}
