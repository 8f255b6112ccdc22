using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Library;

/// <summary>The library's published entries, by measure and newest first.</summary>
public sealed class LibraryService(IAppDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(JapanTime.Today(clock));

    public Task<List<LibraryArticle>> PublishedAsync(string? measureKey = null, CancellationToken ct = default) =>
        db.LibraryArticles.AsNoTracking()
            .PublishedBy(Today)
            .Where(a => measureKey == null || a.MeasureKey == measureKey)
            .OrderByDescending(a => a.PublishedOn).ThenBy(a => a.Code)
            .ToListAsync(ct);

    public Task<LibraryArticle?> ArticleAsync(string code, CancellationToken ct = default) =>
        db.LibraryArticles.AsNoTracking().PublishedBy(Today).SingleOrDefaultAsync(a => a.Code == code, ct);
}

public static class LibraryQueries
{
    /// <summary>Entries published (not drafts) whose publication day has come.</summary>
    public static IQueryable<LibraryArticle> PublishedBy(this IQueryable<LibraryArticle> articles, DateOnly today) =>
        articles.Where(a => !a.IsDraft && a.PublishedOn <= today);
}
