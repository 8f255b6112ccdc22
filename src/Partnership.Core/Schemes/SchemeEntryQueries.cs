namespace Partnership.Core.Schemes;

/// <summary>
/// The filters of scheme entries that recur in the area's services, named for what they mean
/// (docs/adr/0002-dbcontext-not-repositories.md). A filter given no value (null or empty) keeps every entry, as the
/// search forms mean by an empty field.
/// </summary>
public static class SchemeEntryQueries
{
    /// <summary>Accepted entries whose validity covers <paramref name="day"/> (Japan's date).</summary>
    public static IQueryable<SchemeEntry> InForceOn(this IQueryable<SchemeEntry> entries, DateOnly day) =>
        entries.Where(e => e.Status == EntryStatus.Accepted && e.ValidFrom <= day && (e.ValidUntil == null || e.ValidUntil >= day));

    /// <summary>
    /// Accepted entries whose validity ends between <paramref name="first"/> and <paramref name="last"/> (both included):
    /// the dashboard's "expiring within 90 days".
    /// </summary>
    public static IQueryable<SchemeEntry> EndingBetween(this IQueryable<SchemeEntry> entries, DateOnly first, DateOnly last) =>
        entries.Where(e => e.Status == EntryStatus.Accepted && e.ValidFrom != null && e.ValidUntil >= first && e.ValidUntil <= last);

    /// <summary>Entries whose company chose to be listed in the public directory.</summary>
    public static IQueryable<SchemeEntry> ListedInDirectory(this IQueryable<SchemeEntry> entries) =>
        entries.Where(e => e.ListInDirectory);

    /// <summary>Entries of the scheme with this code.</summary>
    public static IQueryable<SchemeEntry> OfScheme(this IQueryable<SchemeEntry> entries, string? schemeCode) =>
        string.IsNullOrEmpty(schemeCode) ? entries : entries.Where(e => e.Scheme!.Code == schemeCode);

    /// <summary>Entries of the schemes of one programme area.</summary>
    public static IQueryable<SchemeEntry> InArea(this IQueryable<SchemeEntry> entries, string? areaCode) =>
        string.IsNullOrEmpty(areaCode) ? entries : entries.Where(e => e.Scheme!.AreaCode == areaCode);

    /// <summary>Entries of companies in one municipality.</summary>
    public static IQueryable<SchemeEntry> OfCompaniesIn(this IQueryable<SchemeEntry> entries, string? municipalityCode) =>
        string.IsNullOrEmpty(municipalityCode) ? entries : entries.Where(e => e.Company!.MunicipalityCode == municipalityCode);
}
