using System.Collections.Frozen;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Checks;

/// <summary>Builds findings of Shishin's own rules, each with its fixed impact, WCAG criteria and help page.</summary>
internal static class Findings
{
    /// <summary>How much each of Shishin's own rules matters, and the WCAG criteria it supports, if any.</summary>
    private static readonly FrozenDictionary<string, (FindingImpact Impact, string[] Wcag)> Own =
        new Dictionary<string, (FindingImpact, string[])>
        {
            [ScannerRules.PageHttpStatus] = (FindingImpact.Serious, []),
            [ScannerRules.PageRedirectChain] = (FindingImpact.Minor, []),
            [ScannerRules.PageNavigationError] = (FindingImpact.Serious, []),
            [ScannerRules.PageTitle] = (FindingImpact.Serious, ["2.4.2"]),
            [ScannerRules.PageTitleDuplicate] = (FindingImpact.Minor, ["2.4.2"]),
            [ScannerRules.PageLang] = (FindingImpact.Serious, ["3.1.1"]),
            [ScannerRules.PageLangMismatch] = (FindingImpact.Serious, ["3.1.1"]),
            [ScannerRules.PageViewport] = (FindingImpact.Moderate, ["1.4.4"]),
            [ScannerRules.PageDescription] = (FindingImpact.Minor, []),
            [ScannerRules.PageHreflang] = (FindingImpact.Minor, []),
            [ScannerRules.PageWeight] = (FindingImpact.Moderate, []),
            [ScannerRules.PageRequestCount] = (FindingImpact.Minor, []),
            [ScannerRules.PageMixedContent] = (FindingImpact.Serious, []),
            [ScannerRules.PageBrokenLink] = (FindingImpact.Moderate, []),
            [ScannerRules.PageLinkUnverifiable] = (FindingImpact.Minor, []),
            [ScannerRules.SecurityHttps] = (FindingImpact.Serious, []),
            [ScannerRules.SecurityHsts] = (FindingImpact.Moderate, []),
            [ScannerRules.SecurityHstsMaxAge] = (FindingImpact.Minor, []),
            [ScannerRules.SecurityHstsSubdomains] = (FindingImpact.Minor, []),
            [ScannerRules.SecurityCsp] = (FindingImpact.Moderate, []),
            [ScannerRules.SecurityCspUnsafeInline] = (FindingImpact.Moderate, []),
            [ScannerRules.SecurityXContentTypeOptions] = (FindingImpact.Minor, []),
            [ScannerRules.SecurityFrameAncestors] = (FindingImpact.Moderate, []),
            [ScannerRules.SecurityReferrerPolicy] = (FindingImpact.Minor, []),
            [ScannerRules.SecurityPermissionsPolicy] = (FindingImpact.Minor, []),
            [ScannerRules.SecurityCookieSecure] = (FindingImpact.Serious, []),
            [ScannerRules.SecurityCookieHttpOnly] = (FindingImpact.Moderate, []),
            [ScannerRules.SecurityCookieSameSite] = (FindingImpact.Minor, []),
            [ScannerRules.SecurityTlsVersion] = (FindingImpact.Serious, []),
            [ScannerRules.SecurityCertificateExpiry] = (FindingImpact.Serious, []),
            [ScannerRules.SecuritySecurityTxt] = (FindingImpact.Minor, []),
            [ScannerRules.SecurityBlockedRequest] = (FindingImpact.Serious, []),
            [ScannerRules.PerformanceTtfb] = (FindingImpact.Minor, []),
            [ScannerRules.PerformanceFcp] = (FindingImpact.Minor, []),
            [ScannerRules.PerformanceLcp] = (FindingImpact.Moderate, []),
            [ScannerRules.PerformanceCls] = (FindingImpact.Moderate, []),
            [ScannerRules.PerformanceDomContentLoaded] = (FindingImpact.Minor, []),
            [ScannerRules.PerformanceLoad] = (FindingImpact.Minor, []),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every own rule has an entry (a test checks this against <see cref="ScannerRules.All"/>).</summary>
    public static IEnumerable<string> OwnRuleIds => Own.Keys;

    /// <summary>A finding of one of Shishin's own rules on <paramref name="page"/>.</summary>
    public static Finding Create(
        string ruleId,
        Uri page,
        string message,
        IEnumerable<NodeSpec>? nodes = null,
        FindingImpact? impact = null,
        FindingOutcome outcome = FindingOutcome.Violation)
    {
        var rule = ScannerRules.Find(ruleId) ?? throw new ArgumentException($"'{ruleId}' is not a scanner rule.", nameof(ruleId));
        var (defaultImpact, wcag) = Own[ruleId];
        return new Finding
        {
            RuleId = ruleId,
            Category = rule.Category,
            Outcome = outcome,
            Impact = impact ?? defaultImpact,
            Message = message,
            HelpUrl = new Uri(ScannerInfo.RulesDocumentationUrl, "#" + rule.Category.ToString().ToLowerInvariant()),
            Wcag = wcag,
            Jis = WcagMapping.FromCriteria(wcag),
            Nodes = Nodes(ruleId, page, nodes),
            Fingerprint = Fingerprints.Compute(ruleId, page),
        };
    }

    /// <summary>Nodes with their fingerprints; the same selector twice is kept once.</summary>
    public static IReadOnlyList<FindingNode> Nodes(string ruleId, Uri page, IEnumerable<NodeSpec>? nodes) =>
        nodes is null
            ? []
            : nodes
                .DistinctBy(n => Fingerprints.NormalizeSelector(n.Selector), StringComparer.Ordinal)
                .Select(n => new FindingNode(n.Selector, Truncate(n.Html), n.Detail, Fingerprints.Compute(ruleId, page, n.Selector)) { Frame = n.Frame })
                .ToList();

    /// <summary>At most <see cref="FindingNode.MaxHtmlLength"/> characters, the cut marked with an ellipsis.</summary>
    public static string Truncate(string html)
    {
        var trimmed = html.Trim();
        return trimmed.Length <= FindingNode.MaxHtmlLength ? trimmed : string.Concat(trimmed.AsSpan(0, FindingNode.MaxHtmlLength - 1), "…");
    }
}

/// <summary>A place on the page, before it gets its fingerprint.</summary>
internal sealed record NodeSpec(string Selector, string Html, string? Detail = null, Uri? Frame = null);
