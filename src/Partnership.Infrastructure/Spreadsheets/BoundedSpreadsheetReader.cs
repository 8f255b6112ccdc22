using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using Partnership.Core.Common;

namespace Partnership.Infrastructure.Spreadsheets;

/// <summary>
/// The one way the portal reads an uploaded spreadsheet (docs/adr/0068-bounded-spreadsheet-reader.md). An .xlsx is
/// opened with <see cref="ZipArchive"/> (the central directory only), every part's declared unpacked size is checked
/// before anything is unpacked, and the parts that are read (relationships, workbook, shared strings, the first sheet)
/// are streamed through <see cref="XmlReader"/> over a stream that counts the unpacked bytes and stops at the part's
/// limit, so a part that lies about its size is stopped as well. Shared strings are counted and their characters
/// summed while they are read; cells are counted per row and per sheet. CSV is streamed through CsvHelper's parser
/// over the same counting stream, strict UTF-8. Whatever is over a limit is refused with a code, never half-read.
/// </summary>
public sealed class BoundedSpreadsheetReader : ISpreadsheetReader
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public static readonly BoundedSpreadsheetReader Instance = new();

    public Outcome<SpreadsheetRows> Read(Stream stream, string? fileName, SpreadsheetLimits limits)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return Refuse("Spreadsheet.FileType");
        }
        try
        {
            var rows = extension == ".xlsx" ? ReadXlsx(stream, limits) : ReadCsv(stream, limits);
            while (rows.Count > 0 && rows[^1].All(string.IsNullOrWhiteSpace))
            {
                rows.RemoveAt(rows.Count - 1);
            }
            return Outcome<SpreadsheetRows>.Ok(new SpreadsheetRows(rows));
        }
        catch (SpreadsheetRefused refused)
        {
            return Refuse(refused.Code, refused.Args);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or CsvHelperException or DecoderFallbackException
                                       or FormatException or OverflowException or ArgumentException or NotSupportedException)
        {
            return Refuse(extension == ".xlsx" ? "Spreadsheet.XlsxUnreadable" : "Spreadsheet.CsvUnreadable");
        }
    }

    private static Outcome<SpreadsheetRows> Refuse(string code, params string[] args) =>
        Outcome<SpreadsheetRows>.Invalid([new FieldError("File", code, args)]);

    private static string Mb(long bytes) => (bytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture);

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    // ---- CSV -------------------------------------------------------------------------------------------------------

    private static List<string[]> ReadCsv(Stream stream, SpreadsheetLimits limits)
    {
        var counted = new BoundedStream(stream, limits.MaxFileBytes, () => new SpreadsheetRefused("Spreadsheet.FileTooLarge", Mb(limits.MaxFileBytes)));
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        using var text = new StreamReader(counted, strict, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
        if (text.Peek() == '\uFEFF')
        {
            text.Read();
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Blank lines are kept (as empty rows) so that the importers number rows as a spreadsheet program shows them.
            BadDataFound = null, DetectDelimiter = false, MaxFieldSize = limits.MaxCellChars, BufferSize = 16 * 1024, IgnoreBlankLines = false,
        };
        var rows = new List<string[]>();
        long cells = 0;
        using var csv = new CsvParser(text, config);
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            if (record.Length > limits.MaxCellsPerRow)
            {
                throw new SpreadsheetRefused("Spreadsheet.TooManyCells", Count(rows.Count + 1), Count(limits.MaxCellsPerRow));
            }
            foreach (var field in record)
            {
                if (field.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
                {
                    throw new SpreadsheetRefused("Spreadsheet.CsvUnreadable");
                }
            }
            cells += record.Length;
            if (cells > limits.MaxCells)
            {
                throw new SpreadsheetRefused("Spreadsheet.TooManyRows", Count(limits.MaxDataRows));
            }
            rows.Add(record);
            if (rows.Count > limits.MaxDataRows + 1 && !record.All(string.IsNullOrWhiteSpace))
            {
                throw new SpreadsheetRefused("Spreadsheet.TooManyRows", Count(limits.MaxDataRows));
            }
        }
        if (counted.Position == 0)
        {
            throw new SpreadsheetRefused("Spreadsheet.FileEmpty");
        }
        return rows;
    }

    // ---- .xlsx -----------------------------------------------------------------------------------------------------

    private static List<string[]> ReadXlsx(Stream stream, SpreadsheetLimits limits)
    {
        var seekable = Seekable(stream, limits);
        if (seekable.Length == 0)
        {
            throw new SpreadsheetRefused("Spreadsheet.FileEmpty");
        }
        Span<byte> head = stackalloc byte[4];
        if (seekable.Length < 4 || seekable.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.SequenceEqual(ZipSignature))
        {
            throw new SpreadsheetRefused("Spreadsheet.XlsxUnreadable");
        }
        seekable.Position = 0;
        using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        CheckDeclaredSizes(zip, limits);
        var workbookPath = Target(zip, "_rels/.rels", "", r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)) ?? "xl/workbook.xml";
        var folder = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var sheetId = FirstSheetRelationshipId(zip, workbookPath, limits) ?? throw new SpreadsheetRefused("Spreadsheet.XlsxUnreadable");
        var workbookRels = folder + "_rels/" + workbookPath[folder.Length..] + ".rels";
        var sheetPath = Target(zip, workbookRels, folder, r => r.Id == sheetId) ?? throw new SpreadsheetRefused("Spreadsheet.XlsxUnreadable");
        var sharedPath = Target(zip, workbookRels, folder, r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal));
        var shared = sharedPath is null ? [] : SharedStrings(zip, sharedPath, limits);
        return SheetRows(zip, sheetPath, shared, limits);
    }

    /// <summary>The upload as a seekable stream (a form file already is one); anything else is copied up to the file limit.</summary>
    private static Stream Seekable(Stream stream, SpreadsheetLimits limits)
    {
        if (stream.CanSeek)
        {
            if (stream.Length > limits.MaxFileBytes)
            {
                throw new SpreadsheetRefused("Spreadsheet.FileTooLarge", Mb(limits.MaxFileBytes));
            }
            return stream;
        }
        var copy = new MemoryStream();
        new BoundedStream(stream, limits.MaxFileBytes, () => new SpreadsheetRefused("Spreadsheet.FileTooLarge", Mb(limits.MaxFileBytes))).CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Before any part is unpacked: how many parts, each part's declared unpacked size, and their sum.</summary>
    private static void CheckDeclaredSizes(ZipArchive zip, SpreadsheetLimits limits)
    {
        if (zip.Entries.Count > limits.MaxParts)
        {
            throw new SpreadsheetRefused("Spreadsheet.XlsxUnreadable");
        }
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > limits.MaxPartBytes)
            {
                throw new SpreadsheetRefused("Spreadsheet.PartTooLarge", Mb(limits.MaxPartBytes));
            }
            total += entry.Length;
            if (total > limits.MaxUnpackedBytes)
            {
                throw new SpreadsheetRefused("Spreadsheet.PartTooLarge", Mb(limits.MaxPartBytes));
            }
        }
    }

    private static XmlReader Open(ZipArchive zip, string path, SpreadsheetLimits limits)
    {
        var entry = zip.GetEntry(path) ?? throw new SpreadsheetRefused("Spreadsheet.XlsxUnreadable");
        var counted = new BoundedStream(entry.Open(), limits.MaxPartBytes, () => new SpreadsheetRefused("Spreadsheet.PartTooLarge", Mb(limits.MaxPartBytes)), ownsInner: true);
        return XmlReader.Create(counted, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true, IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
    }

    private sealed record Relationship(string Id, string Type, string Target);

    /// <summary>The part a relationship of <paramref name="relsPath"/> points to, resolved against <paramref name="folder"/>.</summary>
    private static string? Target(ZipArchive zip, string relsPath, string folder, Func<Relationship, bool> which)
    {
        if (zip.GetEntry(relsPath) is null)
        {
            return null;
        }
        using var xml = Open(zip, relsPath, new SpreadsheetLimits(0, MaxPartBytes: 1024 * 1024));
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.NamespaceURI == PackageRelNs)
            {
                var relationship = new Relationship(xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", xml.GetAttribute("Target") ?? "");
                if (which(relationship))
                {
                    return Resolve(folder, relationship.Target);
                }
            }
        }
        return null;
    }

    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        foreach (var piece in (target.StartsWith('/') ? target[1..] : folder + target).Split('/'))
        {
            if (piece == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (piece is not ("" or "."))
            {
                parts.Add(piece);
            }
        }
        return string.Join('/', parts);
    }

    private static string? FirstSheetRelationshipId(ZipArchive zip, string workbookPath, SpreadsheetLimits limits)
    {
        using var xml = Open(zip, workbookPath, limits);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == MainNs)
            {
                return xml.GetAttribute("id", RelNs);
            }
        }
        return null;
    }

    /// <summary>The shared strings, counted and summed while read; the phonetic runs (rPh, the furigana) are not text.</summary>
    private static List<string> SharedStrings(ZipArchive zip, string path, SpreadsheetLimits limits)
    {
        var strings = new List<string>();
        long chars = 0;
        using var xml = Open(zip, path, limits);
        var text = new StringBuilder();
        var inItem = false;
        var phonetic = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == MainNs)
            {
                switch (xml.LocalName)
                {
                    case "si":
                        if (strings.Count >= limits.MaxSharedStrings)
                        {
                            throw new SpreadsheetRefused("Spreadsheet.TooManySharedStrings", Count(limits.MaxSharedStrings));
                        }
                        text.Clear();
                        inItem = !xml.IsEmptyElement;
                        if (!inItem)
                        {
                            strings.Add("");
                        }
                        break;
                    case "rPh" when !xml.IsEmptyElement:
                        phonetic++;
                        break;
                    case "t" when inItem && phonetic == 0 && !xml.IsEmptyElement:
                        // Read the text node by node so one endless <t> is stopped at the cell limit, not after it.
                        while (xml.Read() && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                        {
                            text.Append(xml.Value);
                            chars += xml.Value.Length;
                            if (text.Length > limits.MaxCellChars)
                            {
                                throw new SpreadsheetRefused("Spreadsheet.CellTooLong", Count(limits.MaxCellChars));
                            }
                            if (chars > limits.MaxSharedStringChars)
                            {
                                throw new SpreadsheetRefused("Spreadsheet.TooManySharedStrings", Count(limits.MaxSharedStrings));
                            }
                        }
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == MainNs)
            {
                if (xml.LocalName == "rPh")
                {
                    phonetic--;
                }
                else if (xml.LocalName == "si" && inItem)
                {
                    strings.Add(text.ToString());
                    inItem = false;
                }
            }
        }
        return strings;
    }

    private static List<string[]> SheetRows(ZipArchive zip, string path, List<string> shared, SpreadsheetLimits limits)
    {
        var rows = new List<string[]>();
        var maxRow = limits.MaxDataRows + 1;
        long cells = 0;
        // The sheet's number of the last row element seen, blank ones included: a row without an "r" attribute
        // is the next one, as a spreadsheet program numbers it.
        var lastIndex = 0;
        using var xml = Open(zip, path, limits);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row" || xml.NamespaceURI != MainNs)
            {
                continue;
            }
            var index = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : lastIndex + 1;
            if (index <= lastIndex)
            {
                throw new SpreadsheetRefused("Spreadsheet.XlsxUnreadable");
            }
            lastIndex = index;
            var row = xml.IsEmptyElement ? [] : Row(xml, shared, limits, index, ref cells);
            if (row.Count == 0 || row.All(string.IsNullOrWhiteSpace))
            {
                // Formatting left on empty rows far down the sheet is not data: nothing is added for them.
                continue;
            }
            if (index > maxRow)
            {
                throw new SpreadsheetRefused("Spreadsheet.TooManyRows", Count(limits.MaxDataRows));
            }
            while (rows.Count < index - 1)
            {
                rows.Add([]);
            }
            rows.Add([.. row]);
        }
        return rows;
    }

    /// <summary>The cells of one row (positioned by their reference), the reader left on the row's end.</summary>
    private static List<string> Row(XmlReader xml, List<string> shared, SpreadsheetLimits limits, int rowIndex, ref long cells)
    {
        var values = new List<string>();
        var inRow = 0;
        string? type = null;
        var column = -1;
        var value = new StringBuilder();
        var inValue = false;
        var phonetic = 0;
        var depth = xml.Depth;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
            {
                break;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == MainNs)
            {
                switch (xml.LocalName)
                {
                    case "c":
                        inRow++;
                        cells++;
                        if (inRow > limits.MaxCellsPerRow)
                        {
                            throw new SpreadsheetRefused("Spreadsheet.TooManyCells", Count(rowIndex), Count(limits.MaxCellsPerRow));
                        }
                        if (cells > limits.MaxCells)
                        {
                            throw new SpreadsheetRefused("Spreadsheet.TooManyRows", Count(limits.MaxDataRows));
                        }
                        type = xml.GetAttribute("t");
                        column = ColumnIndex(xml.GetAttribute("r")) ?? values.Count;
                        value.Clear();
                        if (xml.IsEmptyElement)
                        {
                            column = -1;
                        }
                        break;
                    case "v" or "t" when column >= 0 && !xml.IsEmptyElement:
                        inValue = true;
                        break;
                    case "rPh" when !xml.IsEmptyElement:
                        phonetic++;
                        break;
                }
            }
            else if (inValue && phonetic == 0 && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                value.Append(xml.Value);
                if (value.Length > limits.MaxCellChars)
                {
                    throw new SpreadsheetRefused("Spreadsheet.CellTooLong", Count(limits.MaxCellChars));
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == MainNs)
            {
                if (xml.LocalName is "v" or "t")
                {
                    inValue = false;
                }
                else if (xml.LocalName == "rPh")
                {
                    phonetic--;
                }
                else if (xml.LocalName == "c" && column >= 0)
                {
                    if (column >= limits.MaxCellsPerRow)
                    {
                        throw new SpreadsheetRefused("Spreadsheet.TooManyCells", Count(rowIndex), Count(limits.MaxCellsPerRow));
                    }
                    var text = value.ToString();
                    if (type == "s")
                    {
                        text = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
                    }
                    else if (type == "b")
                    {
                        text = text == "1" ? "TRUE" : "FALSE";
                    }
                    while (values.Count < column)
                    {
                        values.Add("");
                    }
                    if (values.Count == column)
                    {
                        values.Add(text);
                    }
                    else
                    {
                        values[column] = text;
                    }
                    column = -1;
                }
            }
        }
        return values;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = index * 26 + (c - 'A' + 1);
            if (index > 20_000)
            {
                return int.MaxValue;
            }
        }
        return index == 0 ? null : index - 1;
    }

    /// <summary>A limit was reached: the code (a resource key) and its arguments.</summary>
    private sealed class SpreadsheetRefused(string code, params string[] args) : Exception(code)
    {
        public string Code { get; } = code;
        public string[] Args { get; } = args;
    }

    /// <summary>A read-only stream that counts what passes and throws the refusal once more than the limit has been read.</summary>
    private sealed class BoundedStream(Stream inner, long limit, Func<Exception> refusal, bool ownsInner = false) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > limit)
            {
                throw refusal();
            }
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsInner)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
