using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Tests.Reports;

/// <summary>Every report format records the rule profiles a scan ran, so a rule that found nothing can be told from one that never ran.</summary>
public sealed class RuleProfileReportTests
{
    private static ScanResult Result(RuleProfiles rules, bool wcag22 = false) => new()
    {
        Options = new ScanOptions { StartUrls = [new Uri("https://www.example.jp/")], Rules = rules, Wcag22 = wcag22 },
        Pages = [],
        Skipped = [],
        BlockedRequests = [],
        ScannerVersion = "1.0.0",
        AxeVersion = ScannerRules.AxeCoreVersion,
        BrowserVersion = "140.0",
        UserAgent = "Mozilla/5.0 Shishin/1.0.0",
        StartedAt = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero),
        Duration = TimeSpan.FromSeconds(1),
        Cancelled = false,
    };

    /// <summary>The report's schema in a registry of its own: the global one refuses a second schema with the same $id.</summary>
    private static JsonSchema Schema() => JsonSchema.FromText(JsonReport.Schema(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    [Theory]
    [InlineData(ScanOptions.PlatformRules, false, new[] { "wcag22aa", "best-practice" }, true)]
    [InlineData(RuleProfiles.Wcag2aa, false, new[] { "wcag2aa" }, false)]
    [InlineData(RuleProfiles.Aaa | RuleProfiles.Wcag2aa, true, new[] { "wcag2aa", "wcag22aa", "aaa" }, true)]
    public void Json_RecordsTheProfilesThatRan_AndFollowsTheSchema(RuleProfiles rules, bool wcag22, string[] expected, bool expectedWcag22)
    {
        var json = ScanReport.ToText(Result(rules, wcag22), ReportFormat.Json);

        using var document = JsonDocument.Parse(json);
        var evaluation = Schema().Evaluate(document.RootElement);
        Assert.True(evaluation.IsValid, json);
        var options = document.RootElement.GetProperty("options");
        Assert.Equal(expected, options.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(expectedWcag22, options.GetProperty("wcag22").GetBoolean());
    }

    [Fact]
    public void Json_WithAnUnknownProfileName_FailsTheSchema()
    {
        var json = ScanReport.ToText(Result(RuleProfiles.Wcag2aa), ReportFormat.Json).Replace("\"wcag2aa\"", "\"wcag2aaa\"", StringComparison.Ordinal);

        using var document = JsonDocument.Parse(json);
        Assert.False(Schema().Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Sarif_RecordsTheProfilesInTheRunsProperties()
    {
        using var document = JsonDocument.Parse(ScanReport.ToText(Result(RuleProfiles.Wcag2aa | RuleProfiles.BestPractice), ReportFormat.Sarif));

        var profiles = document.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("ruleProfiles");
        Assert.Equal(["wcag2aa", "best-practice"], profiles.EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void JUnit_RecordsTheProfilesAsAPropertyOfEverySuite()
    {
        var result = Result(RuleProfiles.Aaa, wcag22: true) with
        {
            Pages = [new PageResult { RequestedUrl = new Uri("https://www.example.jp/"), StatusCode = 200, StartedAt = DateTimeOffset.UnixEpoch, Duration = TimeSpan.FromSeconds(1), Findings = [] }],
        };

        var suite = XDocument.Parse(ScanReport.ToText(result, ReportFormat.JUnit)).Root!.Element("testsuite")!;

        var property = suite.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == "ruleProfiles");
        Assert.Equal("wcag22aa,aaa", (string?)property.Attribute("value"));
    }

    [Theory]
    [InlineData(ReportLanguage.English, "WCAG 2.1 level A and AA (axe-core, wcag2aa)", "axe-core's best practices (best-practice)", "WCAG level AAA (axe-core, aaa)")]
    [InlineData(ReportLanguage.Japanese, "WCAG 2.1 レベル A・AA（axe-core、wcag2aa）", "axe-core のベストプラクティス（best-practice）", "WCAG レベル AAA（axe-core、aaa）")]
    public void Html_NamesEveryProfileInTheScanConditions(ReportLanguage language, string wcag, string bestPractice, string aaa)
    {
        var all = ScanReport.ToText(Result(RuleProfiles.Wcag2aa | RuleProfiles.BestPractice | RuleProfiles.Aaa), ReportFormat.Html, language);
        var wcagOnly = ScanReport.ToText(Result(RuleProfiles.Wcag2aa), ReportFormat.Html, language);

        Assert.Contains($"<dd>{wcag}<br />{E(bestPractice)}<br />{aaa}</dd>", all, StringComparison.Ordinal);
        Assert.Contains($"<dd>{wcag}</dd>", wcagOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(E(bestPractice), wcagOnly, StringComparison.Ordinal);

        static string E(string text) => text.Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
