using Microsoft.EntityFrameworkCore;
using Partnership.Core.Search;
using Partnership.Infrastructure.Data;

namespace Partnership.Infrastructure.Search;

/// <summary>
/// The site search's index over the normalised search column of events and library articles
/// (docs/adr/0076-search.md). SQLite: the FTS5 tables <c>EventsSearch</c> and <c>LibraryArticlesSearch</c> with
/// the trigram tokenizer, kept in step by triggers, queried with LIKE (which the trigram index answers for terms
/// of three characters or more). PostgreSQL: LIKE on the column, answered by its pg_trgm GIN index. SQL Server:
/// LIKE on the column (see the ADR for why no full-text catalog).
/// </summary>
public sealed class ProviderSearchIndex(AppDbContext db) : ISearchIndex
{
    public async Task<IReadOnlyList<int>> MatchAsync(SearchKind kind, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        if (terms.Count == 0)
        {
            return [];
        }
        var patterns = terms.Select(SearchService.Contains).ToList();
        if (db.Database.IsSqlite())
        {
            var table = kind == SearchKind.Event ? "EventsSearch" : "LibraryArticlesSearch";
            var where = string.Join(" AND ", patterns.Select((_, i) => $"\"SearchText\" LIKE {{{i}}} ESCAPE '\\'"));
            // Table name from the two above, patterns as parameters: nothing typed reaches the SQL text.
#pragma warning disable EF1002
            var sql = $"SELECT rowid AS \"Value\" FROM \"{table}\" WHERE {where} ORDER BY rowid DESC LIMIT {limit}";
            return await db.Database.SqlQueryRaw<int>(sql, patterns.Cast<object>().ToArray()).ToListAsync(ct);
#pragma warning restore EF1002
        }
        if (kind == SearchKind.Event)
        {
            var events = db.PartnershipEvents.AsNoTracking();
            foreach (var pattern in patterns)
            {
                events = events.Where(e => EF.Functions.Like(e.SearchText, pattern, "\\"));
            }
            return await events.OrderByDescending(e => e.Id).Take(limit).Select(e => e.Id).ToListAsync(ct);
        }
        var articles = db.LibraryArticles.AsNoTracking();
        foreach (var pattern in patterns)
        {
            articles = articles.Where(a => EF.Functions.Like(a.SearchText, pattern, "\\"));
        }
        return await articles.OrderByDescending(a => a.Id).Take(limit).Select(a => a.Id).ToListAsync(ct);
    }
}
