using Shishin.Scanning.Rules;

namespace Shishin.Scanning;

/// <summary>Whether a finding is a definite failure or something a person has to judge.</summary>
public enum FindingOutcome
{
    /// <summary>The rule failed.</summary>
    Violation,

    /// <summary>The check could not decide (axe-core's "incomplete"); a person should review it.</summary>
    NeedsReview,
}

/// <summary>How much a finding matters, on axe-core's scale; ordered from least to most severe, so comparisons work.</summary>
public enum FindingImpact
{
    /// <summary>A nuisance.</summary>
    Minor,

    /// <summary>Makes something harder for some people.</summary>
    Moderate,

    /// <summary>Blocks some people or exposes the site to real risk.</summary>
    Serious,

    /// <summary>Blocks people outright or is an immediate risk.</summary>
    Critical,
}

/// <summary>One rule that a page failed (or that needs review), with where on the page it failed.</summary>
public sealed record Finding
{
    /// <summary>The rule id: one of <see cref="ScannerRules.All"/>, e.g. <c>image-alt</c> or <c>security.csp</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>The category of the rule.</summary>
    public required RuleCategory Category { get; init; }

    /// <summary>Violation or needs review.</summary>
    public required FindingOutcome Outcome { get; init; }

    /// <summary>How much it matters.</summary>
    public required FindingImpact Impact { get; init; }

    /// <summary>What is wrong, in English, with the measured values where there are any.</summary>
    public required string Message { get; init; }

    /// <summary>Where the rule is explained (Deque University for axe-core rules, docs/scanner-rules.md for Shishin's).</summary>
    public required Uri HelpUrl { get; init; }

    /// <summary>The WCAG success criteria the rule belongs to, e.g. <c>1.1.1</c>; empty when none.</summary>
    public IReadOnlyList<string> Wcag { get; init; } = [];

    /// <summary>
    /// The matching JIS X 8341-3:2016 success criteria, e.g. <c>7.1.1.1</c>; only WCAG 2.0 criteria have one, so a
    /// rule of a WCAG 2.1 criterion has WCAG criteria but none here.
    /// </summary>
    public IReadOnlyList<string> Jis { get; init; } = [];

    /// <summary>
    /// The places on the page that fail: elements for accessibility rules and links, headers or cookies for the
    /// others. Empty for findings about the page as a whole (a missing header, a slow load).
    /// </summary>
    public IReadOnlyList<FindingNode> Nodes { get; init; } = [];

    /// <summary>
    /// A stable id of this finding: a hash of the rule id and the page's path and query (a page has at most one
    /// finding per rule; host and scheme are left out, so staging and production compare). The same rule failing on
    /// the same page in two scans has the same fingerprint, so scans can be compared as new, fixed and unchanged;
    /// each node has its own fingerprint, with its selector, for a finer comparison.
    /// </summary>
    public required string Fingerprint { get; init; }

    /// <summary>
    /// True for a rule that Shishin's rule list (<see cref="ScannerRules.All"/>) does not know: an axe-core rule newer
    /// than the list. It is reported as axe-core found it, but no checkpoint of the catalogue maps to it yet.
    /// </summary>
    public bool Uncatalogued { get; init; }
}

/// <summary>One place where a rule failed.</summary>
/// <param name="Selector">
/// A CSS selector of the element (parts inside iframes or shadow roots joined by <c> &gt;&gt;&gt; </c>), or for
/// findings outside the DOM a locator such as <c>header:content-security-policy</c> or <c>cookie:session</c>.
/// </param>
/// <param name="Html">The element's HTML (or the header or cookie as sent), at most 300 characters.</param>
/// <param name="Detail">What is wrong at this place, e.g. axe-core's failure summary or a link's HTTP status.</param>
/// <param name="Fingerprint">A hash of the rule id, the normalised selector and the page's path.</param>
public sealed record FindingNode(string Selector, string Html, string? Detail, string Fingerprint)
{
    /// <summary>The most characters of HTML kept per node.</summary>
    public const int MaxHtmlLength = 300;

    /// <summary>
    /// The address of the document the element is in when that is a frame's (an iframe's, at any depth), so that a
    /// finding inside a frame names the document to fix; null for the page's own document and for non-DOM locators.
    /// </summary>
    public Uri? Frame { get; init; }
}
