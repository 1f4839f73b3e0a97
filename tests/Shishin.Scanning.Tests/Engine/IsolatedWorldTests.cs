using System.Globalization;
using Xunit.Abstractions;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>
/// Pages that try to forge their own results, and findings inside frames: axe-core and the probe run in an isolated
/// world of every frame, out of the page scripts' reach.
/// </summary>
[Collection(ScannerTestGroup.Name)]
public sealed class IsolatedWorldTests(FixtureSite site, ITestOutputHelper output)
{
    private const string Forged = "9.9.9-forged";

    [Fact]
    public async Task Scan_PageThatDefinesOrTrapsWindowAxe_ReportsTheRealFindingsAndOurAxeVersion()
    {
        var options = site.Options(site.Http("/hostile/forged-axe"), site.Http("/hostile/trapped-axe")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(ScannerRules.AxeCoreVersion, result.AxeVersion);
        Assert.Equal(2, result.Pages.Count);
        Assert.All(result.Pages, p => Assert.Null(p.Error));
        Assert.All(result.Pages, p => Assert.Equal(["image-alt"], AccessibilityRules(p)));
        Assert.All(result.Pages, p => Assert.Equal("img", Assert.Single(p.Findings.Single(f => f.RuleId == "image-alt").Nodes).Selector));
        foreach (var format in Enum.GetValues<Shishin.Scanning.Reports.ReportFormat>())
        {
            Assert.DoesNotContain(Forged, Shishin.Scanning.Reports.ScanReport.ToText(result, format, Shishin.Scanning.Reports.ReportLanguage.English), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scan_PageAfterOneThatLeftStorageCookiesNameAndHistory_FindsNoneOfThem()
    {
        // One page at a time, so the reader is loaded in the tab the writer used (it is reused after a clean page).
        var options = site.Options(site.Http("/hostile/reuse/writer")) with
        {
            MaxDepth = 1,
            Concurrency = 1,
            ReadSitemaps = false,
            CheckLinks = false,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(["/hostile/reuse/reader", "/hostile/reuse/writer"], result.Pages.Select(p => p.RequestedUrl.AbsolutePath).Order(StringComparer.Ordinal));
        var reader = result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/hostile/reuse/reader");
        Assert.Null(reader.Error);
        Assert.Equal("Reader", reader.Title);
        Assert.Empty(AccessibilityRules(reader));
        Assert.DoesNotContain("left=", site.ReceivedCookies["/hostile/reuse/reader"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_PageThatReplacesBuiltInsAndDomGetters_GivesTheRealFindingsAndSnapshot()
    {
        var options = site.Options(site.Http("/hostile/prototypes")) with
        {
            MaxDepth = 1,
            ReadSitemaps = false,
            CheckLinks = false,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(ScannerRules.AxeCoreVersion, result.AxeVersion);
        var page = result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/hostile/prototypes");
        Assert.Null(page.Error);
        Assert.Equal(["image-alt"], AccessibilityRules(page));
        Assert.Equal("Real title", page.Title);
        Assert.Equal("en", page.Lang);
        Assert.DoesNotContain(page.Findings, f => f.RuleId is ScannerRules.PageLang or ScannerRules.PageTitle);
        // The probe read the page's one link, so the crawl followed it.
        Assert.Equal(["/from-sitemap", "/hostile/prototypes"], result.Pages.Select(p => p.RequestedUrl.AbsolutePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scan_ImagesInSameOriginCrossOriginAndNestedFrames_AreFoundWithTheirFramesUrls_AndABlockedFrameIsReported()
    {
        var canaryBefore = site.Canary.Connections;
        var crossOrigin = string.Create(CultureInfo.InvariantCulture, $"localhost:{site.HttpPort}");
        var options = site.Options(site.Http("/hostile/frames")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
            AllowedEndpoints = new HashSet<string>(site.Endpoints, StringComparer.OrdinalIgnoreCase) { crossOrigin },
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Null(page.Error);
        Assert.Equal(["frame-tested (review)", "image-alt"], AccessibilityRules(page));
        var images = page.Findings.Single(f => f.RuleId == "image-alt");
        var inner = $"http://127.0.0.1:{site.HttpPort}/hostile/frames/inner";
        var crossInner = $"http://{crossOrigin}/hostile/frames/inner";
        Assert.Equal(
            [$"#cross >>> img | {crossInner}", $"#nested >>> #deep >>> img | {crossInner}", $"#same >>> img | {inner}"],
            images.Nodes.Select(n => $"{n.Selector} | {n.Frame}").Order(StringComparer.Ordinal));
        var untested = Assert.Single(page.Findings.Single(f => f.RuleId == "frame-tested").Nodes);
        Assert.Equal("#blocked", untested.Selector);
        Assert.Contains($"http://127.0.0.1:{site.Canary.Port}/frame", untested.Detail, StringComparison.Ordinal);
        Assert.Equal(canaryBefore, site.Canary.Connections);
        var html = Shishin.Scanning.Reports.ScanReport.ToText(result, Shishin.Scanning.Reports.ReportFormat.Html, Shishin.Scanning.Reports.ReportLanguage.English);
        Assert.Contains($"In the frame: <code>{crossInner}</code>", html, StringComparison.Ordinal);
    }

    /// <summary>The page's accessibility rule ids, needs-review findings marked.</summary>
    private static string[] AccessibilityRules(PageResult page) => page.Findings
        .Where(f => f.Category == RuleCategory.Accessibility)
        .Select(f => f.Outcome == FindingOutcome.NeedsReview ? f.RuleId + " (review)" : f.RuleId)
        .Order(StringComparer.Ordinal)
        .ToArray();
}
