using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Common;
using Partnership.Infrastructure.Data;

namespace Partnership.UnitTests.Architecture;

/// <summary>
/// Controllers call area services (docs/architecture.md): no controller, and no helper in a Controllers folder,
/// takes the database context in its constructor.
/// </summary>
public class ControllerDependencyTests
{
    // Owned by the engineer reworking the Outreach and Subsidies areas and the audit page in parallel (architecture
    // issue, section 2): their controllers still take the context. The lead drops this list when merging that work.
    private static readonly HashSet<string> NotYetMoved =
    [
        "Partnership.Web.Areas.Outreach.Controllers.ActivitiesController",
        "Partnership.Web.Areas.Outreach.Controllers.CoSponsorshipController",
        "Partnership.Web.Areas.Outreach.Controllers.PublicityController",
        "Partnership.Web.Areas.Outreach.Controllers.ReferralsController",
        "Partnership.Web.Areas.Outreach.Controllers.SupportController",
        "Partnership.Web.Areas.Subsidies.Controllers.ManageController",
        "Partnership.Web.Areas.Admin.Controllers.AuditController",
    ];

    [Fact]
    public void No_controller_takes_the_database_context()
    {
        var web = typeof(Partnership.Web.Authorization.Policies).Assembly;
        var offenders = web.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && (typeof(ControllerBase).IsAssignableFrom(t) || t.Namespace?.EndsWith(".Controllers", StringComparison.Ordinal) == true))
            .Where(t => !NotYetMoved.Contains(t.FullName!))
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Any(p => typeof(IAppDbContext).IsAssignableFrom(p.ParameterType) || typeof(AppDbContext).IsAssignableFrom(p.ParameterType)))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Take an area service instead of the database context: " + string.Join(", ", offenders));
    }
}
