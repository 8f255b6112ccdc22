using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Schemes;

public sealed record DirectoryFilter(string? SchemeCode = null, string? AreaCode = null, string? MunicipalityCode = null, string? IndustryCode = null, string? Text = null, int Page = 1, int PageSize = 50);

public sealed record DirectoryRow(
    string CompanyName, string? CorporateNumber, string? MunicipalityCode, string CityName, string IndustryCode,
    string SchemeCode, string SchemeJa, string SchemeEn, string Number, DateOnly AcceptedOn, DateOnly? ValidUntil);

public sealed record DirectoryPage(IReadOnlyList<DirectoryRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// The public directory (公表企業一覧): entries in force today whose company chose to be listed. Nothing else of
/// an entry is public.
/// </summary>
public sealed class DirectoryService(IAppDbContext db, TimeProvider clock)
{
    public const int MaxTextLength = 100;

    public async Task<DirectoryPage> SearchAsync(DirectoryFilter filter, CancellationToken ct = default)
    {
        var query = Listed(filter);
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var rows = await Project(query.OrderBy(e => e.Company!.NameKana).ThenBy(e => e.Scheme!.Order).ThenBy(e => e.Id)
            .Skip((page - 1) * filter.PageSize).Take(filter.PageSize)).ToListAsync(ct);
        return new DirectoryPage(rows, total, page, filter.PageSize);
    }

    /// <summary>Every listed entry matching the filter, for the open-data download (JSON or CSV).</summary>
    public IAsyncEnumerable<DirectoryRow> AllAsync(DirectoryFilter filter) =>
        Project(Listed(filter).OrderBy(e => e.Scheme!.Order).ThenBy(e => e.Number)).AsAsyncEnumerable();

    private IQueryable<SchemeEntry> Listed(DirectoryFilter filter)
    {
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        var query = db.SchemeEntries.AsNoTracking().InForceOn(today).ListedInDirectory()
            .OfScheme(filter.SchemeCode).InArea(filter.AreaCode).OfCompaniesIn(filter.MunicipalityCode);
        if (!string.IsNullOrEmpty(filter.IndustryCode))
        {
            query = query.Where(e => e.Company!.IndustryCode == filter.IndustryCode);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var kana = JapaneseInput.ToFullWidthKatakana(text);
            query = query.Where(e => e.Company!.Name.Contains(text) || e.Company.NameKana.Contains(kana) || e.Number!.Contains(text));
        }
        return query;
    }

    private static IQueryable<DirectoryRow> Project(IQueryable<SchemeEntry> query) => query.Select(e => new DirectoryRow(
        e.Company!.Name, e.Company.CorporateNumber, e.Company.MunicipalityCode, e.Company.CityName, e.Company.IndustryCode,
        e.Scheme!.Code, e.Scheme.NameJa, e.Scheme.NameEn, e.Number!, e.ValidFrom!.Value, e.ValidUntil));
}
