using System.Diagnostics;
using Xunit.Abstractions;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Tests.Fixtures;

namespace Shishin.Scanning.Tests.Engine;

/// <summary>Scans of the fixture site in real Chromium, with the SSRF guard on and only the fixture's ports allowed.</summary>
[Collection(ScannerTestGroup.Name)]
public sealed class ScannerTests(FixtureSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Crawl_FindsExactlyThePlantedDefects_OnEveryPage()
    {
        var options = site.Options(site.Http("/")) with
        {
            MaxDepth = 1,
            MaxPages = 40,
            Exclude = ["/excluded/**"],
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var expected = new Dictionary<string, string[]>
        {
            ["/"] = ["security.https"],
            ["/from-sitemap"] = ["security.https"],
            ["/defects/image-alt"] = ["image-alt", "security.https"],
            ["/defects/no-lang"] = ["html-has-lang", "page.lang", "security.https"],
            ["/defects/lang-mismatch"] = ["page.lang-mismatch", "security.https"],
            ["/defects/broken-link"] = ["page.broken-link", "security.https"],
            ["/defects/meta"] = ["document-title", "meta-viewport", "page.description", "page.title", "page.viewport", "security.https"],
            ["/defects/no-headers"] =
            [
                "security.cookie-httponly", "security.cookie-samesite", "security.csp", "security.frame-ancestors",
                "security.https", "security.permissions-policy", "security.referrer-policy", "security.x-content-type-options",
            ],
            ["/defects/csp-unsafe-inline"] = ["security.csp-unsafe-inline", "security.https"],
            ["/defects/heavy"] = ["page.request-count", "page.weight", "security.https"],
            ["/defects/slow"] = ["performance.ttfb", "security.https"],
            ["/defects/shift"] = ["performance.cls", "security.https"],
            ["/defects/hreflang"] = ["page.hreflang", "security.https"],
            ["/dup-a"] = ["page.title-duplicate", "security.https"],
            ["/dup-b"] = ["page.title-duplicate", "security.https"],
            ["/redirect-chain/1"] = ["page.redirect-chain", "security.https"],
        };
        var actual = ScanTestSupport.FindingsByPath(result);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
        Assert.All(result.Pages, p => Assert.Null(p.Error));

        Assert.Contains(result.Skipped, s => s.Url.AbsolutePath == "/private/secret" && s.Reason == SkipReason.Robots);
        Assert.Contains(result.Skipped, s => s.Url.AbsolutePath == "/excluded/page" && s.Reason == SkipReason.Filtered);
        Assert.Contains(result.Skipped, s => s.Url.AbsolutePath == "/files/report.pdf" && s.Reason == SkipReason.NotAPage);
        Assert.False(result.Cancelled);
        Assert.Empty(result.BlockedRequests);
        Assert.Equal(Shishin.Scanning.Rules.ScannerRules.AxeCoreVersion, result.AxeVersion);
        Assert.NotEmpty(result.BrowserVersion);
        Assert.EndsWith(ScanOptions.DefaultUserAgentSuffix, result.UserAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("HeadlessChrome", result.UserAgent, StringComparison.Ordinal);

        var page = result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/defects/image-alt");
        var imageAlt = page.Findings.Single(f => f.RuleId == "image-alt");
        Assert.Equal(FindingImpact.Critical, imageAlt.Impact);
        Assert.Equal(["1.1.1"], imageAlt.Wcag);
        Assert.Equal(["7.1.1.1"], imageAlt.Jis);
        Assert.StartsWith("https://dequeuniversity.com/rules/axe/4.14/image-alt", imageAlt.HelpUrl.AbsoluteUri, StringComparison.Ordinal);
        var node = Assert.Single(imageAlt.Nodes);
        Assert.Equal("img", node.Selector);
        Assert.StartsWith("<img src=\"/img/photo.png\"", node.Html, StringComparison.Ordinal);
        Assert.Equal(32, imageAlt.Fingerprint.Length);
        Assert.Equal("en", page.Lang);
        Assert.Equal("Image without alt", page.Title);
        Assert.Equal(200, page.StatusCode);
        Assert.NotNull(page.Timings.TimeToFirstByte);
        Assert.NotNull(page.Timings.FirstContentfulPaint);
        Assert.NotNull(page.Timings.Load);

        var broken = result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/defects/broken-link").Findings.Single(f => f.RuleId == "page.broken-link");
        var brokenNode = Assert.Single(broken.Nodes);
        Assert.Contains("/missing: HTTP 404", brokenNode.Detail, StringComparison.Ordinal);
        Assert.Contains("href=\"/missing\"", brokenNode.Html, StringComparison.Ordinal);

        var redirected = result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/redirect-chain/1");
        Assert.Equal("/redirect-chain/final", redirected.FinalUrl?.AbsolutePath);
        Assert.Equal([302, 301], redirected.RedirectChain.Select(h => h.StatusCode));

        var heavy = result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/defects/heavy");
        Assert.True(heavy.WeightBytes > options.Thresholds.PageWeightBytes, heavy.WeightBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(heavy.RequestCount >= 26);
    }

    [Fact]
    public async Task Https_HeadersTlsAndMixedContent()
    {
        var options = site.Options(site.Https("/secure/good"), site.Https("/secure/mixed"), site.Https("/secure/weak"), site.ExpiringHttps("/secure/good")) with
        {
            MaxDepth = 0,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var byUrl = result.Pages.ToDictionary(p => p.RequestedUrl.AbsoluteUri, p => p.Findings.Select(f => f.RuleId).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Assert.Empty(byUrl[site.Https("/secure/good").AbsoluteUri]);
        Assert.Equal(["page.mixed-content"], byUrl[site.Https("/secure/mixed").AbsoluteUri]);
        Assert.Equal(["security.cookie-secure", "security.hsts-max-age", "security.hsts-subdomains"], byUrl[site.Https("/secure/weak").AbsoluteUri]);
        Assert.Equal(["security.certificate-expiry"], byUrl[site.ExpiringHttps("/secure/good").AbsoluteUri]);

        var good = result.Pages.Single(p => p.RequestedUrl == site.Https("/secure/good"));
        Assert.NotNull(good.Tls);
        Assert.StartsWith("TLS 1.", good.Tls.Protocol, StringComparison.Ordinal);
        Assert.InRange((good.Tls.ValidTo!.Value - DateTimeOffset.UtcNow).TotalDays, 360, 366);
        var mixed = result.Pages.Single(p => p.RequestedUrl == site.Https("/secure/mixed")).Findings.Single();
        Assert.Contains(mixed.Nodes, n => n.Html == site.Http("/img/plain.png").AbsoluteUri);
    }

    [Fact]
    public async Task HostilePages_EachEndAsAnErrorOrAResult_AndTheScanFinishes()
    {
        var options = site.Options(
            site.Http("/hostile/redirect-loop"),
            site.Http("/hostile/never-ending"),
            site.Http("/hostile/alert"),
            site.Http("/hostile/huge"),
            site.Http("/hostile/infinite-scroll"),
            site.Http("/hostile/busy-loop"),
            site.Http("/hostile/busy-after-load"),
            site.Http("/hostile/popup"),
            site.Http("/hostile/download"),
            site.Http("/hostile/not-html")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
            NavigationTimeout = TimeSpan.FromSeconds(4),
            // Generous enough that ordinary hostile pages finish on a loaded 2-core CI machine.
            PageBudget = TimeSpan.FromSeconds(12),
            MaxResponseBytes = 2_000_000,
        };
        var stopwatch = Stopwatch.StartNew();

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), stopwatch.Elapsed.ToString());
        var errors = result.Pages.ToDictionary(p => p.RequestedUrl.AbsolutePath, p => p.Error?.Kind, StringComparer.Ordinal);
        Assert.Equal(10, errors.Count);
        Assert.Equal(PageErrorKind.RedirectLoop, errors["/hostile/redirect-loop"]);
        Assert.Null(errors["/hostile/never-ending"]);
        Assert.Null(errors["/hostile/alert"]);
        Assert.Equal(PageErrorKind.ResponseTooLarge, errors["/hostile/huge"]);
        // A page that keeps growing is either checked as it stands or stopped by its budget; both are handled outcomes.
        Assert.Contains(errors["/hostile/infinite-scroll"], new PageErrorKind?[] { null, PageErrorKind.BudgetExceeded });
        Assert.Contains(errors["/hostile/busy-loop"], new PageErrorKind?[] { PageErrorKind.Timeout, PageErrorKind.BudgetExceeded });
        Assert.Equal(PageErrorKind.BudgetExceeded, errors["/hostile/busy-after-load"]);
        Assert.Null(errors["/hostile/popup"]);
        Assert.Equal(PageErrorKind.Download, errors["/hostile/download"]);
        Assert.Equal(PageErrorKind.NotHtml, errors["/hostile/not-html"]);

        // Every page error is also a finding, so that a CI gate sees it.
        Assert.All(result.Pages.Where(p => p.Error is not null), p => Assert.Contains(p.Findings, f => f.RuleId == "page.navigation-error"));
        Assert.Contains(result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/hostile/redirect-loop").Findings, f => f.RuleId == "page.redirect-chain");
        var neverEnding = result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/hostile/never-ending");
        Assert.True(neverEnding.UnfinishedRequests >= 1);
        Assert.Null(neverEnding.Timings.Load);
        Assert.Contains(neverEnding.Findings, f => f.RuleId == "security.csp");
    }

    [Fact]
    public async Task Ssrf_ThroughTheBrowser_RedirectsSubresourcesFetchAndLinks_NeverReachTheCanary()
    {
        var canary = site.Canary;
        var before = canary.Connections;
        var options = site.Options(
            site.Http("/ssrf/redirect"),
            site.Http("/ssrf/redirect-https"),
            site.Http("/ssrf/subresources"),
            new Uri($"http://127.0.0.1:{canary.Port}/direct")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(before, canary.Connections);
        Assert.Equal(0, canary.Connections);
        var errors = result.Pages.ToDictionary(p => p.RequestedUrl.AbsolutePath, p => p.Error?.Kind, StringComparer.Ordinal);
        Assert.Equal(PageErrorKind.Blocked, errors["/ssrf/redirect"]);
        Assert.Equal(PageErrorKind.Blocked, errors["/ssrf/redirect-https"]);
        Assert.Equal(PageErrorKind.Blocked, errors["/direct"]);
        Assert.Null(errors["/ssrf/subresources"]);

        var subresources = result.Pages.Single(p => p.RequestedUrl.AbsolutePath == "/ssrf/subresources");
        var blocked = subresources.Findings.Single(f => f.RuleId == "security.blocked-request");
        Assert.Contains(blocked.Nodes, n => n.Html.Contains("/image.png", StringComparison.Ordinal));
        Assert.Contains(blocked.Nodes, n => n.Html.Contains("/fetch", StringComparison.Ordinal));
        Assert.Contains(result.BlockedRequests, b => b.Target.Contains("localhost", StringComparison.Ordinal));
        Assert.Contains(result.BlockedRequests, b => b.Target.Contains("/linked", StringComparison.Ordinal));
        Assert.DoesNotContain(subresources.Findings, f => f.RuleId == "page.broken-link");
    }

    [Fact]
    public async Task Cancellation_ReturnsWithinFiveSeconds_WithThePagesFoundSoFar()
    {
        using var cancellation = new CancellationTokenSource();
        var cancelledAt = Stopwatch.StartNew();
        var options = site.Options(site.Http("/slow-crawl/0")) with { MaxPages = 50, MaxDepth = 5, ReadSitemaps = false };

        var result = await ScanTestSupport.ScanAsync(options, onPage: _ =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));
                cancelledAt.Restart();
            }
        }, cancellation.Token);
        ScanTestSupport.Describe(result, output);

        Assert.True(cancelledAt.Elapsed < TimeSpan.FromSeconds(5), cancelledAt.Elapsed.ToString());
        Assert.True(result.Cancelled);
        Assert.InRange(result.Pages.Count, 1, 10);
        Assert.All(result.Pages, p => Assert.Null(p.Error));
    }

    [Fact]
    public async Task CrashedBrowser_IsStartedAgain_AndTheScanGoesOn()
    {
        site.CrashArmed = true;
        var options = site.Options(site.Http("/"), site.Http("/crash-browser"), site.Http("/from-sitemap"), site.Http("/dup-a")) with
        {
            MaxDepth = 0,
            Concurrency = 1,
            ReadSitemaps = false,
            CheckLinks = false,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(1, site.Crashes);
        Assert.True(result.BrowserRestarts >= 1);
        Assert.Equal(4, result.Pages.Count);
        Assert.All(result.Pages, p => Assert.Null(p.Error));
    }

    [Fact]
    public async Task Mobile_UsesThePhoneProfile()
    {
        var options = site.Options(site.Http("/from-sitemap")) with { MaxDepth = 0, Mobile = true, ReadSitemaps = false, CheckLinks = false };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var page = Assert.Single(result.Pages);
        Assert.Null(page.Error);
        Assert.Equal(["security.https"], page.Findings.Select(f => f.RuleId));
        Assert.Contains("Mobile Safari", site.UserAgents["/from-sitemap"], StringComparison.Ordinal);
        Assert.EndsWith(ScanOptions.DefaultUserAgentSuffix, site.UserAgents["/from-sitemap"], StringComparison.Ordinal);
        Assert.EndsWith(ScanOptions.DefaultUserAgentSuffix, site.UserAgents["/robots.txt"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delay_SpacesTheStartsOfTwoPagesOfAHost()
    {
        var options = site.Options(site.Http("/"), site.Http("/from-sitemap"), site.Http("/dup-a"), site.Http("/dup-b")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
            Concurrency = 2,
            Delay = TimeSpan.FromMilliseconds(800),
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Equal(4, result.Pages.Count);
        AssertSpaced(result, TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public async Task CrawlDelay_OfRobotsTxt_SpacesThePages()
    {
        // The expiring-certificate origin's robots.txt says Crawl-delay: 1.
        var options = site.Options(site.ExpiringHttps("/from-sitemap"), site.ExpiringHttps("/dup-a"), site.ExpiringHttps("/dup-b")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
            Concurrency = 2,
        };

        var paced = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(paced, output);

        Assert.Equal(3, paced.Pages.Count);
        AssertSpaced(paced, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Wcag22_AddsItsRules_OnlyWhenAskedFor()
    {
        // Under wcag2aa alone; Wcag22 is the alias of adding wcag22aa, which the default profile already has.
        var options = site.Options(site.Http("/defects/target-size")) with { MaxDepth = 0, ReadSitemaps = false, CheckLinks = false, Rules = RuleProfiles.Wcag2aa };

        var without = Assert.Single((await ScanTestSupport.ScanAsync(options)).Pages);
        var withResult = await ScanTestSupport.ScanAsync(options with { Wcag22 = true });
        ScanTestSupport.Describe(withResult, output);
        var with = Assert.Single(withResult.Pages);

        Assert.Null(without.Error);
        Assert.DoesNotContain(without.Findings, f => f.RuleId == "target-size");
        var targetSize = Assert.Single(with.Findings, f => f.RuleId == "target-size" && f.Outcome == FindingOutcome.Violation);
        Assert.Equal(["2.5.8"], targetSize.Wcag);
        // JIS X 8341-3:2016 follows WCAG 2.0, which has no 2.5.8.
        Assert.Empty(targetSize.Jis);
        Assert.All(targetSize.Nodes, n => Assert.Contains("tiny", n.Html, StringComparison.Ordinal));
        // Apart from the 2.2 rule, the page's findings are the same.
        Assert.Equal(without.Findings.Select(f => f.RuleId), with.Findings.Where(f => f.RuleId != "target-size").Select(f => f.RuleId));
    }

    [Fact]
    public async Task TheHeadlessShell_AndTheFullBrowser_FindTheSame()
    {
        var options = site.Options(
            site.Http("/defects/image-alt"), site.Http("/defects/no-lang"), site.Http("/defects/meta"), site.Http("/defects/broken-link"),
            site.Http("/defects/no-headers"), site.Http("/defects/hreflang"), site.Http("/defects/target-size")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            Wcag22 = true,
        };

        var shell = await ScanTestSupport.ScanAsync(options with { BrowserPath = FixtureSite.BrowserPath() });
        var full = await ScanTestSupport.ScanAsync(options with { BrowserPath = FixtureSite.FullBrowserPath() });
        ScanTestSupport.Describe(shell, output);
        ScanTestSupport.Describe(full, output);

        Assert.Equal(7, shell.Pages.Count);
        Assert.Equal(Comparable(full), Comparable(shell));
        Assert.Contains(Comparable(shell), line => line.Contains("image-alt", StringComparison.Ordinal));

        // Timings differ from run to run; everything else must not.
        static string[] Comparable(ScanResult result) => result.Pages
            .SelectMany(p => p.Findings.Where(f => f.Category != RuleCategory.Performance).Select(f =>
                $"{p.RequestedUrl.PathAndQuery} {f.RuleId} {f.Outcome} {f.Impact} {string.Join(",", f.Nodes.Select(n => n.Selector))}"))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The pages started at least <paramref name="delay"/> apart, give or take the time a page takes to begin.</summary>
    private static void AssertSpaced(ScanResult result, TimeSpan delay)
    {
        var starts = result.Pages.Select(p => p.StartedAt).Order().ToList();
        var gaps = starts.Zip(starts.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= delay - TimeSpan.FromMilliseconds(200), $"{gap.TotalMilliseconds:0} ms between two pages"));
    }

    [Fact]
    public async Task Scan_WithCookies_BrowserAndLinkChecksSendThemToTheStartHost_AndNoReportCarriesTheValue()
    {
        const string Secret = "s3cr3t-session-value-4711";
        var options = site.Options(site.Http("/session/page")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            Cookies = [new ScanCookie("session", Secret)],
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        Assert.Null(Assert.Single(result.Pages).Error);
        Assert.Contains($"session={Secret}", site.ReceivedCookies["/session/page"], StringComparison.Ordinal);
        // The link check and robots.txt go to the same host, so they carry the cookie as the browser would: a link to a
        // page only the signed-in person may see is checked as that person.
        Assert.Contains($"session={Secret}", site.ReceivedCookies["/session/linked"], StringComparison.Ordinal);
        Assert.Contains($"session={Secret}", site.ReceivedCookies["/robots.txt"], StringComparison.Ordinal);
        foreach (var format in Enum.GetValues<Shishin.Scanning.Reports.ReportFormat>())
        {
            Assert.DoesNotContain(Secret, Shishin.Scanning.Reports.ScanReport.ToText(result, format, Shishin.Scanning.Reports.ReportLanguage.Japanese), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SessionCookies_AreForTheStartUrlsHostsOnly_HostOnlyAndHttpOnly()
    {
        var options = new ScanOptions
        {
            StartUrls = [new Uri("https://www.example.jp/a/b?c=d"), new Uri("https://www.example.jp/other"), new Uri("http://intra.example.jp:8080/")],
            Cookies = [new ScanCookie("session", "abc"), new ScanCookie("culture", "c%3Dja")],
        };

        var cookies = Shishin.Scanning.Engine.PageScanner.SessionCookies(options);

        Assert.Equal(
            ["https://www.example.jp/ culture", "https://www.example.jp/ session", "http://intra.example.jp:8080/ culture", "http://intra.example.jp:8080/ session"],
            cookies.Select(c => $"{c.Url} {c.Name}").OrderByDescending(s => s.StartsWith("https", StringComparison.Ordinal)).ThenBy(s => s, StringComparer.Ordinal));
        Assert.All(cookies, c => Assert.Null(c.Domain));
        Assert.All(cookies, c => Assert.True(c.HttpOnly));
    }

    [Theory]
    [InlineData("session=abc", "session", "abc")]
    [InlineData(".AspNetCore.Identity.Application=CfDJ8_x-y==", ".AspNetCore.Identity.Application", "CfDJ8_x-y==")]
    [InlineData("empty=", "empty", "")]
    [InlineData("=value", null, null)]
    [InlineData("novalue", null, null)]
    [InlineData("bad name=x", null, null)]
    [InlineData("name=a;b", null, null)]
    [InlineData("name=\"quoted\"", null, null)]
    public void ScanCookie_Parse_AcceptsOnlyRfc6265Cookies(string text, string? name, string? value)
    {
        var cookie = ScanCookie.Parse(text);

        Assert.Equal(name, cookie?.Name);
        Assert.Equal(value, cookie?.Value);
        if (cookie is { Value.Length: > 0 })
        {
            Assert.DoesNotContain(cookie.Value, cookie.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scan_InJapanese_AxeCoreTextsComeFromItsJapaneseLocale()
    {
        var options = site.Options(site.Http("/defects/image-alt")) with
        {
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
            Language = Shishin.Scanning.Reports.ReportLanguage.Japanese,
        };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var finding = Assert.Single(result.Pages).Findings.Single(f => f.RuleId == "image-alt");
        using var locale = System.Text.Json.JsonDocument.Parse(Shishin.Scanning.Checks.AxeChecks.JapaneseLocaleJson);
        Assert.Equal(locale.RootElement.GetProperty("rules").GetProperty("image-alt").GetProperty("help").GetString(), finding.Message);
        Assert.All(finding.Nodes, n => Assert.True(Shishin.Scanning.Reports.HtmlReport.LooksJapanese(n.Detail ?? ""), n.Detail));
    }

    [Fact]
    public async Task Scan_JapanesePageWithEnglishCode_IsNoLanguageMismatch()
    {
        var options = site.Options(site.Http("/lang/code"), site.Http("/defects/lang-mismatch")) with { MaxDepth = 0, ReadSitemaps = false, CheckLinks = false };

        var result = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(result, output);

        var mismatched = result.Pages.Where(p => p.Findings.Any(f => f.RuleId == ScannerRules.PageLangMismatch)).Select(p => p.RequestedUrl.AbsolutePath);
        Assert.Equal(["/defects/lang-mismatch"], mismatched);
    }
}
