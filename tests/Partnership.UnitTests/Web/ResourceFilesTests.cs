using System.Text.RegularExpressions;
using System.Xml.Linq;
using Partnership.TestKit;

namespace Partnership.UnitTests.Web;

/// <summary>Japanese is the reference; English must say the same things with the same placeholders.</summary>
public partial class ResourceFilesTests
{
    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Partnership.Web", "Resources", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void Every_Japanese_text_has_an_English_text_and_the_other_way_round()
    {
        var ja = Load("SharedResource.resx");
        var en = Load("SharedResource.en.resx");
        Assert.Empty(ja.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(ja.Keys));
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        var ja = Load("SharedResource.resx");
        var en = Load("SharedResource.en.resx");
        var mismatched = ja.Keys.Intersect(en.Keys)
            .Where(k => !Placeholders(ja[k]).SetEquals(Placeholders(en[k])))
            .ToList();
        Assert.Empty(mismatched);
    }

    [Fact]
    public void Japanese_sentences_are_written_in_the_polite_desu_masu_style()
    {
        // A sentence that ends in a plain form (である調) reads wrong in a public service.
        var ja = Load("SharedResource.resx");
        var plain = ja.Where(kv => PlainEnding().IsMatch(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.Empty(plain);
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"(である|(?<![まで])した|する|できる|ない|(?<![なん])だ)。")]
    private static partial Regex PlainEnding();
}
