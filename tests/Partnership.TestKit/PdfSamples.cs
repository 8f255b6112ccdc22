using System.IO.Compression;
using System.Text;

namespace Partnership.TestKit;

/// <summary>
/// PDFs built in code, byte for byte: a plain one-page document that a PDF parser reads, and hostile ones that hide what
/// they do from a byte search (name escapes, a compressed object stream). Each has a correct cross-reference table or
/// stream, so a parser reads them as a viewer would.
/// </summary>
public static class PdfSamples
{
    private const string Pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    private const string Page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

    /// <summary>A plain one-page PDF.</summary>
    public static byte[] Plain { get; } = Build("<< /Type /Catalog /Pages 2 0 R >>");

    /// <summary>A plain PDF with a link the reader may click (a URI action in a link annotation, not run by itself).</summary>
    public static byte[] WithLink { get; } = Build("<< /Type /Catalog /Pages 2 0 R >>",
        page: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A << /S /URI /URI (https://www.metro.tokyo.lg.jp/) >> >>] >>");

    /// <summary>/OpenAction with JavaScript whose names are written with #xx escapes (/J#61vaScript, /J#53).</summary>
    public static byte[] EscapedJavaScript { get; } = Build("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> >>");

    /// <summary>/OpenAction launching a program, the name escaped (/L#61unch).</summary>
    public static byte[] EscapedLaunch { get; } = Build("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /L#61unch /F (cmd.exe) >> >>");

    /// <summary>The launch action inside a Flate-compressed object stream, found only through the cross-reference stream.</summary>
    public static byte[] ActionInObjectStream { get; } = BuildWithObjectStream(
        "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", "<< /S /Launch /F (cmd.exe) >>");

    /// <summary>JavaScript in a page's additional actions, the action inside a compressed object stream.</summary>
    public static byte[] PageScriptInObjectStream { get; } = BuildWithObjectStream(
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>", page: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O 4 0 R >> >>");

    /// <summary>An XFA form: /XFA in the /AcroForm, the key escaped (/X#46A).</summary>
    public static byte[] Xfa { get; } = Build("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /X#46A 4 0 R >> >>",
        extra: ["<< /Length 10 >>\nstream\n<xdp:xdp/>\nendstream"]);

    /// <summary>An embedded file in the document's name tree, the names escaped.</summary>
    public static byte[] EmbeddedFile { get; } = Build("<< /Type /Catalog /Pages 2 0 R /Names << /Embedded#46iles << /Names [(invoice.exe) 4 0 R] >> >> >>",
        extra: ["<< /Type /Filespec /F (invoice.exe) /E#46 << /F 5 0 R >> >>", "<< /Type /Embedded#46ile /Length 2 >>\nstream\nMZ\nendstream"]);

    /// <summary>A web address opened by itself when the document opens (a URI action in /OpenAction).</summary>
    public static byte[] UriOnOpen { get; } = Build("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (https://evil.example/) >> >>");

    private static byte[] Build(string catalog, string page = Page, IReadOnlyList<string>? extra = null)
    {
        var objects = new List<string> { catalog, Pages, page };
        objects.AddRange(extra ?? []);
        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(pdf, $"{offset:D10} 00000 n \n");
        }
        Write(pdf, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>Objects 1–3 plain, object 4 compressed in object stream 5, a cross-reference stream (object 6) listing them.</summary>
    private static byte[] BuildWithObjectStream(string catalog, string hidden, string page = Page)
    {
        using var pdf = new MemoryStream();
        var offsets = new long[7];
        Write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        string[] plain = [catalog, Pages, page];
        for (var i = 0; i < plain.Length; i++)
        {
            offsets[i + 1] = pdf.Position;
            Write(pdf, $"{i + 1} 0 obj\n{plain[i]}\nendobj\n");
        }
        const string header = "4 0\n";
        var packed = Compress(Encoding.Latin1.GetBytes(header + hidden + "\n"));
        offsets[5] = pdf.Position;
        Write(pdf, $"5 0 obj\n<< /Type /ObjStm /N 1 /First {header.Length} /Filter /FlateDecode /Length {packed.Length} >>\nstream\n");
        pdf.Write(packed);
        Write(pdf, "\nendstream\nendobj\n");
        offsets[6] = pdf.Position;
        using var rows = new MemoryStream();
        void Row(byte type, long field2, int field3)
        {
            rows.WriteByte(type);
            rows.Write([(byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3]);
        }
        Row(0, 0, 0xFFFF);
        Row(1, offsets[1], 0);
        Row(1, offsets[2], 0);
        Row(1, offsets[3], 0);
        Row(2, 5, 0);
        Row(1, offsets[5], 0);
        Row(1, offsets[6], 0);
        var table = rows.ToArray();
        Write(pdf, $"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length {table.Length} >>\nstream\n");
        pdf.Write(table);
        Write(pdf, $"\nendstream\nendobj\nstartxref\n{offsets[6]}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
