using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Tests.Reports;

/// <summary>Issue 13, points 3, 4 and 7 in the reports: partial pages with their gaps, client-side hops, uncatalogued rules.</summary>
public sealed class PartialReportTests
{
    private static readonly Uri Url = new("https://www.example.jp/form");

    private static ScanResult Result() => new()
    {
        Options = new ScanOptions { StartUrls = [Url] },
        Pages =
        [
            new PageResult
            {
                RequestedUrl = Url,
                FinalUrl = new Uri("https://www.example.jp/form/step-1"),
                StatusCode = 200,
                RedirectChain = [new RedirectHop(Url, 200) { Kind = RedirectKind.Client }],
                Error = new PageError(PageErrorKind.CheckFailed, "axe-core did not run to the end on the page (tried twice; the last attempt did not finish within 30 s)."),
                Gaps =
                [
                    new PageGap(PageGapKind.AccessibilityChecks, "axe-core did not run to the end on the page (tried twice; the last attempt did not finish within 30 s)."),
                    new PageGap(PageGapKind.Links, "The page has 2,100 links; only the first 2,000 were followed and checked."),
                ],
                StartedAt = DateTimeOffset.UtcNow,
                Findings =
                [
                    new Finding
                    {
                        RuleId = "rule-of-a-newer-axe",
                        Category = RuleCategory.Accessibility,
                        Outcome = FindingOutcome.Violation,
                        Impact = FindingImpact.Serious,
                        Message = "A newer rule",
                        HelpUrl = new Uri("https://dequeuniversity.com/rules/axe/4.99/rule-of-a-newer-axe"),
                        Fingerprint = new string('c', 32),
                        Uncatalogued = true,
                    },
                ],
            },
        ],
        Skipped = [],
        BlockedRequests = [],
        ScannerVersion = "1.0.0",
        AxeVersion = "4.14.0",
        BrowserVersion = "1.0",
        UserAgent = "test",
        StartedAt = DateTimeOffset.UtcNow,
        Duration = TimeSpan.FromSeconds(3),
        Cancelled = false,
    };

    /// <summary>The report schema, built in a registry of its own: the other report tests register its $id too.</summary>
    private static JsonSchema Schema() => JsonSchema.FromText(JsonReport.Schema(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    [Fact]
    public void Json_PartialPage_CarriesStatusGapsClientHopsAndUncatalogued_AndValidates()
    {
        var json = ScanReport.ToText(Result(), ReportFormat.Json);
        var schema = Schema();

        Assert.True(schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid, json);
        var root = JsonNode.Parse(json)!;
        var page = root["pages"]![0]!;
        Assert.Equal("partial", page["status"]!.GetValue<string>());
        Assert.Equal(["accessibilityChecks", "links"], page["gaps"]!.AsArray().Select(g => g!["kind"]!.GetValue<string>()));
        Assert.Equal("client", page["redirectChain"]![0]!["kind"]!.GetValue<string>());
        Assert.True(page["findings"]![0]!["uncatalogued"]!.GetValue<bool>());
        Assert.Equal(1, root["summary"]!["partialPages"]!.GetValue<int>());
        Assert.Equal("checkFailed", page["error"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Json_ReportOfAnEarlierScanner_WithoutTheNewFields_StillValidates()
    {
        var root = JsonNode.Parse(ScanReport.ToText(Result(), ReportFormat.Json))!;
        var page = root["pages"]![0]!.AsObject();
        page.Remove("status");
        page.Remove("gaps");
        page["error"]!["kind"] = "budgetExceeded";
        page["redirectChain"]![0]!.AsObject().Remove("kind");
        page["findings"]![0]!.AsObject().Remove("uncatalogued");
        page["findings"]![0]!["ruleId"] = "image-alt";
        root["summary"]!.AsObject().Remove("partialPages");

        var evaluation = Schema().Evaluate(JsonDocument.Parse(root.ToJsonString()).RootElement);

        Assert.True(evaluation.IsValid);
    }

    [Fact]
    public void JUnit_PartialPage_HasASkippedCasePerGap_AndKeepsItsFindings_AndValidates()
    {
        var junit = ScanReport.ToText(Result(), ReportFormat.JUnit);

        var problems = ReportValidators.JenkinsXsdProblems(junit);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + junit);
        var suite = XDocument.Parse(junit).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToDictionary(c => (string)c.Attribute("name")!, StringComparer.Ordinal);
        Assert.Equal(["page.navigation-error", "rule-of-a-newer-axe", "gap:accessibilityChecks", "gap:links"], cases.Keys);
        // The page was loaded: what was found stays a failure, and nothing claims that the page could not be loaded.
        Assert.NotNull(cases["rule-of-a-newer-axe"].Element("failure"));
        Assert.DoesNotContain("could not be loaded", junit, StringComparison.Ordinal);
        Assert.Contains("only the first 2,000 were followed", cases["gap:links"].Element("skipped")!.Value, StringComparison.Ordinal);
        Assert.Equal("2", (string?)suite.Attribute("skipped"));
        Assert.Equal("0", (string?)suite.Attribute("errors"));
    }

    [Theory]
    [InlineData(ReportLanguage.English, "This page was scanned in part", "Accessibility checks (axe-core)", "An axe-core rule that is not in the scanner rule list")]
    [InlineData(ReportLanguage.Japanese, "このページは一部だけスキャンできました", "アクセシビリティの検査（axe-core）", "スキャナーのルール一覧にない axe-core のルール")]
    public void Html_PartialPage_SaysWhatIsMissing_InTheReportsLanguage(ReportLanguage language, string notice, string gap, string uncatalogued)
    {
        var html = ScanReport.ToText(Result(), ReportFormat.Html, language);

        Assert.Contains(notice, html, StringComparison.Ordinal);
        Assert.Contains(gap, html, StringComparison.Ordinal);
        Assert.Contains(uncatalogued, html, StringComparison.Ordinal);
        Assert.Contains("2,100 links", html, StringComparison.Ordinal);
    }
}
