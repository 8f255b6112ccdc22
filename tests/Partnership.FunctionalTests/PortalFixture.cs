using Partnership.TestKit;

namespace Partnership.FunctionalTests;

/// <summary>One portal per test class that shares it; tests that change data use their own factory.</summary>
public sealed class PortalFixture : PortalFactory;
