namespace Shishin.Scanning.Tests.Fixtures;

/// <summary>
/// The scanner tests share one fixture site and run one after another: each starts its own Chromium, and the
/// process checks must not see another test's browser.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScannerTestGroup : ICollectionFixture<FixtureSite>
{
    public const string Name = "Scanner";
}
