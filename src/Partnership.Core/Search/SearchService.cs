using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Search;

/// <summary>What the site search finds, in the order the results page groups them.</summary>
public enum SearchKind
{
    Measure = 1,
    Scheme = 2,
    Program = 3,
    Desk = 4,
    Event = 5,
    Library = 6,
}

public sealed record SearchHit(SearchKind Kind, string TitleJa, string TitleEn, string Url);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits)
{
    public IEnumerable<IGrouping<SearchKind, SearchHit>> ByKind => Hits.GroupBy(h => h.Kind).OrderBy(g => g.Key);
}

/// <summary>
/// Finds the ids of the large searchable tables (events, library articles) whose normalised search text holds
/// every term, through the provider's own index: SQLite FTS5 with the trigram tokenizer, PostgreSQL pg_trgm
/// (docs/adr/0076-search.md). Implemented in Infrastructure. Library articles are matched among those published by
/// <c>today</c> only, so drafts and entries still to come never take the places of published ones in the first
/// <c>limit</c>.
/// </summary>
public interface ISearchIndex
{
    Task<IReadOnlyList<int>> MatchAsync(SearchKind kind, IReadOnlyList<string> terms, int limit, DateOnly today, CancellationToken ct);
}

/// <summary>
/// The site search: measures of the latest plan, schemes, subsidy programs, desks, events and library articles,
/// insensitive to full-width/half-width and hiragana/katakana, in Japanese and English, grouped by kind.
/// </summary>
public sealed class SearchService(IAppDbContext db, ISearchIndex index, TimeProvider clock)
{
    public const int PerKind = 20;

    /// <summary>The normalised terms of a query: at most five, blank ones dropped.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var text = query ?? "";
        if (text.Length > SearchNormalizer.MaxQueryLength)
        {
            text = text[..SearchNormalizer.MaxQueryLength];
        }
        return SearchNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(5).ToList();
    }

    /// <summary>A LIKE pattern that finds <paramref name="term"/> anywhere, with \ escaping the wildcards.</summary>
    public static string Contains(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public async Task<SearchResults> SearchAsync(string? query, CancellationToken ct = default)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return new SearchResults("", []);
        }
        var hits = new List<SearchHit>();
        var latest = await db.PartnershipPlans.AsNoTracking().MaxAsync(p => (int?)p.FiscalYear, ct);

        var measures = db.Measures.AsNoTracking().Where(m => m.Plan!.FiscalYear == latest);
        var schemes = db.Schemes.AsNoTracking();
        var programs = db.SubsidyPrograms.AsNoTracking();
        var desks = db.ConsultationDesks.AsNoTracking().Where(d => d.IsActive);
        foreach (var term in terms)
        {
            var pattern = Contains(term);
            measures = measures.Where(m => EF.Functions.Like(m.SearchText, pattern, "\\"));
            schemes = schemes.Where(s => EF.Functions.Like(s.SearchText, pattern, "\\"));
            programs = programs.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
            desks = desks.Where(d => EF.Functions.Like(d.SearchText, pattern, "\\"));
        }
        hits.AddRange((await measures.OrderBy(m => m.Order).Take(PerKind).Select(m => new { m.Id, m.TitleJa, m.TitleEn }).ToListAsync(ct))
            .Select(m => new SearchHit(SearchKind.Measure, m.TitleJa, m.TitleEn, $"/catalog/measures/{m.Id}")));
        hits.AddRange((await schemes.OrderBy(s => s.Order).Take(PerKind).Select(s => new { s.Code, s.NameJa, s.NameEn }).ToListAsync(ct))
            .Select(s => new SearchHit(SearchKind.Scheme, s.NameJa, s.NameEn, $"/schemes/{s.Code}")));
        hits.AddRange((await programs.OrderBy(p => p.Order).Take(PerKind).Select(p => new { p.Code, p.NameJa, p.NameEn }).ToListAsync(ct))
            .Select(p => new SearchHit(SearchKind.Program, p.NameJa, p.NameEn, $"/subsidies/programs/{p.Code}")));
        hits.AddRange((await desks.OrderBy(d => d.Order).Take(PerKind).Select(d => new { d.Code, d.NameJa, d.NameEn }).ToListAsync(ct))
            .Select(d => new SearchHit(SearchKind.Desk, d.NameJa, d.NameEn, $"/desks/{d.Code}")));

        // The two tables that grow: their ids come from the provider's full-text index, newest first.
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        var eventIds = await index.MatchAsync(SearchKind.Event, terms, PerKind, today, ct);
        hits.AddRange((await db.PartnershipEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).OrderByDescending(e => e.StartsAt)
                .Select(e => new { e.Id, e.TitleJa, e.TitleEn }).ToListAsync(ct))
            .Select(e => new SearchHit(SearchKind.Event, e.TitleJa, e.TitleEn.Length == 0 ? e.TitleJa : e.TitleEn, $"/events/{e.Id}")));
        var articleIds = await index.MatchAsync(SearchKind.Library, terms, PerKind, today, ct);
        hits.AddRange((await db.LibraryArticles.AsNoTracking().Where(a => articleIds.Contains(a.Id) && !a.IsDraft && a.PublishedOn <= today)
                .OrderByDescending(a => a.PublishedOn).Select(a => new { a.Code, a.TitleJa, a.TitleEn }).ToListAsync(ct))
            .Select(a => new SearchHit(SearchKind.Library, a.TitleJa, a.TitleEn.Length == 0 ? a.TitleJa : a.TitleEn, $"/library/{a.Code}")));
        return new SearchResults(string.Join(' ', terms), hits);
    }
}
