using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Notices;

/// <summary>
/// A notice in the portal for one user: every mail the portal sends to a portal user is also written as a notice,
/// in the same SaveChanges as the mail, so nothing depends on mail alone (docs/adr/0073-notices-beside-mail.md).
/// </summary>
public class Notice
{
    public long Id { get; set; }
    /// <summary>The user account the notice is for.</summary>
    public required string UserId { get; set; }
    /// <summary>The mail's subject.</summary>
    public required string Title { get; set; }
    /// <summary>A short text from the mail's body, without the greeting and links.</summary>
    public required string Text { get; set; }
    /// <summary>A path in the portal to the record, when the sending code knows it.</summary>
    public string? Link { get; set; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>UTC; null while unread.</summary>
    public DateTime? ReadAt { get; set; }

    public const int TextLength = 300;

    /// <summary>
    /// The short text of a mail body: the greeting line before the first blank line and lines that are links are left
    /// out, the rest joined (Japanese sentences without a space) and cut at <see cref="TextLength"/> characters.
    /// </summary>
    public static string ShortText(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = lines.Length > 2 && lines[1].Trim().Length == 0 ? 2 : 0;
        var kept = lines.Skip(start)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        // Japanese sentences follow one another without a space; other lines are joined with one.
        var text = kept.Aggregate("", (all, line) => all.Length == 0 ? line : all[^1] is '。' or '、' or '）' or '」' ? all + line : all + " " + line);
        return text.Length <= TextLength ? text : string.Concat(text.AsSpan(0, TextLength - 1), "…");
    }
}

/// <summary>The named queries over notices.</summary>
public static class NoticeQueries
{
    public static IQueryable<Notice> For(this IQueryable<Notice> notices, string userId) => notices.Where(n => n.UserId == userId);

    public static IQueryable<Notice> Unread(this IQueryable<Notice> notices) => notices.Where(n => n.ReadAt == null);

    public static IQueryable<Notice> NewestFirst(this IQueryable<Notice> notices) => notices.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id);
}

/// <summary>A user's notices: the list, the unread count, marking read. Only ever the given user's own.</summary>
public sealed class NoticeService(IAppDbContext db, TimeProvider clock)
{
    public const int PageSize = 100;

    public Task<List<Notice>> LatestAsync(string userId, CancellationToken ct = default) =>
        db.Notices.AsNoTracking().For(userId).NewestFirst().Take(PageSize).ToListAsync(ct);

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Notices.For(userId).Unread().CountAsync(ct);

    /// <summary>Marks one of the user's notices read; null when the user has no such notice (another user's is never touched).</summary>
    public async Task<Notice?> MarkReadAsync(string userId, long id, CancellationToken ct = default)
    {
        var notice = await db.Notices.For(userId).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return null;
        }
        if (notice.ReadAt is null)
        {
            notice.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return notice;
    }

    /// <summary>Marks all the user's unread notices read; the number marked.</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await db.Notices.For(userId).Unread().ToListAsync(ct);
        foreach (var notice in unread)
        {
            notice.ReadAt = now;
        }
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
