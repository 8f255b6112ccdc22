using Microsoft.EntityFrameworkCore;
using Partnership.Core.Library;
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
    private static bool NeedsEscape(string term) => term.Contains('%', StringComparison.Ordinal) || term.Contains('_', StringComparison.Ordinal);

    public async Task<IReadOnlyList<int>> MatchAsync(SearchKind kind, IReadOnlyList<string> terms, int limit, DateOnly today, CancellationToken ct)
    {
        if (terms.Count == 0)
        {
            return [];
        }
        var patterns = terms.Select(SearchService.Contains).ToList();
        if (db.Database.IsSqlite())
        {
            var table = kind == SearchKind.Event ? "EventsSearch" : "LibraryArticlesSearch";
            // FTS5 answers LIKE from the trigram index only without an ESCAPE clause (LIKE ... ESCAPE is a three-argument
            // like() it cannot see), so a term without % or _ is matched as it is; only a term holding one of those is
            // escaped, and that query scans the table.
            var conditions = terms.Select((t, i) => NeedsEscape(t) ? $"s.\"SearchText\" LIKE {{{i}}} ESCAPE '\\'" : $"s.\"SearchText\" LIKE {{{i}}}").ToList();
            var parameters = terms.Select(t => (object)(NeedsEscape(t) ? SearchService.Contains(t) : "%" + t + "%")).ToList();
            var join = "";
            if (kind == SearchKind.Library)
            {
                // Only articles published by today (DateOnly is stored as yyyy-MM-dd text). CROSS JOIN keeps the full-text
                // index as the outer loop, so SQLite does not walk the articles and test each one's text instead.
                join = " CROSS JOIN \"LibraryArticles\" AS a";
                conditions.AddRange(["a.\"Id\" = s.rowid", "a.\"IsDraft\" = 0", $"a.\"PublishedOn\" <= {{{parameters.Count}}}"]);
                parameters.Add(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            // Table name from the two above, patterns and the day as parameters: nothing typed reaches the SQL text.
#pragma warning disable EF1002
            var sql = $"SELECT s.rowid AS \"Value\" FROM \"{table}\" AS s{join} WHERE {string.Join(" AND ", conditions)} ORDER BY s.rowid DESC LIMIT {limit}";
            return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).ToListAsync(ct);
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
        var articles = db.LibraryArticles.AsNoTracking().PublishedBy(today);
        foreach (var pattern in patterns)
        {
            articles = articles.Where(a => EF.Functions.Like(a.SearchText, pattern, "\\"));
        }
        return await articles.OrderByDescending(a => a.Id).Take(limit).Select(a => a.Id).ToListAsync(ct);
    }
}
