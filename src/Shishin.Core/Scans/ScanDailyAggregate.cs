using Shishin.Core.Auditing;

namespace Shishin.Core.Scans;

/// <summary>
/// One service's scans on one Tokyo calendar day, summed from its runs: what trends read once retention has removed the
/// runs' detail. Kept for ever.
/// </summary>
[MeasurementData]
public class ScanDailyAggregate
{
    public Guid ServiceId { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>Finished runs that day; the figures below are those of the day's last finished run.</summary>
    public int Runs { get; set; }

    public Guid LastRunId { get; set; }
    public int Pages { get; set; }
    public int PagesWithViolations { get; set; }
    public int Critical { get; set; }
    public int Serious { get; set; }
    public int Moderate { get; set; }
    public int Minor { get; set; }
    public int NeedsReview { get; set; }
    public int SecurityFindings { get; set; }
    public long? LcpMedianMs { get; set; }
    public double? ClsMedian { get; set; }
}
