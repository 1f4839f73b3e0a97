namespace Shishin.BrowserTests.Infrastructure;

/// <summary>
/// The smaller browser test classes share one app and one Chromium and run one after another; the axe class has its
/// own fixture and runs beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
