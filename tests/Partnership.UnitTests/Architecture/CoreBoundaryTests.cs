using Partnership.Core.Subsidies;

namespace Partnership.UnitTests.Architecture;

/// <summary>
/// Core states the rules and reaches the database only through EF Core's provider-neutral API: SQL, provider
/// services and the relational extensions live in Infrastructure (the submission's behind ISubmissionStore).
/// </summary>
public class CoreBoundaryTests
{
    [Fact]
    public void Core_does_not_use_EF_Core_Relational_or_any_provider()
    {
        var referenced = typeof(SubsidyService).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Microsoft.EntityFrameworkCore", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
