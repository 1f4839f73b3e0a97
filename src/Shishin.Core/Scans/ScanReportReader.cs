using System.Globalization;
using System.Text.Json;

namespace Shishin.Core.Scans;

/// <summary>
/// Turns a JSON report (Shishin's own format, docs/schemas/scan-report.schema.json) into a run's stored pages, findings
/// and summary. Scheduled runs and uploaded reports both go through here, so an upload is stored exactly like a run of
/// ours. The report must already be valid against the schema; this reads it, it does not judge it.
/// </summary>
public static class ScanReportReader
{
    /// <summary>Fills <paramref name="run"/>'s versions, options and summary from the report and returns its pages.</summary>
    public static List<ScanPage> Read(JsonElement report, ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scanner = report.GetProperty("scanner");
        run.ScannerVersion = Text(scanner, "version") ?? "";
        run.AxeVersion = Text(scanner, "axeCoreVersion") ?? "";
        run.BrowserVersion = Text(scanner, "browserVersion") ?? "";
        run.OptionsJson = report.GetProperty("options").GetRawText();

        var pages = new List<ScanPage>();
        var ordinal = 0;
        foreach (var page in report.GetProperty("pages").EnumerateArray())
        {
            pages.Add(Page(page, run.Id, ordinal++));
        }

        Summarise(run, pages);
        return pages;
    }

    /// <summary>The summary counts of a run from its pages (also used when a run is cancelled part-way).</summary>
    public static void Summarise(ScanRun run, IReadOnlyCollection<ScanPage> pages)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(pages);
        var findings = pages.SelectMany(p => p.Findings).ToList();
        var violations = findings.Where(f => f.IsViolation).ToList();
        run.Pages = pages.Count;
        run.PagesDone = Math.Max(run.PagesDone, pages.Count);
        run.PageErrors = pages.Count(p => p.Status == "failed");
        run.PartialPages = pages.Count(p => p.Status == "partial");
        run.PagesWithViolations = pages.Count(p => p.Findings.Any(f => f.IsViolation));
        run.Critical = violations.Count(f => f.Impact == ScanReportWords.Critical);
        run.Serious = violations.Count(f => f.Impact == ScanReportWords.Serious);
        run.Moderate = violations.Count(f => f.Impact == ScanReportWords.Moderate);
        run.Minor = violations.Count(f => f.Impact == ScanReportWords.Minor);
        run.NeedsReview = findings.Count(f => f.Outcome == ScanReportWords.NeedsReview);
        run.SecurityFindings = violations.Count(f => f.Category == ScanReportWords.Security);
        run.LcpMedianMs = Median(pages.Select(p => p.LargestContentfulPaintMs).OfType<long>().Select(v => (double)v)) is { } lcp ? (long)Math.Round(lcp) : null;
        run.ClsMedian = Median(pages.Select(p => p.CumulativeLayoutShift).OfType<double>()) is { } cls ? Math.Round(cls, 4) : null;
    }

    private static ScanPage Page(JsonElement page, Guid runId, int ordinal)
    {
        var timings = page.TryGetProperty("timings", out var t) ? t : default;
        var problems = new List<string>();
        if (page.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            problems.Add($"{Text(error, "kind")}: {Text(error, "message")}");
        }

        if (page.TryGetProperty("gaps", out var gaps) && gaps.ValueKind == JsonValueKind.Array)
        {
            problems.AddRange(gaps.EnumerateArray().Select(g => $"{Text(g, "kind")}: {Text(g, "message")}"));
        }

        var result = new ScanPage
        {
            RunId = runId,
            Ordinal = ordinal,
            RequestedUrl = Cut(Text(page, "requestedUrl") ?? "", 2048),
            FinalUrl = Text(page, "finalUrl") is { } final ? Cut(final, 2048) : null,
            Step = Text(page, "step"),
            Depth = Int(page, "depth") ?? 0,
            StatusCode = Int(page, "statusCode"),
            Title = Text(page, "title") is { } title ? Cut(title, 1000) : null,
            Lang = Text(page, "lang") is { } lang ? Cut(lang, 64) : null,
            Status = Text(page, "status") ?? "complete",
            Problems = Cut(string.Join('\n', problems), 8000),
            TimeToFirstByteMs = Long(timings, "timeToFirstByteMs"),
            FirstContentfulPaintMs = Long(timings, "firstContentfulPaintMs"),
            LargestContentfulPaintMs = Long(timings, "largestContentfulPaintMs"),
            CumulativeLayoutShift = Double(timings, "cumulativeLayoutShift"),
            LoadMs = Long(timings, "loadMs"),
            WeightBytes = Long(page, "weightBytes") ?? 0,
            RequestCount = Int(page, "requestCount") ?? 0,
            DurationMs = Long(page, "durationMs") ?? 0,
            TlsValidTo = page.TryGetProperty("tls", out var tls) && Text(tls, "validTo") is { } validTo
                && DateTimeOffset.TryParse(validTo, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until)
                    ? until.UtcDateTime : null,
        };
        foreach (var finding in page.GetProperty("findings").EnumerateArray())
        {
            var nodes = finding.TryGetProperty("nodes", out var n) && n.ValueKind == JsonValueKind.Array ? n : default;
            result.Findings.Add(new ScanFinding
            {
                RunId = runId,
                PageId = result.Id,
                RuleId = Cut(Text(finding, "ruleId") ?? "", 128),
                Category = Text(finding, "category") ?? "",
                Outcome = Text(finding, "outcome") ?? "",
                Impact = Text(finding, "impact") ?? "",
                Message = Cut(Text(finding, "message") ?? "", 4000),
                HelpUrl = Cut(Text(finding, "helpUrl") ?? "", 2048),
                Wcag = finding.TryGetProperty("wcag", out var wcag) && wcag.ValueKind == JsonValueKind.Array
                    ? Cut(string.Join(' ', wcag.EnumerateArray().Select(w => w.GetString())), 200) : "",
                Fingerprint = Cut(Text(finding, "fingerprint") ?? "", 128),
                NodeCount = nodes.ValueKind == JsonValueKind.Array ? nodes.GetArrayLength() : 0,
                NodesJson = nodes.ValueKind == JsonValueKind.Array ? nodes.GetRawText() : "[]",
            });
        }

        return result;
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number) ? number : null;

    private static long? Long(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number) ? number : null;

    private static double? Double(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble() : null;
}
