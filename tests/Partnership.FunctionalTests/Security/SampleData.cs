using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>Real seeded records to fill route parameters and forms with.</summary>
public sealed class SampleData(PortalFactory portal, int measureId, int companyId, int ownerMemberId)
{
    public int MeasureId { get; } = measureId;

    /// <summary>The demo company owned by the Company principal.</summary>
    public int CompanyId { get; } = companyId;

    /// <summary>That company's owner membership.</summary>
    public int OwnerMemberId { get; } = ownerMemberId;

    public static async Task<SampleData> LoadAsync(PortalFactory portal)
    {
        var measureId = await portal.WithDbAsync(db => db.Measures.Where(m => m.Key == "TELEWORK-M01" && m.Plan!.FiscalYear == 2021).Select(m => m.Id).SingleAsync());
        var owner = await portal.WithDbAsync(db => db.CompanyMembers
            .Where(m => m.IsOwner && db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Company))
            .Select(m => new { m.Id, m.CompanyId }).SingleAsync());
        return new SampleData(portal, measureId, owner.CompanyId, owner.Id);
    }

    public string CompanyVersionOf(int companyId) =>
        portal.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => c.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    /// <summary>The measure's current version, read at the moment of the request (it changes with every edit).</summary>
    public string MeasureVersion() =>
        portal.WithDbAsync(db => db.Measures.Where(m => m.Id == MeasureId).Select(m => m.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public int LatestFiscalYear() =>
        portal.WithDbAsync(db => db.PartnershipPlans.MaxAsync(p => p.FiscalYear)).GetAwaiter().GetResult();
}
