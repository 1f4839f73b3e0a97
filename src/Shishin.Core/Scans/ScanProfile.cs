using Shishin.Core.Services;

namespace Shishin.Core.Scans;

/// <summary>How often a profile's scan is scheduled; the time within the period is staggered per profile.</summary>
public enum ScanCadence
{
    Off,
    Daily,
    Weekly,
    Monthly,
}

/// <summary>
/// What to scan of a service and when: start URLs (the service's entry URLs when empty), limits, include/exclude globs,
/// device and rules, and the schedule. Edited by the service team; every run records the options it ran with.
/// </summary>
public class ScanProfile
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }

    /// <summary>A short name shown beside the runs, e.g. 公開サイト.</summary>
    public string Name { get; set; } = "";

    /// <summary>Absolute http(s) URLs separated by single spaces; empty means the service's entry URLs.</summary>
    public string StartUrls { get; set; } = "";

    public int MaxPages { get; set; } = 50;
    public int MaxDepth { get; set; } = 3;

    /// <summary>Glob patterns, one per line, a URL must match one of to be scanned (empty: every URL of the site).</summary>
    public string Include { get; set; } = "";

    /// <summary>Glob patterns, one per line, of URLs never scanned.</summary>
    public string Exclude { get; set; } = "";

    /// <summary>Scan as a phone (viewport and user agent) instead of a desktop browser.</summary>
    public bool Mobile { get; set; }

    /// <summary>Run the WCAG 2.2 rules (such as target-size) as well as WCAG 2.1 AA and best practices.</summary>
    public bool Wcag22 { get; set; } = true;

    public ScanCadence Cadence { get; set; } = ScanCadence.Weekly;

    /// <summary>Part of the demo data set; removed with it.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised on every edit (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public IReadOnlyList<string> StartUrlList() => StartUrls.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> IncludeList() => Lines(Include);

    public IReadOnlyList<string> ExcludeList() => Lines(Exclude);

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
