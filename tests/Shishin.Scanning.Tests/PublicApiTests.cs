namespace Shishin.Scanning.Tests;

/// <summary>
/// The types other assemblies may use: the scanner, its options, results, findings, rules and report writers. The
/// crawler, SSRF guard, browser handling, checks, journeys and engine are internal, so they can change without
/// breaking an embedder; a new public type has to be added here on purpose (docs/scanner.md, "Public API").
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string[] Expected =
    [
        "Shishin.Scanning.Finding",
        "Shishin.Scanning.FindingImpact",
        "Shishin.Scanning.FindingNode",
        "Shishin.Scanning.FindingOutcome",
        "Shishin.Scanning.PageError",
        "Shishin.Scanning.PageErrorKind",
        "Shishin.Scanning.PageGap",
        "Shishin.Scanning.PageGapKind",
        "Shishin.Scanning.PageResult",
        "Shishin.Scanning.PageStatus",
        "Shishin.Scanning.PageTimings",
        "Shishin.Scanning.RedirectHop",
        "Shishin.Scanning.RedirectKind",
        "Shishin.Scanning.Reports.HtmlReport",
        "Shishin.Scanning.Reports.ImpactCounts",
        "Shishin.Scanning.Reports.JUnitReport",
        "Shishin.Scanning.Reports.JsonReport",
        "Shishin.Scanning.Reports.ReportFormat",
        "Shishin.Scanning.Reports.ReportLanguage",
        "Shishin.Scanning.Reports.SarifReport",
        "Shishin.Scanning.Reports.ScanReport",
        "Shishin.Scanning.Reports.ScanSummary",
        "Shishin.Scanning.Rules.RuleCategory",
        "Shishin.Scanning.Rules.RuleProfileNames",
        "Shishin.Scanning.Rules.RuleProfiles",
        "Shishin.Scanning.Rules.ScannerRule",
        "Shishin.Scanning.Rules.ScannerRules",
        // ScanResult.BlockedRequests lists what the SSRF guard refused, and why; the guard itself is internal.
        "Shishin.Scanning.Safety.BlockedRequest",
        "Shishin.Scanning.Safety.EgressBlockReason",
        // The guard's HttpClient handler for the platform's other fetches (uptime probes, issue 14); the guard stays internal.
        "Shishin.Scanning.Safety.GuardedHandler",
        "Shishin.Scanning.Safety.GuardVerdict",
        "Shishin.Scanning.ScanCookie",
        "Shishin.Scanning.ScanException",
        "Shishin.Scanning.ScanFailure",
        "Shishin.Scanning.ScanHeader",
        "Shishin.Scanning.ScanOptions",
        "Shishin.Scanning.ScanResult",
        "Shishin.Scanning.ScanThresholds",
        "Shishin.Scanning.Scanner",
        "Shishin.Scanning.SkipReason",
        "Shishin.Scanning.SkippedUrl",
        "Shishin.Scanning.TlsDetails",
    ];

    [Fact]
    public void ExportedTypes_AreExactlyTheDeclaredPublicApi()
    {
        var exported = typeof(Scanner).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Order(StringComparer.Ordinal), exported);
    }

    [Fact]
    public void ExportedTypes_IncludeNoCrawlerGuardBrowserOrEngineType()
    {
        var exported = typeof(Scanner).Assembly.GetExportedTypes();

        Assert.DoesNotContain(exported, t => t.Namespace is "Shishin.Scanning.Crawling" or "Shishin.Scanning.Browser" or "Shishin.Scanning.Engine" or "Shishin.Scanning.Checks" or "Shishin.Scanning.Journeys");
    }
}
