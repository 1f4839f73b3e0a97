using Xunit.Abstractions;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>Rule profiles decide which axe-core rules a scan runs: a page with defects outside WCAG 2.1 AA, scanned under each.</summary>
[Collection(ScannerTestGroup.Name)]
public sealed class RuleProfileScanTests(FixtureSite site, ITestOutputHelper output)
{
    private ScanOptions PageOptions() =>
        site.Options(site.Http("/profiles/outside-landmarks")) with { MaxDepth = 0, ReadSitemaps = false, CheckLinks = false };

    [Fact]
    public async Task DefaultProfile_FindsTheMissingMainLandmark()
    {
        var result = await ScanTestSupport.ScanAsync(PageOptions());
        ScanTestSupport.Describe(result, output);

        Assert.Equal(["landmark-one-main", "region", "security.https", "target-size"], ScanTestSupport.FindingsByPath(result)["/profiles/outside-landmarks"]);
    }
}
