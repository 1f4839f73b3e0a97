namespace Shishin.Scanning.Reports;

/// <summary>Violations counted by impact; each count is of findings (a rule on a page), not of the elements they name.</summary>
/// <param name="Critical">Violations of impact critical.</param>
/// <param name="Serious">Violations of impact serious.</param>
/// <param name="Moderate">Violations of impact moderate.</param>
/// <param name="Minor">Violations of impact minor.</param>
public sealed record ImpactCounts(int Critical, int Serious, int Moderate, int Minor)
{
    /// <summary>All violations.</summary>
    public int Total => Critical + Serious + Moderate + Minor;

    /// <summary>The count for <paramref name="impact"/>.</summary>
    /// <param name="impact">The impact to read.</param>
    public int this[FindingImpact impact] => impact switch
    {
        FindingImpact.Critical => Critical,
        FindingImpact.Serious => Serious,
        FindingImpact.Moderate => Moderate,
        _ => Minor,
    };

    /// <summary>The violations of <paramref name="impact"/> or worse.</summary>
    /// <param name="impact">The least impact counted.</param>
    public int AtOrAbove(FindingImpact impact) =>
        Enum.GetValues<FindingImpact>().Where(i => i >= impact).Sum(i => this[i]);
}

/// <summary>
/// The figures a person or a pipeline looks at first: pages, violations by impact, findings that need review, page
/// errors and blocked requests. Every report format and the command's summary table show the same figures.
/// </summary>
/// <param name="Pages">Pages scanned, failed ones included.</param>
/// <param name="PageErrors">Pages that could not be scanned completely (<see cref="PageResult.Error"/>).</param>
/// <param name="Violations">Violations by impact.</param>
/// <param name="NeedsReview">Findings that a person has to judge (axe-core's "incomplete").</param>
/// <param name="BlockedRequests">Requests the SSRF guard refused.</param>
/// <param name="Skipped">URLs found but not scanned.</param>
/// <param name="Cancelled">Whether the scan was cancelled, so that the figures cover only part of the site.</param>
public sealed record ScanSummary(int Pages, int PageErrors, ImpactCounts Violations, int NeedsReview, int BlockedRequests, int Skipped, bool Cancelled)
{
    /// <summary>Pages scanned in part: what was gathered is reported, and <see cref="PageResult.Gaps"/> say what is missing.</summary>
    public int PartialPages { get; init; }

    /// <summary>Counts the figures of <paramref name="result"/>.</summary>
    /// <param name="result">A finished (or cancelled) scan.</param>
    public static ScanSummary From(ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var findings = result.Pages.SelectMany(p => p.Findings).ToList();
        var violations = findings.Where(f => f.Outcome == FindingOutcome.Violation).ToList();
        int Count(FindingImpact impact) => violations.Count(f => f.Impact == impact);
        return new ScanSummary(
            result.Pages.Count,
            result.Pages.Count(p => p.Error is not null),
            new ImpactCounts(Count(FindingImpact.Critical), Count(FindingImpact.Serious), Count(FindingImpact.Moderate), Count(FindingImpact.Minor)),
            findings.Count(f => f.Outcome == FindingOutcome.NeedsReview),
            result.BlockedRequests.Count,
            result.Skipped.Count,
            result.Cancelled)
        {
            PartialPages = result.Pages.Count(p => p.Status == PageStatus.Partial),
        };
    }
}
