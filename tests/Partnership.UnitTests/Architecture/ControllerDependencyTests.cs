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
    [Fact]
    public void No_controller_takes_the_database_context()
    {
        var web = typeof(Partnership.Web.Authorization.Policies).Assembly;
        var offenders = web.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && (typeof(ControllerBase).IsAssignableFrom(t) || t.Namespace?.EndsWith(".Controllers", StringComparison.Ordinal) == true))
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Any(p => typeof(IAppDbContext).IsAssignableFrom(p.ParameterType) || typeof(AppDbContext).IsAssignableFrom(p.ParameterType)))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Take an area service instead of the database context: " + string.Join(", ", offenders));
    }
}
