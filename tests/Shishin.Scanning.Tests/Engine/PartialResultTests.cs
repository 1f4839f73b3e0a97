using Xunit.Abstractions;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>
/// Issue 13, points 3, 4 and 7: one odd element, a slow or oversized part, a failing check or a cancelled scan keeps
/// what was gathered for the page and says what is missing; findings belong to the document they were found in.
/// </summary>
[Collection(ScannerTestGroup.Name)]
public sealed class PartialResultTests(FixtureSite site, ITestOutputHelper output)
{
    private ScanOptions Single(Uri url) => site.Options(url) with { MaxDepth = 0, ReadSitemaps = false };

    [Fact]
    public async Task Scan_LinkInsideSvg_IsReadAndChecked()
    {
        var result = await ScanTestSupport.ScanAsync(Single(site.Http("/partial/svg-link")));
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Null(page.Error);
        Assert.Equal(PageStatus.Complete, page.Status);
        Assert.Equal("Link inside SVG", page.Title);
        var broken = page.Findings.Single(f => f.RuleId == "page.broken-link");
        Assert.Contains(broken.Nodes, n => n.Html.StartsWith("<a href=\"/missing\"", StringComparison.Ordinal) && n.Selector.Contains("svg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_LinkInOpenShadowRoot_IsReadAndChecked()
    {
        var result = await ScanTestSupport.ScanAsync(Single(site.Http("/partial/shadow-link")));
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Equal(PageStatus.Complete, page.Status);
        var broken = page.Findings.Single(f => f.RuleId == "page.broken-link");
        var node = Assert.Single(broken.Nodes);
        Assert.Equal("#host >>> p > a", node.Selector);
    }

    [Fact]
    public async Task Scan_MoreLinksThanTheProbeReads_ReportsTheTruncation()
    {
        var result = await ScanTestSupport.ScanAsync(Single(site.Http("/partial/many-links")) with { CheckLinks = false });
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Null(page.Error);
        Assert.Equal(PageStatus.Partial, page.Status);
        var gap = Assert.Single(page.Gaps);
        Assert.Equal(PageGapKind.Links, gap.Kind);
        Assert.Contains("2,100", gap.Message, StringComparison.Ordinal);
        Assert.Contains("2,000", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_PageBusyAfterLoad_KeepsStatusAndHeaderFindings_AsPartial()
    {
        var options = Single(site.Http("/hostile/busy-after-load")) with { CheckLinks = false, PageBudget = TimeSpan.FromSeconds(8) };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Equal(PageErrorKind.BudgetExceeded, page.Error?.Kind);
        Assert.Equal(PageStatus.Partial, page.Status);
        Assert.Equal(200, page.StatusCode);
        // The /hostile/ pages have no security headers: those findings come from the response, before the page hung.
        Assert.Contains(page.Findings, f => f.RuleId == "security.csp");
        Assert.Contains(page.Findings, f => f.RuleId == "page.navigation-error");
        Assert.Contains(page.Gaps, g => g.Kind == PageGapKind.AccessibilityChecks);
    }

    [Fact]
    public async Task Scan_AxeRunsOutOfItsTime_KeepsThePageChecks_AsPartial()
    {
        var options = Single(site.Http("/defects/meta")) with { CheckLinks = false, AxeTimeout = TimeSpan.FromMilliseconds(1) };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Equal(PageStatus.Partial, page.Status);
        Assert.Equal(PageErrorKind.CheckFailed, page.Error?.Kind);
        var ruleIds = page.Findings.Select(f => f.RuleId).ToList();
        Assert.Contains("page.title", ruleIds);
        Assert.Contains("page.description", ruleIds);
        Assert.DoesNotContain("document-title", ruleIds);
        var gap = Assert.Single(page.Gaps);
        Assert.Equal(PageGapKind.AccessibilityChecks, gap.Kind);
        Assert.Contains("tried twice", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_OversizedSubresource_IsCutOff_AndThePageIsStillChecked()
    {
        var options = Single(site.Http("/partial/oversized-style")) with { CheckLinks = false, MaxResponseBytes = 1_000_000 };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Equal(PageErrorKind.ResponseTooLarge, page.Error?.Kind);
        Assert.Equal(PageStatus.Partial, page.Status);
        Assert.Equal("Oversized style sheet", page.Title);
        Assert.Contains(page.Findings, f => f.RuleId == "image-alt");
        var gap = Assert.Single(page.Gaps);
        Assert.Equal(PageGapKind.Responses, gap.Kind);
        Assert.Contains("/partial/big.css", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_PageInFlight_IsKeptWithWhatWasGathered()
    {
        site.ResetInFlight();
        using var cancellation = new CancellationTokenSource();
        _ = site.InFlight.Task.ContinueWith(_ => cancellation.CancelAfter(TimeSpan.FromMilliseconds(300)), TaskScheduler.Default);
        var options = Single(site.Http("/partial/in-flight")) with { NavigationTimeout = TimeSpan.FromSeconds(30), PageBudget = TimeSpan.FromSeconds(60) };

        var result = await ScanTestSupport.ScanAsync(options, cancellationToken: cancellation.Token);
        ScanTestSupport.Describe(result, output);

        Assert.True(result.Cancelled);
        var page = Assert.Single(result.Pages);
        Assert.Null(page.Error);
        Assert.Equal(PageStatus.Partial, page.Status);
        Assert.Equal(200, page.StatusCode);
        Assert.Contains(page.Findings, f => f.RuleId == "security.https");
        Assert.Contains(page.Gaps, g => g.Kind == PageGapKind.AccessibilityChecks && g.Message.Contains("cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientNavigation_ToARefusedHost_EndsBlocked_WithTheChain_InEveryRun()
    {
        var options = site.Options(site.Http("/partial/meta-refresh-blocked"), site.Http("/partial/script-navigation-blocked")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
        };

        var runs = new List<string[]>();
        for (var run = 0; run < 3; run++)
        {
            var result = await ScanTestSupport.ScanAsync(options);
            ScanTestSupport.Describe(result, output);
            foreach (var page in result.Pages)
            {
                Assert.Equal(PageErrorKind.Blocked, page.Error?.Kind);
                Assert.Equal(PageStatus.Failed, page.Status);
                // Nothing of Chromium's error page, nor any accessibility finding, is reported under the page.
                Assert.DoesNotContain(page.Findings, f => f.Category == Shishin.Scanning.Rules.RuleCategory.Accessibility);
                var hop = Assert.Single(page.RedirectChain);
                Assert.Equal(page.RequestedUrl, hop.Url);
                Assert.Equal(200, hop.StatusCode);
                Assert.Equal(RedirectKind.Client, hop.Kind);
                Assert.Contains($"127.0.0.1:{site.Canary.Port}", page.Error!.Message, StringComparison.Ordinal);
            }

            runs.Add(result.Pages
                .Select(p => $"{p.RequestedUrl.AbsolutePath} {p.Status} {p.Error?.Kind} {p.StatusCode} {string.Join(",", p.RedirectChain.Select(h => $"{h.Url.AbsolutePath}:{h.StatusCode}:{h.Kind}"))} {string.Join(",", p.Findings.Select(f => f.RuleId))}")
                .Order(StringComparer.Ordinal)
                .ToArray());
        }

        Assert.Equal(2, runs[0].Length);
        Assert.Equal(runs[0], runs[1]);
        Assert.Equal(runs[0], runs[2]);
        Assert.Equal(0, site.Canary.Connections);
    }

    [Fact]
    public async Task ClientNavigation_WithinTheSite_IsFollowed_AndRecorded()
    {
        var result = await ScanTestSupport.ScanAsync(Single(site.Http("/partial/meta-refresh-ok")) with { CheckLinks = false });
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Null(page.Error);
        Assert.Equal("/from-sitemap", page.FinalUrl?.AbsolutePath);
        Assert.Equal("Only in the sitemap", page.Title);
        var hop = Assert.Single(page.RedirectChain);
        Assert.Equal(("/partial/meta-refresh-ok", 200, RedirectKind.Client), (hop.Url.AbsolutePath, hop.StatusCode, hop.Kind));
        Assert.Equal(["security.https"], page.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public async Task Probe_GeneratedHostilePages_NoPageIsLost()
    {
        var urls = Enumerable.Range(0, HostileDom.Pages).Select(n => n % 2 == 0 ? site.Http($"/fuzz/{n}") : site.Https($"/fuzz/{n}")).ToArray();
        // The budget is a safety net, not what is tested: on a CI machine starved by the browser tests beside it, a page
        // with 93 extra hostile elements took over 45 s (its neighbours 17–19 s), and it ended as BudgetExceeded, not lost.
        var options = site.Options(urls) with { MaxDepth = 0, ReadSitemaps = false, MaxPages = HostileDom.Pages, PageBudget = TimeSpan.FromSeconds(120) };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(HostileDom.Pages, result.Pages.Count);
        foreach (var page in result.Pages)
        {
            var number = int.Parse(page.RequestedUrl.Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
            var spec = HostileDom.For(number);
            var what = $"page {number} ({string.Join(", ", spec.Features)}; {spec.ExtraElements} extra elements)";
            Assert.NotEqual(PageStatus.Failed, page.Status);
            Assert.Equal(200, page.StatusCode);
            Assert.Equal(spec.Title, page.Title);
            // The probe and axe-core run in the scanner's isolated world, which the page's own getters, prototypes and
            // custom elements do not reach: every page is scanned completely.
            Assert.True(page.Error is null, $"{what}: {page.Error}");
            var expectedGaps = spec.ManyLinks ? [PageGapKind.Links] : new List<PageGapKind>();
            Assert.Equal(expectedGaps, page.Gaps.Select(g => g.Kind));
            var broken = page.Findings.SingleOrDefault(f => f.RuleId == "page.broken-link");
            Assert.True(broken is not null && broken.Nodes.Any(n => n.Html.Contains(spec.MissingLink, StringComparison.Ordinal)), what);
        }
    }
}
