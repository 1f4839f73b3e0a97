using Xunit.Abstractions;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>
/// Rule profiles decide which axe-core rules a scan runs: a page whose only defects lie outside WCAG 2.1 AA (no main
/// landmark, small targets, AA but not AAA contrast), scanned under each.
/// </summary>
[Collection(ScannerTestGroup.Name)]
public sealed class RuleProfileScanTests(FixtureSite site, ITestOutputHelper output)
{
    private const string Path = "/profiles/outside-landmarks";

    private ScanOptions PageOptions() =>
        site.Options(site.Http(Path)) with { MaxDepth = 0, ReadSitemaps = false, CheckLinks = false };

    [Fact]
    public async Task DefaultProfile_FindsTheMissingMainLandmark_AndTheSmallTargets()
    {
        // The fixture's options pin wcag2aa; a scan's default is the platform's profile.
        var result = await ScanTestSupport.ScanAsync(PageOptions() with { Rules = new ScanOptions { StartUrls = [site.Http(Path)] }.Rules });
        ScanTestSupport.Describe(result, output);

        Assert.Equal(ScanOptions.PlatformRules, result.Options.Rules);
        Assert.Equal(["landmark-one-main", "region", "security.https", "target-size"], ScanTestSupport.FindingsByPath(result)[Path]);
        // A best practice: no WCAG criterion, hence no JIS X 8341-3 criterion either.
        Assert.Empty(Assert.Single(result.Pages).Findings.Single(f => f.RuleId == "landmark-one-main").Wcag);
    }

    [Theory]
    [InlineData(RuleProfiles.Wcag2aa, new[] { "security.https" })]
    [InlineData(RuleProfiles.Wcag2aa | RuleProfiles.BestPractice, new[] { "landmark-one-main", "region", "security.https" })]
    [InlineData(RuleProfiles.Aaa, new[] { "color-contrast-enhanced", "security.https" })]
    public async Task Profiles_DecideWhichRulesRun(RuleProfiles profiles, string[] expected)
    {
        var result = await ScanTestSupport.ScanAsync(PageOptions() with { Rules = profiles });
        ScanTestSupport.Describe(result, output);

        Assert.Equal(expected, ScanTestSupport.FindingsByPath(result)[Path]);
        var landmark = result.Pages.Single().Findings.SingleOrDefault(f => f.RuleId == "landmark-one-main");
        Assert.True(landmark is null || landmark.Impact == FindingImpact.Moderate);
    }

    [Fact]
    public async Task NoProfile_IsRefusedBeforeAnyBrowserStarts() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Scanner.ScanAsync(PageOptions() with { Rules = RuleProfiles.None }));
}
