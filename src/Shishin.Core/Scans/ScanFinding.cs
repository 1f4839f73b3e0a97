using Shishin.Core.Auditing;

namespace Shishin.Core.Scans;

/// <summary>
/// One rule a page failed (or that needs review). <see cref="Fingerprint"/> is the scanner's: rule and page path, so the
/// same problem on the same page has the same fingerprint in every run, which is what diffs compare.
/// </summary>
[MeasurementData]
public class ScanFinding
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RunId { get; set; }
    public Guid PageId { get; set; }

    public required string RuleId { get; set; }

    /// <summary>accessibility, security, performance, … (the report's category).</summary>
    public required string Category { get; set; }

    /// <summary>violation or needsReview.</summary>
    public required string Outcome { get; set; }

    /// <summary>minor, moderate, serious or critical.</summary>
    public required string Impact { get; set; }

    public string Message { get; set; } = "";
    public string HelpUrl { get; set; } = "";

    /// <summary>WCAG success criteria, space-separated.</summary>
    public string Wcag { get; set; } = "";

    public required string Fingerprint { get; set; }

    public int NodeCount { get; set; }

    /// <summary>The failing places as the report's node objects (selector, html, detail, fingerprint, frame), as JSON.</summary>
    public string NodesJson { get; set; } = "[]";

    public bool IsViolation => Outcome == ScanReportWords.Violation;
}
