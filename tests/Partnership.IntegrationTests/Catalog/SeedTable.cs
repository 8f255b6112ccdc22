using Partnership.TestKit;

namespace Partnership.IntegrationTests.Catalog;

/// <summary>
/// An independent reading of the seed table (../shared/seed): every ○/〇/・ line with its continuation lines,
/// its side (the first bullet block of an area is Metro 甲, the second Chamber 乙) and its ○ parent.
/// </summary>
public static class SeedTable
{
    public sealed record Line(int Order, int AreaIndex, string Side, string TitleJa, int? ParentOrder);

    private static readonly char[] Bullets = ['○', '〇', '・'];

    public static IReadOnlyList<Line> Read()
    {
        var path = RepositoryPaths.SeedTable;
        Assert.True(File.Exists(path), $"The seed table must be beside the checkout: {path}");
        var lines = File.ReadAllLines(path);
        var result = new List<Line>();
        int areaIndex = -1, blockInArea = 0, order = 0;
        int? currentParent = null;
        var previousWasBlank = true;
        var inBulletBlock = false;
        Line? open = null;

        void Close()
        {
            if (open is not null)
            {
                result.Add(open);
                open = null;
            }
        }

        foreach (var raw in lines)
        {
            var text = raw.Trim().Trim('\u3000').Trim();
            if (text.Length == 0)
            {
                Close();
                previousWasBlank = true;
                inBulletBlock = false;
                continue;
            }
            var isBullet = Bullets.Contains(text[0]);
            if (isBullet)
            {
                Close();
                if (!inBulletBlock)
                {
                    // A new block of bullets: Metro first, then Chamber.
                    blockInArea++;
                    inBulletBlock = true;
                }
                var child = text[0] == '・';
                var title = text[1..].TrimStart(' ', '\u3000', '\t').TrimEnd();
                order++;
                if (!child)
                {
                    currentParent = order;
                }
                open = new Line(order, areaIndex, blockInArea == 1 ? "metro" : "chamber", title, child ? currentParent : null);
            }
            else if (open is not null && !previousWasBlank)
            {
                open = open with { TitleJa = open.TitleJa + text };
            }
            else if (previousWasBlank && !inBulletBlock && !text.StartsWith("連携内容一覧", StringComparison.Ordinal) && !text.StartsWith("項目", StringComparison.Ordinal))
            {
                // A heading line after a blank line starts a new area (multi-line headings continue it).
                areaIndex++;
                blockInArea = 0;
            }
            previousWasBlank = false;
        }
        Close();
        return result;
    }
}
