using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Reports;

/// <summary>
/// SARIF 2.1.0 (OASIS), for code-scanning views and SARIF tools. One run; <c>tool.driver</c> is Shishin with the
/// rules that have results (id, short description in English, the Japanese one in <c>properties</c>, help URI and
/// tags for category, WCAG and JIS criteria); axe-core is named as an extension. Each finding is one result, located
/// by the page URL (<c>artifactLocation.uri</c>) and, per element, the CSS selector as a logical location of kind
/// <c>element</c> (<c>resource</c> for headers, cookies and requests), with selector, HTML and node fingerprint in
/// the location's properties. Levels: critical and serious violations are errors,
/// moderate ones warnings, minor ones and findings that need review notes. <c>partialFingerprints</c> carries the
/// finding's fingerprint. Page errors and blocked requests also appear as tool execution notifications, and so does
/// each part missing from a page scanned in part (a warning located at the page; the run stays successful). A
/// journey's page (<c>--steps</c>) carries its step in the result's properties and in its notifications.
/// </summary>
public static partial class SarifReport
{
    /// <summary>The schema URI written as <c>$schema</c>: the OASIS SARIF 2.1.0 schema, errata 01.</summary>
    public static Uri SchemaUri { get; } = new("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");

    /// <summary>The key of Shishin's fingerprint in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "shishinFingerprint/v1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="result"/> as SARIF to <paramref name="output"/>, which is left open.</summary>
    /// <param name="result">The scan to report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScanResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Log(result).WriteTo(writer);
    }

    /// <summary>The SARIF level of a finding: error, warning or note.</summary>
    /// <param name="finding">The finding.</param>
    public static string Level(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Outcome == FindingOutcome.NeedsReview
            ? "note"
            : finding.Impact switch
            {
                FindingImpact.Critical or FindingImpact.Serious => "error",
                FindingImpact.Moderate => "warning",
                _ => "note",
            };
    }

    private static JsonObject Log(ScanResult result)
    {
        var findings = result.Pages.SelectMany(p => p.Findings.Select(f => (Page: p, Finding: f))).ToList();
        // Rules in the order of ScannerRules.All, so that the same scan always gives the same indexes.
        var ruleOrder = ScannerRules.All.Select((rule, index) => (rule.Id, index)).ToDictionary(x => x.Id, x => x.index, StringComparer.Ordinal);
        var usedRules = findings
            .GroupBy(x => x.Finding.RuleId, StringComparer.Ordinal)
            .Select(g => g.First().Finding)
            .OrderBy(f => ruleOrder.GetValueOrDefault(f.RuleId, int.MaxValue))
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = usedRules.Select((f, i) => (f.RuleId, i)).ToDictionary(x => x.RuleId, x => x.i, StringComparer.Ordinal);

        var driver = new JsonObject
        {
            ["name"] = "Shishin",
            ["version"] = result.ScannerVersion,
            ["semanticVersion"] = result.ScannerVersion,
            ["informationUri"] = ScannerInfo.InfoUrl.AbsoluteUri,
            ["rules"] = new JsonArray([.. usedRules.Select(Rule)]),
        };
        var tool = new JsonObject { ["driver"] = driver };
        if (result.AxeVersion.Length > 0)
        {
            tool["extensions"] = new JsonArray(new JsonObject
            {
                ["name"] = "axe-core",
                ["version"] = result.AxeVersion,
                ["informationUri"] = "https://github.com/dequelabs/axe-core",
            });
        }

        var run = new JsonObject
        {
            ["tool"] = tool,
            ["invocations"] = new JsonArray(Invocation(result, ruleIndex)),
            ["results"] = new JsonArray([.. findings.Select(x => Result(x.Page, x.Finding, ruleIndex[x.Finding.RuleId]))]),
            ["properties"] = new JsonObject
            {
                ["browserVersion"] = result.BrowserVersion,
                ["userAgent"] = result.UserAgent,
                ["pages"] = result.Pages.Count,
                ["cancelled"] = result.Cancelled,
                // Which axe-core rules ran: a rule of another profile found nothing because it never ran.
                ["ruleProfiles"] = new JsonArray([.. RuleProfileNames.Of(result.Options.ActiveRules).Select(n => JsonValue.Create(n))]),
            },
        };

        return new JsonObject
        {
            ["$schema"] = SchemaUri.AbsoluteUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
    }

    private static JsonObject Rule(Finding example)
    {
        var rule = ScannerRules.Find(example.RuleId);
        var tags = new List<string> { example.Category.ToString().ToLowerInvariant() };
        tags.AddRange(example.Wcag.Select(c => "WCAG " + c));
        tags.AddRange(example.Jis.Select(c => "JIS X 8341-3 " + c));
        var properties = new JsonObject { ["tags"] = new JsonArray([.. tags.Distinct(StringComparer.Ordinal).Select(t => (JsonNode)t)]) };
        if (rule is not null)
        {
            properties["descriptionJa"] = rule.DescriptionJa;
        }

        return new JsonObject
        {
            ["id"] = example.RuleId,
            ["shortDescription"] = new JsonObject { ["text"] = rule?.Description ?? example.Message },
            ["helpUri"] = example.HelpUrl.AbsoluteUri,
            ["properties"] = properties,
        };
    }

    private static JsonObject Result(PageResult page, Finding finding, int ruleIndex)
    {
        var pageUri = page.RequestedUrl.AbsoluteUri;
        var locations = finding.Nodes.Count == 0
            ? new JsonArray(new JsonObject { ["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = pageUri } } })
            : new JsonArray([.. finding.Nodes.Select(node => (JsonNode)NodeLocation(pageUri, node))]);
        var properties = new JsonObject
        {
            ["category"] = finding.Category.ToString().ToLowerInvariant(),
            ["outcome"] = JsonNamingPolicy.CamelCase.ConvertName(finding.Outcome.ToString()),
            ["impact"] = finding.Impact.ToString().ToLowerInvariant(),
            ["wcag"] = new JsonArray([.. finding.Wcag.Select(c => (JsonNode)c)]),
            ["jis"] = new JsonArray([.. finding.Jis.Select(c => (JsonNode)c)]),
        };
        if (page.Step is { } step)
        {
            // The same URL may be scanned at several steps of a journey: the step says which state of it this is.
            properties["step"] = step;
        }

        return new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding),
            ["message"] = new JsonObject { ["text"] = finding.Message },
            ["locations"] = locations,
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint },
            ["properties"] = properties,
        };
    }

    /// <summary>A page as notifications name it: its URL, and for a journey's page also its step.</summary>
    private static string Name(PageResult page) =>
        page.Step is { } step ? $"{page.RequestedUrl.AbsoluteUri} (step \"{step}\")" : page.RequestedUrl.AbsoluteUri;

    private static JsonArray PageLocation(PageResult page) =>
        new(new JsonObject { ["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = page.RequestedUrl.AbsoluteUri } } });

    private static JsonObject NodeLocation(string pageUri, FindingNode node)
    {
        // No region: a page in the browser has no line numbers to point at, and SARIF requires a region to have
        // some (SARIF1007). The element's HTML travels in the location's properties instead.
        var properties = new JsonObject { ["selector"] = node.Selector, ["fingerprint"] = node.Fingerprint };
        if (node.Html.Length > 0)
        {
            properties["html"] = node.Html;
        }

        if (node.Frame is { } frame)
        {
            properties["frame"] = frame.AbsoluteUri;
        }

        var location = new JsonObject
        {
            ["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = pageUri } },
            ["logicalLocations"] = new JsonArray(new JsonObject
            {
                ["fullyQualifiedName"] = node.Selector,
                // header:…, cookie:…, request:… and redirect:… name things outside the DOM.
                ["kind"] = Locator().IsMatch(node.Selector) ? "resource" : "element",
            }),
            ["properties"] = properties,
        };
        if (!string.IsNullOrEmpty(node.Detail))
        {
            location["message"] = new JsonObject { ["text"] = node.Detail };
        }

        return location;
    }

    private static JsonObject Invocation(ScanResult result, Dictionary<string, int> ruleIndex)
    {
        var notifications = new JsonArray();
        foreach (var page in result.Pages.Where(p => p.Status == PageStatus.Failed && p.Error is not null))
        {
            var properties = new JsonObject { ["kind"] = JsonNamingPolicy.CamelCase.ConvertName(page.Error!.Kind.ToString()) };
            if (page.Step is { } step)
            {
                properties["step"] = step;
            }

            notifications.Add(new JsonObject
            {
                ["level"] = "error",
                ["message"] = new JsonObject { ["text"] = $"{Name(page)} could not be scanned ({page.Error.Kind}): {page.Error.Message}" },
                ["locations"] = PageLocation(page),
                ["associatedRule"] = RuleReference(ScannerRules.PageNavigationError, ruleIndex),
                ["properties"] = properties,
            });
        }

        // A page scanned in part: its findings are results as usual, and each missing part is a warning, so that a
        // reader of the log knows which checks did not run on it. The scan itself went as it should: the invocation
        // stays successful.
        foreach (var page in result.Pages.Where(p => p.Status == PageStatus.Partial))
        {
            foreach (var gap in page.Gaps)
            {
                var properties = new JsonObject
                {
                    ["status"] = "partial",
                    ["gap"] = JsonNamingPolicy.CamelCase.ConvertName(gap.Kind.ToString()),
                    ["gapJa"] = ReportText.Japanese.GapKindName(gap.Kind),
                };
                if (page.Error is { } cause)
                {
                    properties["cause"] = JsonNamingPolicy.CamelCase.ConvertName(cause.Kind.ToString());
                }

                if (page.Step is { } step)
                {
                    properties["step"] = step;
                }

                notifications.Add(new JsonObject
                {
                    ["level"] = "warning",
                    ["message"] = new JsonObject { ["text"] = $"{Name(page)} was scanned in part; missing: {ReportText.English.GapKindName(gap.Kind)}. {gap.Message}" },
                    ["locations"] = PageLocation(page),
                    ["properties"] = properties,
                });
            }
        }

        foreach (var blocked in result.BlockedRequests)
        {
            notifications.Add(new JsonObject
            {
                ["level"] = "warning",
                ["message"] = new JsonObject { ["text"] = $"The SSRF guard blocked {blocked.Target}: {blocked.Detail}" },
                ["timeUtc"] = Timestamp(blocked.At),
                ["associatedRule"] = RuleReference(ScannerRules.SecurityBlockedRequest, ruleIndex),
                ["properties"] = new JsonObject { ["target"] = blocked.Target, ["reason"] = JsonNamingPolicy.CamelCase.ConvertName(blocked.Reason.ToString()) },
            });
        }

        if (result.Cancelled)
        {
            notifications.Add(new JsonObject
            {
                ["level"] = "warning",
                ["message"] = new JsonObject { ["text"] = string.Create(CultureInfo.InvariantCulture, $"The scan was cancelled; the results cover the {result.Pages.Count} pages finished before that.") },
            });
        }

        var invocation = new JsonObject
        {
            ["executionSuccessful"] = !result.Cancelled,
            ["startTimeUtc"] = Timestamp(result.StartedAt),
            ["endTimeUtc"] = Timestamp(result.StartedAt + result.Duration),
        };
        if (notifications.Count > 0)
        {
            invocation["toolExecutionNotifications"] = notifications;
        }

        return invocation;
    }

    private static JsonObject RuleReference(string ruleId, Dictionary<string, int> ruleIndex)
    {
        var reference = new JsonObject { ["id"] = ruleId };
        if (ruleIndex.TryGetValue(ruleId, out var index))
        {
            reference["index"] = index;
        }

        return reference;
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^(header|cookie|request|redirect):", RegexOptions.CultureInvariant)]
    private static partial Regex Locator();
}
