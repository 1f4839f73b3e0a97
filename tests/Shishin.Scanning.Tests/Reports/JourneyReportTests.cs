using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Tests.Engine;
using Shishin.Scanning.Tests.Fixtures;
using Shishin.Scanning.Tests.Journeys;
using Xunit.Abstractions;

namespace Shishin.Scanning.Tests.Reports;

/// <summary>
/// Issue 13, points 3 and 6 in the reports for CI: a journey (<see cref="JourneyTests.BusyStepSteps"/>) whose second scan
/// step is scanned in part. Every format names each page's step, and JUnit and SARIF say what is missing and why.
/// </summary>
[Collection(ScannerTestGroup.Name)]
public sealed class JourneyReportTests(FixtureSite site, ITestOutputHelper output)
{
    private const string DefectStep = "Page with a defect";
    private const string BusyStep = "Busy page";

    /// <summary>The journey's scan, made once for all tests of this class and JourneyTests' test of the same journey.</summary>
    private async Task<ScanResult> ResultAsync()
    {
        var scanned = await JourneyTests.BusyJourneyAsync(site, output);

        // What the tests below rely on: a complete step with a violation, and a partial one without axe-core's checks.
        Assert.Equal([PageStatus.Complete, PageStatus.Partial], scanned.Pages.Select(p => p.Status));
        Assert.Contains(scanned.Pages[1].Gaps, g => g.Kind == PageGapKind.AccessibilityChecks);
        return scanned;
    }

    [Fact]
    public async Task JUnit_JourneyWithAPartialStep_NamesTheStepsAndSkipsWhatWasNotChecked_AndValidates()
    {
        var result = await ResultAsync();

        var junit = ScanReport.ToText(result, ReportFormat.JUnit);

        var problems = ReportValidators.JenkinsXsdProblems(junit);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + junit);
        var suites = XDocument.Parse(junit).Root!.Elements("testsuite").ToList();
        string Property(XElement suite, string name) => (string)suite.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == name).Attribute("value")!;
        XElement Case(XElement suite, string name) => suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == name);

        var defect = suites.Single(s => (string?)s.Attribute("name") == $"{site.Http("/defects/image-alt").AbsoluteUri} [step: {DefectStep}]");
        Assert.Equal(DefectStep, Property(defect, "step"));
        Assert.Equal("complete", Property(defect, "status"));
        Assert.NotNull(Case(defect, "image-alt").Element("failure"));
        Assert.Null(defect.Element("system-out"));

        var busy = suites.Single(s => (string?)s.Attribute("name") == $"{site.Http("/hostile/busy-after-load").AbsoluteUri} [step: {BusyStep}]");
        Assert.All(busy.Elements("testcase"), c => Assert.Equal((string?)busy.Attribute("name"), (string?)c.Attribute("classname")));
        Assert.Equal(BusyStep, Property(busy, "step"));
        Assert.Equal("partial", Property(busy, "status"));
        // axe-core never ran on the busy page: its rules are skipped there with the reason, not passed.
        var imageAlt = Case(busy, "image-alt");
        Assert.Empty(imageAlt.Elements("failure"));
        Assert.StartsWith("Not checked: axe-core did not run on the page: step 4 (scan \"Busy page\"", imageAlt.Element("skipped")?.Value, StringComparison.Ordinal);
        // Each missing part is a skipped test case of its own, in both languages; the suite's output lists them all.
        var gap = Case(busy, "gap:accessibilityChecks").Element("skipped")?.Value;
        Assert.StartsWith("Scanned in part. Missing: Accessibility checks (axe-core) (アクセシビリティの検査（axe-core）): axe-core did not run", gap, StringComparison.Ordinal);
        Assert.NotNull(Case(busy, "gap:pageChecks").Element("skipped"));
        var systemOut = busy.Element("system-out")!.Value;
        Assert.Contains("This page was scanned in part", systemOut, StringComparison.Ordinal);
        Assert.Contains("このページは一部だけスキャンできました", systemOut, StringComparison.Ordinal);
        Assert.Contains("- Reading and checking the page (title, language, links, speed): The page was not read", systemOut, StringComparison.Ordinal);
        // The response's checks ran before the page hung: they fail as they should.
        Assert.NotNull(Case(busy, "security.csp").Element("failure"));
        Assert.Equal(busy.Elements("testcase").Count(c => c.Element("skipped") is not null), int.Parse((string)busy.Attribute("skipped")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Sarif_JourneyWithAPartialStep_HasAWarningPerGapAndTheSteps_AndPassesTheMultitool()
    {
        var result = await ResultAsync();
        var folder = Directory.CreateTempSubdirectory("shishin-sarif-journey-");
        try
        {
            var report = Path.Combine(folder.FullName, "journey.sarif");
            await File.WriteAllTextAsync(report, ScanReport.ToText(result, ReportFormat.Sarif));

            var problems = await ReportValidators.SarifMultitoolAsync(report, output);
            Assert.All(problems, p => Assert.True(p.RuleId == "SARIF2017" && p.Level == "warning", $"{p.Level} {p.RuleId}: {p.Text}"));

            var run = JsonNode.Parse(await File.ReadAllTextAsync(report))!["runs"]![0]!;
            var invocation = run["invocations"]![0]!;
            Assert.True(invocation["executionSuccessful"]!.GetValue<bool>());
            var busyUrl = site.Http("/hostile/busy-after-load").AbsoluteUri;
            var gaps = invocation["toolExecutionNotifications"]!.AsArray()
                .Where(n => n!["properties"]?["status"]?.GetValue<string>() == "partial")
                .ToList();
            Assert.Equal(["pageChecks", "accessibilityChecks"], gaps.Select(n => n!["properties"]!["gap"]!.GetValue<string>()));
            Assert.All(gaps, n =>
            {
                Assert.Equal("warning", n!["level"]!.GetValue<string>());
                Assert.Equal(busyUrl, n["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
                Assert.Equal(BusyStep, n["properties"]!["step"]!.GetValue<string>());
                Assert.Equal("budgetExceeded", n["properties"]!["cause"]!.GetValue<string>());
                Assert.StartsWith($"{busyUrl} (step \"{BusyStep}\") was scanned in part; missing: ", n["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
            });
            Assert.Equal("アクセシビリティの検査（axe-core）", gaps[1]!["properties"]!["gapJa"]!.GetValue<string>());
            // A partial page is not one that could not be scanned: no error notification for it.
            Assert.DoesNotContain(invocation["toolExecutionNotifications"]!.AsArray(), n => n!["level"]!.GetValue<string>() == "error");

            // Every result names the step whose state of the page it was found in.
            var results = run["results"]!.AsArray();
            Assert.Equal(result.Pages.Sum(p => p.Findings.Count), results.Count);
            Assert.Contains(results, r => r!["ruleId"]!.GetValue<string>() == "image-alt" && r["properties"]!["step"]!.GetValue<string>() == DefectStep);
            Assert.All(
                results.Where(r => r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>() == busyUrl),
                r => Assert.Equal(BusyStep, r!["properties"]!["step"]!.GetValue<string>()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(ReportLanguage.English, "Step: ")]
    [InlineData(ReportLanguage.Japanese, "手順：")]
    public async Task Html_JourneyPages_AreListedWithTheirSteps(ReportLanguage language, string label)
    {
        var result = await ResultAsync();

        var html = ScanReport.ToText(result, ReportFormat.Html, language);

        // In the page list (under the URL) and in the heading of the page's findings.
        var busy = site.Http("/hostile/busy-after-load").AbsoluteUri;
        Assert.Contains($"{busy}</a><br />{label}{BusyStep}</th>", html, StringComparison.Ordinal);
        Assert.Contains($">{busy} — {label}{BusyStep}</h3>", html, StringComparison.Ordinal);
        Assert.Contains($">{site.Http("/defects/image-alt").AbsoluteUri} — {label}{DefectStep}</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_JourneyWithAPartialStep_CarriesTheStepsStatusAndGaps_AndValidates()
    {
        var result = await ResultAsync();

        var json = ScanReport.ToText(result, ReportFormat.Json);

        var schema = JsonSchema.FromText(JsonReport.Schema(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        Assert.True(schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid, json);
        var pages = JsonNode.Parse(json)!["pages"]!.AsArray();
        Assert.Equal([DefectStep, BusyStep], pages.Select(p => p!["step"]!.GetValue<string>()));
        Assert.Equal(["complete", "partial"], pages.Select(p => p!["status"]!.GetValue<string>()));
        Assert.Equal(["pageChecks", "accessibilityChecks"], pages[1]!["gaps"]!.AsArray().Select(g => g!["kind"]!.GetValue<string>()));
        Assert.Equal("budgetExceeded", pages[1]!["error"]!["kind"]!.GetValue<string>());
    }
}
