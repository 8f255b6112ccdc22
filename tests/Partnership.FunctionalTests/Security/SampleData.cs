using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>Real seeded records to fill route parameters and forms with.</summary>
public sealed class SampleData(PortalFactory portal, int measureId)
{
    public int MeasureId { get; } = measureId;

    public static async Task<SampleData> LoadAsync(PortalFactory portal) =>
        new(portal, await portal.WithDbAsync(db => db.Measures.Where(m => m.Key == "TELEWORK-M01" && m.Plan!.FiscalYear == 2021).Select(m => m.Id).SingleAsync()));

    /// <summary>The measure's current version, read at the moment of the request (it changes with every edit).</summary>
    public string MeasureVersion() =>
        portal.WithDbAsync(db => db.Measures.Where(m => m.Id == MeasureId).Select(m => m.Version).SingleAsync()).GetAwaiter().GetResult().ToString();

    public int LatestFiscalYear() =>
        portal.WithDbAsync(db => db.PartnershipPlans.MaxAsync(p => p.FiscalYear)).GetAwaiter().GetResult();
}
