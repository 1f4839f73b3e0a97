namespace Shishin.Core.Scans;

/// <summary>The words of the JSON report (docs/schemas/scan-report.schema.json) that stored runs keep as they are.</summary>
public static class ScanReportWords
{
    public const string Violation = "violation";
    public const string NeedsReview = "needsReview";
    public const string Security = "security";
    public const string Critical = "critical";
    public const string Serious = "serious";
    public const string Moderate = "moderate";
    public const string Minor = "minor";
}
