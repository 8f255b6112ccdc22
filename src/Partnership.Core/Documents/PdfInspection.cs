using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Partnership.Core.Documents;

/// <summary>What an uploaded PDF is, judged by parsing it.</summary>
public enum PdfVerdict
{
    /// <summary>A document to read: accepted.</summary>
    Plain,

    /// <summary>It can run or open something: JavaScript, a launch action, an embedded file, a web address opened by itself, an XFA form.</summary>
    Active,

    /// <summary>The parser cannot read it (broken, password-protected, not really a PDF): what it would do cannot be judged.</summary>
    Unreadable,
}

/// <summary>
/// Judges an uploaded PDF with a PDF parser (PdfPig, docs/adr/0063-pdf-uploads-judged-by-a-parser.md), not by searching
/// bytes: names are read decoded (<c>/J#61vaScript</c> is <c>/JavaScript</c>), compressed streams and object streams
/// unpacked, every object of the cross-reference table looked at, references followed.
/// Refused: JavaScript anywhere (an action, a document-level name tree, a form field's script), a Launch action, an
/// embedded file (an /EmbeddedFiles name tree, a file specification with /EF, an /EmbeddedFile stream, a file
/// attachment annotation), a URI action run by itself (in /OpenAction or an /AA trigger; a link the reader clicks is
/// fine), and XFA forms (/XFA in the /AcroForm). A PDF the parser cannot read is refused too: what a viewer would make
/// of it cannot be judged.
/// </summary>
public static class PdfInspection
{
    /// <summary>More objects than a 10 MB document sensibly holds: judged unreadable rather than walked for ever.</summary>
    private const int MaxTokens = 2_000_000;

    private enum Context
    {
        Anywhere,
        Action,
        Triggers,
    }

    public static PdfVerdict Judge(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var structure = document.Structure;
            var pending = new Stack<(IToken Token, Context Context)>();
            pending.Push((structure.Catalog.CatalogDictionary, Context.Anywhere));
            foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys)
            {
                pending.Push((new IndirectReferenceToken(reference), Context.Anywhere));
            }
            var seen = new HashSet<(IndirectReference, Context)>();
            var walked = 0;
            while (pending.TryPop(out var item))
            {
                if (++walked > MaxTokens)
                {
                    return PdfVerdict.Unreadable;
                }
                switch (item.Token)
                {
                    case IndirectReferenceToken reference:
                        if (seen.Add((reference.Data, item.Context)) && Resolve(structure, reference.Data) is { } resolved)
                        {
                            pending.Push((resolved, item.Context));
                        }
                        break;
                    case StreamToken stream:
                        pending.Push((stream.StreamDictionary, item.Context));
                        break;
                    case ArrayToken array:
                        foreach (var element in array.Data)
                        {
                            pending.Push((element, item.Context));
                        }
                        break;
                    case DictionaryToken dictionary:
                        if (IsActive(dictionary, item.Context, pending))
                        {
                            return PdfVerdict.Active;
                        }
                        break;
                }
            }
            return PdfVerdict.Plain;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PdfVerdict.Unreadable;
        }
    }

    private static bool IsActive(DictionaryToken dictionary, Context context, Stack<(IToken, Context)> pending)
    {
        var action = Name(dictionary, "S");
        if (action is "JavaScript" or "Launch" || Name(dictionary, "Type") == "EmbeddedFile" || Name(dictionary, "Subtype") is "EmbeddedFile" or "FileAttachment")
        {
            return true;
        }
        switch (context)
        {
            case Context.Action:
                // An action run by itself when the document opens or a trigger fires: a web address is refused too.
                if (action == "URI")
                {
                    return true;
                }
                if (dictionary.Data.TryGetValue("Next", out var next))
                {
                    pending.Push((next, Context.Action));
                }
                return false;
            case Context.Triggers:
                foreach (var trigger in dictionary.Data.Values)
                {
                    pending.Push((trigger, Context.Action));
                }
                return false;
        }
        foreach (var (key, value) in dictionary.Data)
        {
            switch (key)
            {
                case "JavaScript" or "JS" or "EmbeddedFiles" or "EF" or "XFA":
                    return true;
                case "OpenAction":
                    pending.Push((value, Context.Action));
                    break;
                case "AA":
                    pending.Push((value, Context.Triggers));
                    break;
            }
            pending.Push((value, Context.Anywhere));
        }
        return false;
    }

    /// <summary>
    /// The object a reference points at. A reference to an object the file does not list is null, as the PDF standard
    /// says; an object it lists but the parser cannot read makes the whole document unreadable (the exception).
    /// </summary>
    private static IToken? Resolve(Structure structure, IndirectReference reference)
    {
        try
        {
            return structure.GetObject(reference)?.Data;
        }
        catch (Exception e) when (e is not OutOfMemoryException && !structure.CrossReferenceTable.ObjectOffsets.ContainsKey(reference))
        {
            return null;
        }
    }

    private static string? Name(DictionaryToken dictionary, string key) =>
        dictionary.Data.TryGetValue(key, out var token) && token is NameToken name ? name.Data : null;
}
