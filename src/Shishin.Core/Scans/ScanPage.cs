using Shishin.Core.Auditing;

namespace Shishin.Core.Scans;

/// <summary>One page of a run, as the JSON report describes it.</summary>
[MeasurementData]
public class ScanPage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RunId { get; set; }

    /// <summary>Order in the report, so pages list as the scanner reported them.</summary>
    public int Ordinal { get; set; }

    public required string RequestedUrl { get; set; }
    public string? FinalUrl { get; set; }

    /// <summary>The journey step whose state this is; <see langword="null"/> for crawled pages.</summary>
    public string? Step { get; set; }

    public int Depth { get; set; }
    public int? StatusCode { get; set; }
    public string? Title { get; set; }
    public string? Lang { get; set; }

    /// <summary>complete, partial or failed (the report's words).</summary>
    public string Status { get; set; } = "complete";

    /// <summary>Why the page failed or is partial: the error and gaps, one per line.</summary>
    public string Problems { get; set; } = "";

    public long? TimeToFirstByteMs { get; set; }
    public long? FirstContentfulPaintMs { get; set; }
    public long? LargestContentfulPaintMs { get; set; }
    public double? CumulativeLayoutShift { get; set; }
    public long? LoadMs { get; set; }
    public long WeightBytes { get; set; }
    public int RequestCount { get; set; }
    public long DurationMs { get; set; }

    /// <summary>TLS certificate expiry of an HTTPS page.</summary>
    public DateTime? TlsValidTo { get; set; }

    public List<ScanFinding> Findings { get; set; } = [];
}
