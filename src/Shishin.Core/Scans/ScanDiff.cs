namespace Shishin.Core.Scans;

/// <summary>What changed between two runs of a service, by finding fingerprint (rule and page path).</summary>
public sealed record ScanDiffResult(IReadOnlyList<ScanFinding> New, IReadOnlyList<ScanFinding> Fixed, IReadOnlyList<ScanFinding> Unchanged);

/// <summary>
/// The issue-level diff of two runs: a finding is new when its fingerprint is only in the later run, fixed when only in
/// the earlier one, unchanged when in both (the later run's finding is returned). Kept minimal for the API (issue 14);
/// the scan pages' fuller diff (per page and per rule) replaces it at merge with the same <see cref="Compare"/>.
/// </summary>
public static class ScanDiff
{
    public static ScanDiffResult Compare(IReadOnlyList<ScanFinding> before, IReadOnlyList<ScanFinding> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var earlier = before.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var later = after.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        return new ScanDiffResult(
            [.. after.Where(f => !earlier.Contains(f.Fingerprint)).DistinctBy(f => f.Fingerprint)],
            [.. before.Where(f => !later.Contains(f.Fingerprint)).DistinctBy(f => f.Fingerprint)],
            [.. after.Where(f => earlier.Contains(f.Fingerprint)).DistinctBy(f => f.Fingerprint)]);
    }
}
