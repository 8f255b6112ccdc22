namespace Partnership.Core.Companies;

/// <summary>
/// Work other areas do when a company is registered or its profile (and so its 法人番号) changes, before the same save:
/// the roster verifies the membership, outreach attaches the referrals made to that 法人番号
/// (docs/adr/0083-verified-membership.md). A contract here so that Companies does not depend on those areas, which
/// depend on it.
/// </summary>
public interface ICompanySavedFollower
{
    /// <summary>Called with the tracked company, before <c>SaveChanges</c>; it may change the company and add entities.</summary>
    Task BeforeSaveAsync(Company company, CancellationToken ct);
}
