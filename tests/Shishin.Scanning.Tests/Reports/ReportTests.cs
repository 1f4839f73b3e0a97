using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Shishin.Scanning.Reports;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Tests.Engine;
using Shishin.Scanning.Tests.Fixtures;
using Xunit.Abstractions;

namespace Shishin.Scanning.Tests.Reports;

/// <summary>
/// One scan of the fixture site (planted defects, a page that is not HTML, a page whose requests are blocked), plus a
/// made-up page with hostile text, written in every format and checked against the formats' schemas.
/// </summary>
[Collection(ScannerTestGroup.Name)]
public sealed class ReportTests(FixtureSite site, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim ScanLock = new(1, 1);
    private static ScanResult? scanned;

    private static readonly string[] EnglishLabels = ["axe-core の原文（英語）：", "スキャナーの記録（英語）："];

    private static string SchemaFile(string name) => Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", name);

    /// <summary>The fixture scan, made once for all tests of this class; a made-up page is added for what the fixture cannot give.</summary>
    private async Task<ScanResult> ResultAsync()
    {
        await ScanLock.WaitAsync();
        try
        {
            if (scanned is null)
            {
                var options = site.Options(
                    site.Http("/defects/image-alt"),
                    site.Http("/defects/broken-link"),
                    site.Http("/defects/no-headers"),
                    site.Http("/defects/lang-mismatch"),
                    site.Http("/hostile/not-html"),
                    site.Http("/ssrf/subresources")) with
                {
                    MaxDepth = 0,
                    ReadSitemaps = false,
                    // axe-core's texts in Japanese, as `shishin scan --lang ja` runs it.
                    Language = ReportLanguage.Japanese,
                };
                var result = await ScanTestSupport.ScanAsync(options);
                ScanTestSupport.Describe(result, output);
                scanned = result with { Pages = [.. result.Pages, HostilePage(site)] };
            }

            return scanned;
        }
        finally
        {
            ScanLock.Release();
        }
    }

    private static readonly Uri MadeUpFrame = new("https://frame.example.jp/embed?a=<b>&c=\"d\"");

    /// <summary>A page whose texts try to break out of every format: markup, control characters, emoji, quotes.</summary>
    private static PageResult HostilePage(FixtureSite site)
    {
        var url = site.Http("/made-up?q=<b>&x=\"1\"");
        return new PageResult
        {
            RequestedUrl = url,
            FinalUrl = url,
            StatusCode = 200,
            Title = "</title><script>alert(1)</script> \u0001 控え 😀",
            Lang = "ja",
            StartedAt = DateTimeOffset.UtcNow,
            Duration = TimeSpan.FromSeconds(1.5),
            Findings =
            [
                new Finding
                {
                    RuleId = "color-contrast",
                    Category = RuleCategory.Accessibility,
                    Outcome = FindingOutcome.NeedsReview,
                    Impact = FindingImpact.Serious,
                    Message = "Elements must meet minimum color contrast ratio thresholds \u0007 ]]> --> \"quoted\"",
                    HelpUrl = new Uri("https://dequeuniversity.com/rules/axe/4.14/color-contrast"),
                    Wcag = ["1.4.3"],
                    Jis = ["7.1.4.3"],
                    Fingerprint = new string('a', 32),
                    Nodes =
                    [
                        new FindingNode("div > p:nth-child(2)", "<p style=\"color:#777\"></pre><script>alert('x')</script>😀\u0000</p>", "Background image: needs review\nsecond line", new string('b', 32)),
                        // A node inside a frame names the frame's document.
                        new FindingNode("#map >>> p", "<p>In a frame</p>", null, new string('c', 32)) { Frame = MadeUpFrame },
                    ],
                },
            ],
        };
    }

    [Fact]
    public async Task Sarif_ValidatesAgainstTheSarif210Schema_AndLocatesFindingsByUrlAndSelector()
    {
        var result = await ResultAsync();
        var sarif = ScanReport.ToText(result, ReportFormat.Sarif);

        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(SchemaFile("sarif-schema-2.1.0.json")));
        AssertValid(schema, sarif);
        // The schema reaches into its definitions: a level SARIF does not know, deep inside a result, is caught.
        using (var broken = JsonDocument.Parse(sarif.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal)))
        {
            Assert.False(schema.Evaluate(broken.RootElement).IsValid);
        }

        using var document = JsonDocument.Parse(sarif);
        var run = document.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("Shishin", driver.GetProperty("name").GetString());
        Assert.Equal(ScannerInfo.InfoUrl.AbsoluteUri, driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var imageAltRule = rules.Single(r => r.GetProperty("id").GetString() == "image-alt");
        Assert.StartsWith("https://dequeuniversity.com/rules/axe/4.14/image-alt", imageAltRule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.Contains("WCAG 1.1.1", imageAltRule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(ScannerRules.Find("image-alt")!.Description, imageAltRule.GetProperty("shortDescription").GetProperty("text").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(result.Pages.Sum(p => p.Findings.Count), results.Count);
        var imageAlt = results.Single(r => r.GetProperty("ruleId").GetString() == "image-alt");
        Assert.Equal("error", imageAlt.GetProperty("level").GetString());
        Assert.Equal(rules.IndexOf(imageAltRule), imageAlt.GetProperty("ruleIndex").GetInt32());
        var location = imageAlt.GetProperty("locations")[0];
        Assert.Equal(site.Http("/defects/image-alt").AbsoluteUri, location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("img", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("element", location.GetProperty("logicalLocations")[0].GetProperty("kind").GetString());
        var finding = result.Pages.SelectMany(p => p.Findings).Single(f => f.RuleId == "image-alt");
        Assert.Equal(finding.Fingerprint, imageAlt.GetProperty("partialFingerprints").GetProperty(SarifReport.FingerprintKey).GetString());

        // Levels: serious error, moderate warning, minor note, needs review note.
        string LevelOf(string ruleId) => results.First(r => r.GetProperty("ruleId").GetString() == ruleId).GetProperty("level").GetString()!;
        Assert.Equal("error", LevelOf("security.https"));
        Assert.Equal("warning", LevelOf("security.csp"));
        Assert.Equal("note", LevelOf("security.referrer-policy"));
        Assert.Equal("note", LevelOf("color-contrast"));
        Assert.Equal("resource", results.First(r => r.GetProperty("ruleId").GetString() == "security.cookie-httponly")
            .GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("kind").GetString());

        // The page that is not HTML and the blocked requests are notifications too.
        var notifications = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        Assert.Contains(notifications, n => n.GetProperty("associatedRule").GetProperty("id").GetString() == "page.navigation-error"
            && n.GetProperty("message").GetProperty("text").GetString()!.Contains("/hostile/not-html", StringComparison.Ordinal));
        Assert.Equal(result.BlockedRequests.Count, notifications.Count(n => n.GetProperty("associatedRule").GetProperty("id").GetString() == "security.blocked-request"));
        Assert.NotEmpty(result.BlockedRequests);
    }

    [Fact]
    public async Task Sarif_PassesTheSarifMultitoolsValidate_WithOnlyTheNoRegionWarning()
    {
        var result = await ResultAsync();
        var folder = Directory.CreateTempSubdirectory("shishin-sarif-");
        try
        {
            var report = Path.Combine(folder.FullName, "scan.sarif");
            await File.WriteAllTextAsync(report, ScanReport.ToText(result, ReportFormat.Sarif));

            // The multitool applies Microsoft's SARIF rules beyond the schema (index references, URIs, messages...).
            // Only SARIF2017 may remain: a result located in a web page has no line or column to give as a region.
            var problems = await MultitoolValidateAsync(report);
            Assert.NotEmpty(problems);
            Assert.All(problems, p => Assert.True(p.RuleId == "SARIF2017" && p.Level == "warning", $"{p.Level} {p.RuleId}: {p.Text}"));

            // The tool does catch what is wrong: a result that names a rule index the run does not have.
            var broken = JsonNode.Parse(await File.ReadAllTextAsync(report))!;
            broken["runs"]![0]!["results"]![0]!["ruleIndex"] = 9999;
            var brokenReport = Path.Combine(folder.FullName, "broken.sarif");
            await File.WriteAllTextAsync(brokenReport, broken.ToJsonString());
            Assert.Contains(await MultitoolValidateAsync(brokenReport), p => p.RuleId == "SARIF1009" && p.Level == "error");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private Task<List<(string RuleId, string Level, string Text)>> MultitoolValidateAsync(string sarifFile) => ReportValidators.SarifMultitoolAsync(sarifFile, output);

    [Fact]
    public async Task JUnit_ValidatesAgainstTheJenkinsXsd_WithASuitePerPageAndAFailurePerViolation()
    {
        var result = await ResultAsync();
        var junit = ScanReport.ToText(result, ReportFormat.JUnit);

        var problems = ReportValidators.JenkinsXsdProblems(junit);

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + junit);

        var document = XDocument.Parse(junit);
        var suites = document.Root!.Elements("testsuite").ToList();
        Assert.Equal(result.Pages.Count, suites.Count);
        var imageAltSuite = suites.Single(s => (string?)s.Attribute("name") == site.Http("/defects/image-alt").AbsoluteUri);
        var failure = imageAltSuite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "image-alt").Element("failure");
        Assert.NotNull(failure);
        Assert.Equal("critical", (string?)failure.Attribute("type"));
        Assert.Contains("<img src=\"/img/photo.png\"", failure.Value, StringComparison.Ordinal);
        // The same rules on every page: image-alt passes where it found nothing.
        var otherPage = suites.Single(s => (string?)s.Attribute("name") == site.Http("/defects/broken-link").AbsoluteUri);
        var passing = otherPage.Elements("testcase").Single(c => (string?)c.Attribute("name") == "image-alt");
        Assert.False(passing.HasElements);
        var notHtml = suites.Single(s => ((string?)s.Attribute("name"))!.EndsWith("/hostile/not-html", StringComparison.Ordinal));
        Assert.NotNull(notHtml.Elements("testcase").Single(c => (string?)c.Attribute("name") == "page.navigation-error").Element("failure"));
        Assert.NotNull(notHtml.Elements("testcase").Single(c => (string?)c.Attribute("name") == "image-alt").Element("skipped"));
        var violations = result.Pages.Sum(p => p.Findings.Count(f => f.Outcome == FindingOutcome.Violation));
        Assert.Equal(violations, int.Parse((string)document.Root.Attribute("failures")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Json_ValidatesAgainstThePublishedSchema_AndCarriesEveryFinding()
    {
        var result = await ResultAsync();
        var json = ScanReport.ToText(result, ReportFormat.Json);

        Assert.Equal(await File.ReadAllTextAsync(RepositoryFile("docs", "schemas", "scan-report.schema.json")), JsonReport.Schema());
        var schema = JsonSchema.FromText(JsonReport.Schema());
        AssertValid(schema, json);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(JsonReport.SchemaId.AbsoluteUri, root.GetProperty("$schema").GetString());
        Assert.Equal(JsonReport.ReportVersion, root.GetProperty("reportVersion").GetInt32());
        var summary = ScanSummary.From(result);
        Assert.Equal(summary.Violations.Critical, root.GetProperty("summary").GetProperty("violations").GetProperty("critical").GetInt32());
        Assert.Equal(summary.NeedsReview, root.GetProperty("summary").GetProperty("needsReview").GetInt32());
        Assert.True(summary.NeedsReview >= 1);
        var page = root.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("requestedUrl").GetString() == site.Http("/defects/image-alt").AbsoluteUri);
        var imageAlt = page.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "image-alt");
        Assert.Equal("critical", imageAlt.GetProperty("impact").GetString());
        Assert.Equal("violation", imageAlt.GetProperty("outcome").GetString());
        Assert.Equal("img", imageAlt.GetProperty("nodes")[0].GetProperty("selector").GetString());
        Assert.Equal("notHtml", root.GetProperty("pages").EnumerateArray().Single(p => p.TryGetProperty("error", out _)).GetProperty("error").GetProperty("kind").GetString());
        var made = root.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("requestedUrl").GetString()!.Contains("/made-up", StringComparison.Ordinal));
        Assert.Equal(HostilePage(site).Title, made.GetProperty("title").GetString());
        var framed = made.GetProperty("findings")[0].GetProperty("nodes").EnumerateArray().Select(n => n.TryGetProperty("frame", out var frame) ? frame.GetString() : null);
        Assert.Equal([null, MadeUpFrame.AbsoluteUri], framed);
        Assert.Contains("控え", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_InBothLanguages_IsWellFormed_EscapesThePage_AndNamesEveryRule()
    {
        var result = await ResultAsync();
        var ruleIds = result.Pages.SelectMany(p => p.Findings).Select(f => f.RuleId).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("image-alt", ruleIds);
        Assert.Contains("page.broken-link", ruleIds);
        Assert.Contains("security.csp", ruleIds);

        foreach (var (language, lang, heading, description) in new[]
        {
            (ReportLanguage.Japanese, "ja", "ページごとの指摘", ScannerRules.Find("image-alt")!.DescriptionJa),
            (ReportLanguage.English, "en", "Findings by page", ScannerRules.Find("image-alt")!.Description),
        })
        {
            var html = ScanReport.ToText(result, ReportFormat.Html, language);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

            // Well-formed as XML too, so it parses without an HTML parser.
            var document = XDocument.Parse(html[html.IndexOf("<html", StringComparison.Ordinal)..]);
            var root = document.Root!;
            Assert.Equal(lang, (string?)root.Attribute("lang"));
            var text = root.Value;
            Assert.All(ruleIds, id => Assert.Contains(id, text, StringComparison.Ordinal));
            Assert.Contains(heading, root.Descendants("h2").Select(h => h.Value));
            Assert.Contains(description, text, StringComparison.Ordinal);
            Assert.Contains("<p style=\"color:#777\"></pre><script>alert('x')</script>😀", text, StringComparison.Ordinal);
            Assert.Contains("</title><script>alert(1)</script>", text, StringComparison.Ordinal);

            var tables = root.Descendants("table").ToList();
            Assert.NotEmpty(tables);
            Assert.All(tables, t => Assert.NotNull(t.Element("caption")));
            Assert.All(root.Descendants("th"), th => Assert.NotNull(th.Attribute("scope")));
            var levels = root.Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3").Select(e => e.Name.LocalName[1] - '0').ToList();
            Assert.Equal(1, levels[0]);
            Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, "A heading level is skipped."));
            Assert.Contains(root.Descendants("h3"), h => h.Value == site.Http("/hostile/not-html").AbsoluteUri);
        }
    }

    [Fact]
    public async Task Html_Japanese_LeadsWithFindings_AndLeavesNoUnlabelledEnglish()
    {
        var result = await ResultAsync();

        var html = ScanReport.ToText(result, ReportFormat.Html, ReportLanguage.Japanese);

        var root = XDocument.Parse(html[html.IndexOf("<html", StringComparison.Ordinal)..]).Root!;
        var sections = root.Descendants("main").Single().Elements("section").Select(s => (string?)s.Attribute("aria-labelledby")).ToList();
        Assert.Equal(["summary", "findings", "pages", "page-errors", "blocked", "conditions"], sections);
        Assert.Equal(["header", "div", "footer"], root.Element("body")!.Elements().Select(e => e.Name.LocalName));
        Assert.NotNull(root.Descendants("nav").SingleOrDefault());
        Assert.Contains("--color-link: #00118f", html, StringComparison.Ordinal);

        // English words left in the Japanese edition: each run of three or more must be marked lang="en" (and labelled
        // as the scanner's or axe-core's original) or be code, a selector, HTML or a URL.
        var english = new System.Text.RegularExpressions.Regex("[A-Za-z]{2,}(?:[ ,'’]+[A-Za-z]{2,}){2,}");
        var unlabelled = root.DescendantNodes().OfType<XText>()
            .Where(t => english.IsMatch(t.Value))
            .Where(t => !t.Ancestors().Any(a => a.Name.LocalName is "code" or "pre" or "style" or "title" || (string?)a.Attribute("lang") is "en"))
            .Where(t => t.Parent?.Name.LocalName != "a" || !t.Value.StartsWith("http", StringComparison.Ordinal))
            .Select(t => $"<{t.Parent?.Name.LocalName}> {t.Value}")
            .ToList();
        Assert.True(unlabelled.Count == 0, string.Join("\n", unlabelled));
        Assert.All(
            root.Descendants("span").Where(s => (string?)s.Attribute("lang") == "en"),
            s => Assert.Contains(s.ElementsBeforeSelf("span").LastOrDefault()?.Value ?? "", EnglishLabels));
        // axe-core's own texts came from its Japanese locale, so its findings need no label.
        var imageAlt = result.Pages.SelectMany(p => p.Findings).First(f => f.RuleId == "image-alt");
        Assert.True(HtmlReport.LooksJapanese(imageAlt.Message), imageAlt.Message);
        Assert.Contains(ScannerRules.Find(ScannerRules.PageBrokenLink)!.DescriptionJa, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_PassesTheScannersOwnAccessibilityChecks()
    {
        var result = await ResultAsync();
        var html = ScanReport.ToText(result, ReportFormat.Html, ReportLanguage.Japanese);
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapGet("/report.html", () => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8));
        await app.StartAsync();

        var url = new Uri($"http://127.0.0.1:{port}/report.html");
        var options = site.Options(url) with
        {
            AllowedEndpoints = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { $"127.0.0.1:{port}" },
            MaxDepth = 0,
            ReadSitemaps = false,
            CheckLinks = false,
        };
        var check = await ScanTestSupport.ScanAsync(options);
        ScanTestSupport.Describe(check, output);

        var page = Assert.Single(check.Pages);
        Assert.Null(page.Error);
        Assert.DoesNotContain(page.Findings, f => f.Category == RuleCategory.Accessibility);
        Assert.DoesNotContain(page.Findings, f => f.RuleId is "page.lang" or "page.lang-mismatch" or "page.title" or "page.viewport");
    }

    private static void AssertValid(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (evaluation.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
            .ToList();
        Assert.True(evaluation.IsValid, string.Join("\n", errors.Take(30)));
    }

    private static string RepositoryFile(params string[] parts) => ReportValidators.RepositoryFile(parts);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
