using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Shishin.BrowserTests.Infrastructure.LongestFirst", "Shishin.BrowserTests")]

namespace Shishin.BrowserTests.Infrastructure;

/// <summary>
/// Starts the longest test collections first. xUnit runs at most maxParallelThreads (xunit.runner.json) collections at
/// a time, in this order; its default order is arbitrary, and on CI it once started the Japanese axe table four minutes
/// in, behind a row of short classes, so the whole run waited for its end. The rest keep their default order.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>The collections to start first, longest first (the test classes' names, or the collection's name).</summary>
    private static readonly string[] Longest =
    [
        "SelfScanTests", "JapaneseAxeTests", "EnglishAxeTests", SharedBrowser.Name, "CatalogBrowserTests", "ScanBrowserTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.Select((collection, index) => (collection, index))
            .OrderBy(c => Rank(c.collection))
            .ThenBy(c => c.index)
            .Select(c => c.collection);

    private static int Rank(ITestCollection collection)
    {
        // A class without a [Collection] is in "Test collection for <full class name>".
        var name = collection.DisplayName;
        var rank = Array.FindIndex(Longest, n => name == n || name.EndsWith("." + n, StringComparison.Ordinal));
        return rank < 0 ? Longest.Length : rank;
    }
}
