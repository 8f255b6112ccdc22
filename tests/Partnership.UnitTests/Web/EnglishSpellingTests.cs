using System.Text.RegularExpressions;
using System.Xml.Linq;
using Partnership.TestKit;

namespace Partnership.UnitTests.Web;

/// <summary>
/// The English of the portal uses one spelling, US English as the catalog's titles do ("program", "catalog"): no
/// English resource, seed title or page text says "Programme" or "catalogue" next to "program" and "catalog" (issue #25).
/// </summary>
public partial class EnglishSpellingTests
{
    [GeneratedRegex(@"\b(programmes?|catalogues?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BritishSpelling();

    private static string Src => Path.Combine(RepositoryPaths.Root, "src");

    [Fact]
    public void No_English_resource_uses_the_British_spelling()
    {
        var found = XDocument.Load(Path.Combine(Src, "Partnership.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data")
            .Where(d => BritishSpelling().IsMatch((string)d.Element("value")!))
            .Select(d => (string)d.Attribute("name")!)
            .ToList();
        Assert.Empty(found);
    }

    [Fact]
    public void No_seed_title_or_text_uses_the_British_spelling()
    {
        var seed = Path.Combine(Src, "Partnership.Infrastructure", "Seeding");
        var files = Directory.GetFiles(Path.Combine(seed, "Data"))
            .Concat(Directory.GetFiles(seed, "*.cs"))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("catalog-fy2021.json", StringComparison.Ordinal));
        Assert.Empty(files.Where(f => BritishSpelling().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    [Fact]
    public void No_page_uses_the_British_spelling()
    {
        var views = Directory.GetFiles(Path.Combine(Src, "Partnership.Web"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(views);
        Assert.Empty(views.Where(f => BritishSpelling().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("Programme catalogue", true)]
    [InlineData("support programmes", true)]
    [InlineData("Program catalog", false)]
    [InlineData("the programmer's catalog", false)]
    public void The_check_finds_the_British_spelling_and_only_it(string text, bool british) =>
        Assert.Equal(british, BritishSpelling().IsMatch(text));
}
