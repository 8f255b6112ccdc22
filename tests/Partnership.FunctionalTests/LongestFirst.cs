using Partnership.FunctionalTests.BusinessSignIn;
using Partnership.FunctionalTests.Security;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Partnership.FunctionalTests.LongestFirst", "Partnership.FunctionalTests")]

namespace Partnership.FunctionalTests;

/// <summary>
/// Starts the test classes that run longest first, and the rest in xunit's own order after them. xunit runs two classes
/// at a time on two cores; a long class started last would run on alone at the end while the other core idles
/// (longest processing time first, the classic rule for filling parallel slots). Which classes are long comes from the
/// run times in the TRX results (docs/benchmarks.md, "Test suite run time"); a wrong list costs time, never a result.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        typeof(SecurityHostileValueTests).FullName!,
        typeof(SecurityRoleTableTests).FullName!,
        typeof(SecurityHarnessTests).FullName!,
        typeof(BusinessSignInTests).FullName!,
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(Rank)
            .ThenBy(c => c.UniqueID.ToString(), StringComparer.Ordinal);

    /// <summary>A class's own collection is named "Test collection for" its full name.</summary>
    private static int Rank(ITestCollection collection)
    {
        var index = Array.FindIndex(Longest, name => collection.DisplayName.EndsWith(" " + name, StringComparison.Ordinal));
        return index < 0 ? Longest.Length : index;
    }
}
