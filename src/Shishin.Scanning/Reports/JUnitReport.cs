using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Reports;

/// <summary>
/// JUnit XML in the form Jenkins, GitLab and GitHub test views read: a <c>testsuite</c> per page (named by its URL)
/// and in it a <c>testcase</c> per rule, with a <c>failure</c> for a violation (its type is the impact) that lists
/// the selectors, HTML and details. The rules listed on every page are those that found something anywhere in the
/// scan, plus <c>page.navigation-error</c>: the scanner keeps no record of passes, so a passing test case means that
/// the rule found nothing on that page. A finding that needs review is a skipped test case; on a page that could not
/// be loaded, every rule but <c>page.navigation-error</c> is skipped. A page scanned in part has a skipped test case
/// <c>gap:KIND</c> for each part that is missing, says so in its <c>system-out</c>, and skips the rules that the
/// missing part would have checked instead of letting them pass. A journey's page (<c>--steps</c>) is named by its URL
/// and its step.
/// </summary>
public static class JUnitReport
{
    /// <summary>Writes <paramref name="result"/> as JUnit XML to <paramref name="output"/>, which is left open.</summary>
    /// <param name="result">The scan to report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScanResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ruleOrder = ScannerRules.All.Select((rule, index) => (rule.Id, index)).ToDictionary(x => x.Id, x => x.index, StringComparer.Ordinal);
        var rules = result.Pages
            .SelectMany(p => p.Findings.Select(f => f.RuleId))
            .Append(ScannerRules.PageNavigationError)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => ruleOrder.GetValueOrDefault(id, int.MaxValue))
            .ThenBy(id => id, StringComparer.Ordinal)
            .ToList();
        // The category of every rule that can have a test case, uncatalogued axe-core rules included.
        var categories = result.Pages
            .SelectMany(p => p.Findings)
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Category, StringComparer.Ordinal);
        var suites = result.Pages
            .OrderBy(p => p.RequestedUrl.AbsoluteUri, StringComparer.Ordinal)
            .Select(page => Suite(page, rules, categories))
            .ToList();

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "Shishin scan");
        xml.WriteAttributeString("time", Seconds(result.Duration));
        xml.WriteAttributeString("tests", Number(suites.Sum(s => s.Cases.Count)));
        xml.WriteAttributeString("failures", Number(suites.Sum(s => s.Failures)));
        xml.WriteAttributeString("errors", "0");
        foreach (var suite in suites)
        {
            WriteSuite(xml, suite, result);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static SuiteData Suite(PageResult page, List<string> rules, Dictionary<string, RuleCategory> categories)
    {
        var byRule = page.Findings.ToDictionary(f => f.RuleId, StringComparer.Ordinal);
        var cases = rules.Select(ruleId =>
        {
            if (byRule.TryGetValue(ruleId, out var finding))
            {
                return new CaseData(ruleId, finding, null);
            }

            if (ruleId == ScannerRules.PageNavigationError)
            {
                return new CaseData(ruleId, null, null);
            }

            if (page.Status == PageStatus.Failed)
            {
                return new CaseData(ruleId, null, "Not checked: the page could not be loaded.");
            }

            // A rule whose check a gap left out found nothing because it did not run: it must not pass.
            var category = ScannerRules.Find(ruleId)?.Category ?? categories.GetValueOrDefault(ruleId, RuleCategory.Accessibility);
            return page.Gaps.FirstOrDefault(gap => Leaves(gap.Kind, ruleId, category)) is { } missing
                ? new CaseData(ruleId, null, $"Not checked: {missing.Message}")
                : new CaseData(ruleId, null, null);
        }).ToList();

        // Each missing part is a test case of its own, skipped: CI test views list skipped tests with their text, so a
        // pipeline sees that the page was checked only in part and why. Skipped, not failed or in error: whether a scan
        // fails the build is decided by --fail-on, on violations alone, and a part that could not be checked is no
        // violation; a failure here would fail builds that the command's exit code passes.
        cases.AddRange(page.Gaps.Select(gap => new CaseData(
            "gap:" + JsonNamingPolicy.CamelCase.ConvertName(gap.Kind.ToString()),
            null,
            $"Scanned in part. Missing: {ReportText.English.GapKindName(gap.Kind)} ({ReportText.Japanese.GapKindName(gap.Kind)}): {gap.Message}")));
        return new SuiteData(page, cases);
    }

    /// <summary>Whether a gap of <paramref name="kind"/> leaves the check of a rule out entirely.</summary>
    private static bool Leaves(PageGapKind kind, string ruleId, RuleCategory category) => kind switch
    {
        PageGapKind.AccessibilityChecks => category == RuleCategory.Accessibility,
        // Every page and performance rule is checked on the probe's reading of the page (and its links on the links read).
        PageGapKind.PageChecks => category is RuleCategory.Page or RuleCategory.Performance,
        PageGapKind.LinkChecks => ruleId is ScannerRules.PageBrokenLink or ScannerRules.PageLinkUnverifiable,
        // Links beyond the limit and cut-off responses: the rules ran on what there was; the gap's own case says so.
        _ => false,
    };

    /// <summary>How a page is named in the report: its URL, and for a journey's page also its step.</summary>
    private static string Name(PageResult page) =>
        page.Step is { } step ? $"{page.RequestedUrl.AbsoluteUri} [step: {step}]" : page.RequestedUrl.AbsoluteUri;

    /// <summary>The gaps of a page scanned in part, in English and in Japanese, as the HTML report words them.</summary>
    private static string GapSummary(PageResult page)
    {
        var text = new StringBuilder();
        foreach (var words in new[] { ReportText.English, ReportText.Japanese })
        {
            text.Append(words.PartlyScanned).Append(words.Colon.TrimEnd()).Append('\n');
            foreach (var gap in page.Gaps)
            {
                text.Append("- ").Append(words.GapKindName(gap.Kind)).Append(words.Colon).Append(gap.Message).Append('\n');
            }
        }

        return text.ToString();
    }

    private static void WriteSuite(XmlWriter xml, SuiteData suite, ScanResult result)
    {
        var page = suite.Page;
        var url = Name(page);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(url));
        xml.WriteAttributeString("tests", Number(suite.Cases.Count));
        xml.WriteAttributeString("failures", Number(suite.Failures));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Number(suite.Skipped));
        xml.WriteAttributeString("time", Seconds(page.Duration));
        xml.WriteAttributeString("timestamp", page.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", Clean(page.RequestedUrl.Authority));

        xml.WriteStartElement("properties");
        Property(xml, "finalUrl", page.FinalUrl?.AbsoluteUri);
        Property(xml, "statusCode", page.StatusCode?.ToString(CultureInfo.InvariantCulture));
        Property(xml, "step", page.Step);
        Property(xml, "status", JsonNamingPolicy.CamelCase.ConvertName(page.Status.ToString()));
        Property(xml, "title", page.Title);
        Property(xml, "scanner", $"Shishin {result.ScannerVersion}");
        Property(xml, "axeCore", result.AxeVersion);
        Property(xml, "ruleProfiles", RuleProfileNames.Format(result.Options.ActiveRules));
        xml.WriteEndElement();

        foreach (var test in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", test.RuleId);
            xml.WriteAttributeString("classname", Clean(url));
            xml.WriteAttributeString("time", "0");
            if (test.Finding is { Outcome: FindingOutcome.NeedsReview } review)
            {
                xml.WriteElementString("skipped", Clean($"Needs review ({Lower(review.Impact)}): {review.Message}\n{Details(review)}"));
            }
            else if (test.Finding is { } violation)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", Lower(violation.Impact));
                xml.WriteAttributeString("message", Clean(violation.Message));
                xml.WriteString(Clean(Details(violation)));
                xml.WriteEndElement();
            }
            else if (test.SkipReason is { } reason)
            {
                xml.WriteElementString("skipped", reason);
            }

            xml.WriteEndElement();
        }

        if (page.Gaps.Count > 0)
        {
            xml.WriteElementString("system-out", Clean(GapSummary(page)));
        }

        if (page.Error is { } error)
        {
            xml.WriteElementString("system-err", Clean($"{error.Kind}: {error.Message}"));
        }

        xml.WriteEndElement();
    }

    private static string Details(Finding finding)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Rule: {finding.RuleId} ({Lower(finding.Impact)})\nHelp: {finding.HelpUrl.AbsoluteUri}\n");
        if (finding.Wcag.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"WCAG: {string.Join(", ", finding.Wcag)}\n");
        }

        if (finding.Jis.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"JIS X 8341-3: {string.Join(", ", finding.Jis)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Fingerprint: {finding.Fingerprint}\n");
        foreach (var node in finding.Nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{node.Selector}\n  {node.Html}\n");
            if (node.Frame is { } frame)
            {
                text.Append(CultureInfo.InvariantCulture, $"  In the frame: {frame.AbsoluteUri}\n");
            }

            if (!string.IsNullOrEmpty(node.Detail))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {node.Detail.ReplaceLineEndings("\n  ")}\n");
            }
        }

        return text.ToString();
    }

    private static void Property(XmlWriter xml, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    /// <summary>Drops characters that XML 1.0 cannot carry (control characters a page may contain).</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }

        return clean.ToString();
    }

    private static string Lower(FindingImpact impact) => impact.ToString().ToLowerInvariant();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private sealed record CaseData(string RuleId, Finding? Finding, string? SkipReason);

    private sealed record SuiteData(PageResult Page, List<CaseData> Cases)
    {
        public int Failures => Cases.Count(c => c.Finding is { Outcome: FindingOutcome.Violation });

        public int Skipped => Cases.Count(c => c.Finding is { Outcome: FindingOutcome.NeedsReview } || (c.Finding is null && c.SkipReason is not null));
    }
}
