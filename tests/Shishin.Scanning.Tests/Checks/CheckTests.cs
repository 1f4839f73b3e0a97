using Shishin.Scanning.Checks;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Tests.Checks;

public sealed class WcagMappingTests
{
    [Theory]
    [InlineData("wcag111", "1.1.1")]
    [InlineData("wcag143", "1.4.3")]
    [InlineData("wcag1410", "1.4.10")]
    [InlineData("wcag2411", "2.4.11")]
    [InlineData("wcag412", "4.1.2")]
    [InlineData("wcag2a", null)]
    [InlineData("wcag21aa", null)]
    [InlineData("wcag22aa", null)]
    [InlineData("cat.color", null)]
    [InlineData("best-practice", null)]
    public void CriterionFromTag(string tag, string? expected) => Assert.Equal(expected, WcagMapping.CriterionFromTag(tag));

    [Fact]
    public void Jis_OnlyForWcag20Criteria()
    {
        Assert.Equal(61, WcagMapping.Wcag20Count);
        Assert.Equal("7.1.4.3", WcagMapping.JisFor("1.4.3"));
        Assert.Equal("7.2.4.10", WcagMapping.JisFor("2.4.10"));
        Assert.Null(WcagMapping.JisFor("1.4.10"));
        Assert.Null(WcagMapping.JisFor("2.5.8"));
    }

    [Fact]
    public void FromTags_KeepsOrder_AndMapsWhatJisHas()
    {
        var (wcag, jis) = WcagMapping.FromTags(["cat.structure", "wcag2a", "wcag131", "wcag21aa", "wcag1410", "EN-301-549"]);

        Assert.Equal(["1.3.1", "1.4.10"], wcag);
        Assert.Equal(["7.1.3.1"], jis);
    }
}

public sealed class LanguageGuessTests
{
    private const string Japanese = "このページは日本語で書かれています。行政サービスの案内や手続きの方法について説明しています。";
    private const string English = "This page is written in English and explains how to apply for public services in the city.";

    [Theory]
    [InlineData("en", Japanese, true)]
    [InlineData("en-US", Japanese, true)]
    [InlineData("ja", English, true)]
    [InlineData("ja", Japanese, false)]
    [InlineData("ja-JP", Japanese, false)]
    [InlineData("en", English, false)]
    [InlineData("fr", English, false)]
    [InlineData("ko", Japanese, true)]
    [InlineData("zh", "这个页面是用中文写的，介绍了政府服务和申请方法，请仔细阅读以下内容。这个页面是用中文写的。", false)]
    [InlineData("en", "短い", false)]
    [InlineData("xx", Japanese, false)]
    public void Mismatch(string lang, string text, bool expected) =>
        Assert.Equal(expected, LanguageGuess.Mismatch(lang, text) is not null);

    [Fact]
    public void MixedPage_WithSomeEnglish_IsNotAMismatch() =>
        Assert.Null(LanguageGuess.Mismatch("ja", Japanese + " Contact us / Access / Sitemap / English " + Japanese));
}

public sealed class SecurityChecksTests
{
    private static readonly Uri Page = new("https://example.jp/a");

    private static readonly ResponseHeader[] Good =
    [
        new("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"),
        new("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "no-referrer"),
        new("Permissions-Policy", "camera=()"),
        new("Set-Cookie", "__Host-session=abc; Path=/; Secure; HttpOnly; SameSite=Strict"),
    ];

    private static string[] Ids(IEnumerable<ResponseHeader> headers, string url = "https://example.jp/a", TlsDetails? tls = null) =>
        SecurityChecks.Check(Page, new Uri(url), headers.ToList(), tls, new ScanThresholds(), DateTimeOffset.UtcNow)
            .Select(f => f.RuleId).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void EverythingRight_NoFindings() => Assert.Empty(Ids(Good));

    [Fact]
    public void NoHeadersOverHttp()
    {
        Assert.Equal(
            [ScannerRules.SecurityCsp, ScannerRules.SecurityFrameAncestors, ScannerRules.SecurityHttps, ScannerRules.SecurityPermissionsPolicy, ScannerRules.SecurityReferrerPolicy, ScannerRules.SecurityXContentTypeOptions],
            Ids([], "http://example.jp/a"));
    }

    [Theory]
    [InlineData("max-age=300; includeSubDomains", ScannerRules.SecurityHstsMaxAge)]
    [InlineData("max-age=63072000", ScannerRules.SecurityHstsSubdomains)]
    [InlineData("includeSubDomains", ScannerRules.SecurityHstsMaxAge)]
    public void WeakHsts(string hsts, string expected) =>
        Assert.Equal([expected], Ids(Good.Where(h => h.Name != "Strict-Transport-Security").Append(new ResponseHeader("Strict-Transport-Security", hsts))));

    [Theory]
    [InlineData("script-src 'self' 'unsafe-inline'; frame-ancestors 'none'", true)]
    [InlineData("default-src 'self' 'unsafe-inline'; frame-ancestors 'none'", true)]
    [InlineData("script-src 'self' 'unsafe-inline' 'nonce-abc'; frame-ancestors 'none'", false)]
    [InlineData("script-src 'self' 'unsafe-inline' 'strict-dynamic' 'sha256-xyz'; frame-ancestors 'none'", false)]
    [InlineData("default-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'", false)]
    public void CspUnsafeInline(string csp, bool reported) =>
        Assert.Equal(reported, Ids(Good.Where(h => h.Name != "Content-Security-Policy").Append(new ResponseHeader("Content-Security-Policy", csp))).Contains(ScannerRules.SecurityCspUnsafeInline));

    [Fact]
    public void XFrameOptions_StandsInForFrameAncestors()
    {
        var headers = Good.Where(h => h.Name != "Content-Security-Policy").Append(new ResponseHeader("Content-Security-Policy", "default-src 'self'")).ToList();

        Assert.Equal([ScannerRules.SecurityFrameAncestors], Ids(headers));
        Assert.Empty(Ids(headers.Append(new ResponseHeader("X-Frame-Options", "SAMEORIGIN"))));
    }

    [Fact]
    public void UnsafeUrlReferrerPolicy_IsReported() =>
        Assert.Equal([ScannerRules.SecurityReferrerPolicy], Ids(Good.Where(h => h.Name != "Referrer-Policy").Append(new ResponseHeader("Referrer-Policy", "unsafe-url"))));

    [Fact]
    public void Cookies_EachFlag_AndValuesAreNeverReported()
    {
        var headers = Good.Where(h => h.Name != "Set-Cookie").Append(new ResponseHeader("Set-Cookie", "JSESSIONID=secret-value; Path=/\ntheme=dark; Secure; SameSite=Lax")).ToList();

        var findings = SecurityChecks.Check(Page, Page, headers, null, new ScanThresholds(), DateTimeOffset.UtcNow);

        Assert.Equal(
            [ScannerRules.SecurityCookieHttpOnly, ScannerRules.SecurityCookieSameSite, ScannerRules.SecurityCookieSecure],
            findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(["cookie:JSESSIONID"], f.Nodes.Select(n => n.Selector)));
        Assert.DoesNotContain(findings.SelectMany(f => f.Nodes), n => n.Html.Contains("secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Tls_OldProtocolAndExpiry()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Equal([ScannerRules.SecurityTlsVersion], Ids(Good, tls: new TlsDetails("TLS 1.0", "CA", now.AddDays(200))));
        Assert.Equal([ScannerRules.SecurityCertificateExpiry], Ids(Good, tls: new TlsDetails("TLS 1.3", "CA", now.AddDays(10))));
        Assert.Empty(Ids(Good, tls: new TlsDetails("TLS 1.3", "CA", now.AddDays(90))));
        var expired = SecurityChecks.Check(Page, Page, Good, new TlsDetails("TLS 1.2", "CA", now.AddDays(-1)), new ScanThresholds(), now).Single();
        Assert.Equal(FindingImpact.Critical, expired.Impact);
    }
}

public sealed class PageChecksTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("width=device-width, initial-scale=1", false)]
    [InlineData("width=device-width,initial-scale=1,maximum-scale=5", false)]
    [InlineData("width=1024", true)]
    [InlineData("width=device-width, user-scalable=no", true)]
    [InlineData("width=device-width, maximum-scale=1", true)]
    public void Viewport(string? content, bool problem) => Assert.Equal(problem, PageChecks.ViewportProblem(content) is not null);

    [Fact]
    public void Hreflang_InvalidTagsAndMissingSelf()
    {
        var page = new Uri("https://example.jp/ja/");
        HreflangLink[] good = [new("ja", "https://example.jp/ja/"), new("en-GB", "https://example.jp/en/"), new("x-default", "https://example.jp/")];

        Assert.Empty(PageChecks.HreflangProblems(page, good));
        Assert.Empty(PageChecks.HreflangProblems(page, []));
        var problems = PageChecks.HreflangProblems(page, [new("english", "https://example.jp/en/")]);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Hreflang_NotReciprocal_IsFoundAcrossPages()
    {
        var ja = new PageResult { RequestedUrl = new Uri("https://example.jp/ja"), FinalUrl = new Uri("https://example.jp/ja") };
        var en = new PageResult { RequestedUrl = new Uri("https://example.jp/en"), FinalUrl = new Uri("https://example.jp/en") };
        HreflangLink[] jaLinks = [new("ja", "https://example.jp/ja"), new("en", "https://example.jp/en")];
        HreflangLink[] enLinks = [new("en", "https://example.jp/en")];

        var found = PageChecks.NonReciprocal([(ja, jaLinks), (en, enLinks)]).ToList();

        var (page, node) = Assert.Single(found);
        Assert.Same(ja, page);
        Assert.Contains("https://example.jp/en", node.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Performance_OverThresholdsOnly()
    {
        var page = new Uri("https://example.jp/");
        var timings = new PageTimings
        {
            TimeToFirstByte = TimeSpan.FromSeconds(0.2),
            FirstContentfulPaint = TimeSpan.FromSeconds(2),
            LargestContentfulPaint = TimeSpan.FromSeconds(3),
            CumulativeLayoutShift = 0.05,
        };

        var ids = PerformanceChecks.Check(page, timings, new ScanThresholds()).Select(f => f.RuleId);

        Assert.Equal([ScannerRules.PerformanceFcp, ScannerRules.PerformanceLcp], ids);
    }
}

public sealed class FindingsTests
{
    [Fact]
    public void EveryOwnRule_HasAnImpact_AndNoOtherIdIsListed() =>
        Assert.Equal(
            ScannerRules.All.Where(r => r.Category != RuleCategory.Accessibility).Select(r => r.Id).Order(StringComparer.Ordinal),
            Findings.OwnRuleIds.Order(StringComparer.Ordinal));

    [Fact]
    public void Fingerprint_IgnoresHostAndSelectorFormatting_ButNotPathRuleOrElement()
    {
        var a = Fingerprints.Compute("image-alt", new Uri("https://www.example.jp/a?x=1"), "main > img:nth-of-type(2)");

        Assert.Equal(a, Fingerprints.Compute("image-alt", new Uri("https://staging.example.jp/a?x=1"), "main>img:nth-of-type(2)"));
        Assert.Equal(a, Fingerprints.Compute("image-alt", new Uri("https://www.example.jp/a?x=1"), "  main  >  img:nth-of-type(2) "));
        Assert.NotEqual(a, Fingerprints.Compute("image-alt", new Uri("https://www.example.jp/b?x=1"), "main > img:nth-of-type(2)"));
        Assert.NotEqual(a, Fingerprints.Compute("link-name", new Uri("https://www.example.jp/a?x=1"), "main > img:nth-of-type(2)"));
        Assert.NotEqual(a, Fingerprints.Compute("image-alt", new Uri("https://www.example.jp/a?x=1"), "main > img:nth-of-type(3)"));
        Assert.Matches("^[0-9a-f]{32}$", a);
    }

    [Fact]
    public void NodeHtml_IsCutAt300Characters()
    {
        var finding = Findings.Create(ScannerRules.PageBrokenLink, new Uri("https://example.jp/"), "m", [new NodeSpec("a", "<a href=\"/x\">" + new string('y', 500) + "</a>")]);

        Assert.Equal(FindingNode.MaxHtmlLength, finding.Nodes.Single().Html.Length);
        Assert.EndsWith("…", finding.Nodes.Single().Html, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnRule_HasItsWcagAndJisCriteria_AndAHelpPage()
    {
        var finding = Findings.Create(ScannerRules.PageLang, new Uri("https://example.jp/"), "m");

        Assert.Equal(["3.1.1"], finding.Wcag);
        Assert.Equal(["7.3.1.1"], finding.Jis);
        Assert.Equal(RuleCategory.Page, finding.Category);
        Assert.EndsWith("docs/scanner-rules.md#page", finding.HelpUrl.AbsoluteUri, StringComparison.Ordinal);
    }
}

public sealed class AxeChecksTests
{
    [Fact]
    public void Parse_ViolationsAndIncomplete_WithCriteriaNodesAndUnknownIdsKept()
    {
        const string json = """
            {
              "version": "4.14.0",
              "violations": [
                { "id": "image-alt", "impact": "critical", "help": "Images must have alternative text", "helpUrl": "https://dequeuniversity.com/rules/axe/4.14/image-alt?application=axeAPI",
                  "tags": ["cat.text-alternatives", "wcag2a", "wcag111", "section508"],
                  "nodes": [ { "target": ["main > img"], "html": "<img src=\"a.png\">", "impact": "critical", "failureSummary": "Fix any of the following" },
                             { "target": [["#host", "img"]], "html": "<img>", "impact": "critical", "failureSummary": null } ] },
                { "id": "not-a-rule-we-know", "impact": "minor", "help": "x", "helpUrl": "https://example.jp/", "tags": [], "nodes": [] }
              ],
              "incomplete": [
                { "id": "color-contrast", "impact": null, "help": "Contrast", "helpUrl": "https://dequeuniversity.com/rules/axe/4.14/color-contrast",
                  "tags": ["wcag2aa", "wcag143"], "nodes": [ { "target": ["p"], "html": "<p>", "impact": "serious", "failureSummary": "Review" } ] }
              ]
            }
            """;

        var (version, findings) = AxeChecks.Parse(json, new Uri("https://example.jp/a"));

        Assert.Equal("4.14.0", version);
        Assert.Equal(3, findings.Count);
        var unknown = findings[1];
        Assert.Equal(("not-a-rule-we-know", true), (unknown.RuleId, unknown.Uncatalogued));
        var imageAlt = findings[0];
        Assert.Equal(("image-alt", FindingOutcome.Violation, FindingImpact.Critical), (imageAlt.RuleId, imageAlt.Outcome, imageAlt.Impact));
        Assert.Equal(["1.1.1"], imageAlt.Wcag);
        Assert.Equal(["7.1.1.1"], imageAlt.Jis);
        Assert.Equal(["main > img", "#host >>> img"], imageAlt.Nodes.Select(n => n.Selector));
        var contrast = findings[2];
        // A rule without impact takes its nodes' most severe one.
        Assert.Equal((FindingOutcome.NeedsReview, FindingImpact.Serious), (contrast.Outcome, contrast.Impact));
        Assert.Equal(["7.1.4.3"], contrast.Jis);
    }

    [Theory]
    [InlineData(RuleProfiles.Wcag2aa, "wcag2a wcag2aa wcag21a wcag21aa")]
    [InlineData(RuleProfiles.Wcag22aa, "wcag2a wcag2aa wcag21a wcag21aa wcag22aa")]
    [InlineData(RuleProfiles.Wcag2aa | RuleProfiles.Wcag22aa, "wcag2a wcag2aa wcag21a wcag21aa wcag22aa")]
    [InlineData(RuleProfiles.BestPractice, "best-practice")]
    [InlineData(RuleProfiles.Aaa, "wcag2aaa")]
    [InlineData(RuleProfiles.Wcag2aa | RuleProfiles.BestPractice, "wcag2a wcag2aa wcag21a wcag21aa best-practice")]
    public void Tags_OfProfiles_AreTheTagsOfAxeCore(RuleProfiles profiles, string expected)
    {
        Assert.Equal(expected.Split(' '), AxeChecks.Tags(profiles));
        Assert.Contains("axe.run", AxeChecks.Source, StringComparison.Ordinal);
    }
}
