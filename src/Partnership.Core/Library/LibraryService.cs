using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Documents;

namespace Partnership.Core.Library;

/// <summary>The library's published entries, by measure and newest first.</summary>
public sealed class LibraryService(IAppDbContext db, IDocumentStore store, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(JapanTime.Today(clock));

    public Task<List<LibraryArticle>> PublishedAsync(string? measureKey = null, CancellationToken ct = default) =>
        db.LibraryArticles.AsNoTracking()
            .PublishedBy(Today)
            .Where(a => measureKey == null || a.MeasureKey == measureKey)
            .OrderByDescending(a => a.PublishedOn).ThenBy(a => a.Code)
            .ToListAsync(ct);

    public Task<LibraryArticle?> ArticleAsync(string code, CancellationToken ct = default) =>
        db.LibraryArticles.AsNoTracking().PublishedBy(Today).Include(a => a.Attachments.OrderBy(x => x.Id)).SingleOrDefaultAsync(a => a.Code == code, ct);

    /// <summary>An attachment of a published entry with its bytes; null for a draft's or another entry's.</summary>
    public async Task<(LibraryAttachment Attachment, Stream Content)?> OpenAttachmentAsync(string code, int attachmentId, CancellationToken ct = default)
    {
        var attachment = await db.LibraryAttachments.AsNoTracking()
            .Where(x => x.Id == attachmentId && x.Article!.Code == code && !x.Article.IsDraft && x.Article.PublishedOn <= Today)
            .SingleOrDefaultAsync(ct);
        return attachment is null ? null : (attachment, store.OpenRead(attachment.StorageKey));
    }
}

public static class LibraryQueries
{
    /// <summary>Entries published (not drafts) whose publication day has come.</summary>
    public static IQueryable<LibraryArticle> PublishedBy(this IQueryable<LibraryArticle> articles, DateOnly today) =>
        articles.Where(a => !a.IsDraft && a.PublishedOn <= today);
}
