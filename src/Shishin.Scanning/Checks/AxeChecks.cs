using System.Text.Json;
using Deque.AxeCore.Commons;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Checks;

/// <summary>The axe-core bundled with Deque.AxeCore.Commons, its run options, and its results turned into findings (Engine/IsolatedAxeRunner runs it).</summary>
internal static class AxeChecks
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not embedded in Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The source of axe-core, evaluated in each page.</summary>
    public static string Source => AxeSource.Value;

    private static readonly Lazy<string> JapaneseLocale = new(() =>
    {
        using var stream = typeof(AxeChecks).Assembly.GetManifestResourceStream("Shishin.Scanning.Locales.axe-core-ja.json")
            ?? throw new InvalidOperationException("axe-core's Japanese locale is not embedded in Shishin.Scanning.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// axe-core's official Japanese locale as JSON (locales/ja.json of the npm package of the bundled version,
    /// vendored by scripts/vendor-axe-locale.sh): help texts, descriptions and failure summaries in Japanese. A rule
    /// it lacks keeps axe-core's English.
    /// </summary>
    public static string JapaneseLocaleJson => JapaneseLocale.Value;

    /// <summary>What Scripts/axe-run.js receives: the run options and, for a Japanese scan, the locale to configure.</summary>
    public static object Arguments(RuleProfiles profiles, Reports.ReportLanguage language) => new
    {
        runOptions = RunOptions(profiles),
        locale = language == Reports.ReportLanguage.Japanese ? JapaneseLocaleJson : null,
    };

    /// <summary>The tags of the rules to run under <paramref name="profiles"/> (see <see cref="RuleProfileNames.Tags"/>).</summary>
    public static IReadOnlyList<string> Tags(RuleProfiles profiles) => RuleProfileNames.Tags(profiles);

    /// <summary>The options passed to <c>axe.run</c>.</summary>
    public static object RunOptions(RuleProfiles profiles) => new
    {
        runOnly = new { type = "tag", values = Tags(profiles) },
        resultTypes = new[] { "violations", "incomplete" },
    };

    /// <summary>Parses what Scripts/axe-run.js returns: the axe-core version and the findings on <paramref name="page"/>.</summary>
    public static (string Version, List<Finding> Findings) Parse(string json, Uri page)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var findings = new List<Finding>();
        Add(root.GetProperty("violations"), FindingOutcome.Violation);
        Add(root.GetProperty("incomplete"), FindingOutcome.NeedsReview);
        return (root.GetProperty("version").GetString() ?? "", findings);

        void Add(JsonElement results, FindingOutcome outcome)
        {
            foreach (var result in results.EnumerateArray())
            {
                var id = result.GetProperty("id").GetString() ?? "";
                // An id that ScannerRules names for another category is no axe-core rule; an id it does not know is a
                // rule of a newer axe-core: it is kept, and marked, rather than silently dropped.
                var known = ScannerRules.Find(id);
                if (id.Length == 0 || known is { Category: not RuleCategory.Accessibility })
                {
                    continue;
                }

                var tags = result.GetProperty("tags").EnumerateArray().Select(t => t.GetString() ?? "").ToList();
                var (wcag, jis) = WcagMapping.FromTags(tags);
                var nodes = result.GetProperty("nodes").EnumerateArray().Select(node => new NodeSpec(
                    Selector(node.GetProperty("target")),
                    node.GetProperty("html").GetString() ?? "",
                    node.TryGetProperty("failureSummary", out var summary) && summary.ValueKind == JsonValueKind.String ? summary.GetString() : null,
                    FrameOf(node)));
                findings.Add(new Finding
                {
                    RuleId = id,
                    Category = RuleCategory.Accessibility,
                    Outcome = outcome,
                    Impact = RuleImpact(result),
                    Message = result.GetProperty("help").GetString() ?? id,
                    HelpUrl = new Uri(result.GetProperty("helpUrl").GetString() ?? $"https://dequeuniversity.com/rules/axe/{id}"),
                    Wcag = wcag,
                    Jis = jis,
                    Nodes = Findings.Nodes(id, page, nodes),
                    Fingerprint = Fingerprints.Compute(id, page),
                    Uncatalogued = known is null,
                });
            }
        }
    }

    /// <summary>
    /// axe-core's target: one selector per frame or shadow root on the way to the element, each a string or (for
    /// shadow DOM) an array; they are joined with <c> &gt;&gt;&gt; </c>.
    /// </summary>
    private static string Selector(JsonElement target)
    {
        var parts = new List<string>();
        Collect(target);
        return string.Join(" >>> ", parts);

        void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                parts.Add(element.GetString() ?? "");
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
    }

    /// <summary>The address of the frame's document, for a node inside a frame.</summary>
    private static Uri? FrameOf(JsonElement node) =>
        node.TryGetProperty("frame", out var frame) && frame.ValueKind == JsonValueKind.String && Uri.TryCreate(frame.GetString(), UriKind.Absolute, out var address)
            ? address
            : null;

    /// <summary>
    /// The rule's impact; axe-core leaves it null on some results (needs review ones above all), and then the most
    /// severe impact of its nodes is the rule's, as axe-core itself computes it for violations.
    /// </summary>
    private static FindingImpact RuleImpact(JsonElement result)
    {
        if (result.TryGetProperty("impact", out var impact) && ParseImpact(impact) is { } ruleImpact)
        {
            return ruleImpact;
        }

        var nodeImpacts = result.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array
            ? nodes.EnumerateArray().Select(n => n.TryGetProperty("impact", out var i) ? ParseImpact(i) : null).OfType<FindingImpact>().ToList()
            : [];
        return nodeImpacts.Count > 0 ? nodeImpacts.Max() : FindingImpact.Minor;
    }

    private static FindingImpact? ParseImpact(JsonElement impact) =>
        (impact.ValueKind == JsonValueKind.String ? impact.GetString() : null) switch
        {
            "critical" => FindingImpact.Critical,
            "serious" => FindingImpact.Serious,
            "moderate" => FindingImpact.Moderate,
            "minor" => FindingImpact.Minor,
            _ => null,
        };
}
