using Shishin.Core.Auditing;

namespace Shishin.Core.Scans;

public enum ScanRunStatus
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
}

/// <summary>What started a run.</summary>
public enum ScanTrigger
{
    /// <summary>The profile's schedule.</summary>
    Scheduled,

    /// <summary>"Scan now" in the UI or <c>POST /api/v1/services/{key}/scans</c>.</summary>
    OnDemand,

    /// <summary>A report pushed from a vendor's pipeline (<c>shishin scan --upload</c>).</summary>
    Uploaded,
}

/// <summary>
/// One scan of a service: queued, run by a worker (or uploaded), then stored with its pages and findings. The summary
/// counts stay when retention removes the pages and findings of old runs, so trends reach back for ever.
/// </summary>
[MeasurementData]
public class ScanRun
{
    /// <summary>Time-ordered (version 7), so the newest runs sort last by id as well as by time.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }

    /// <summary>The profile it ran with; <see langword="null"/> for uploads and for runs of a deleted profile.</summary>
    public Guid? ProfileId { get; set; }

    public ScanRunStatus Status { get; set; }
    public ScanTrigger Trigger { get; set; }

    /// <summary>Who asked for it (user or API key owner); <see langword="null"/> for the schedule.</summary>
    public Guid? RequestedById { get; set; }

    /// <summary>The name shown for who asked: a user's display name, or for uploads the user and key name.</summary>
    public string RequestedByName { get; set; } = "";

    public DateTime QueuedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>The options the scan ran with, as the JSON report's <c>options</c> object.</summary>
    public string OptionsJson { get; set; } = "{}";

    /// <summary>What an on-demand request changed of the profile (<see cref="ScanRunOverrides"/> as JSON), if anything.</summary>
    public string? OverridesJson { get; set; }

    public string ScannerVersion { get; set; } = "";
    public string AxeVersion { get; set; } = "";
    public string BrowserVersion { get; set; } = "";

    /// <summary>Progress while running: pages finished and pages known to be planned so far.</summary>
    public int PagesDone { get; set; }
    public int PagesPlanned { get; set; }

    /// <summary>The page being scanned while running.</summary>
    public string CurrentUrl { get; set; } = "";

    /// <summary>Set by a person (UI or API); the worker stops the scan and stores what it found.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Why the run failed or ended early, in English for operators (never a secret).</summary>
    public string Error { get; set; } = "";

    /// <summary>The worker node that runs or ran it (Quartz instance id).</summary>
    public string Worker { get; set; } = "";

    // Summary counts, kept for ever.
    public int Pages { get; set; }
    public int PageErrors { get; set; }
    public int PartialPages { get; set; }
    public int PagesWithViolations { get; set; }
    public int Critical { get; set; }
    public int Serious { get; set; }
    public int Moderate { get; set; }
    public int Minor { get; set; }
    public int NeedsReview { get; set; }
    public int SecurityFindings { get; set; }

    /// <summary>Median Largest Contentful Paint of the pages that reported one, in milliseconds.</summary>
    public long? LcpMedianMs { get; set; }

    /// <summary>Median Cumulative Layout Shift of the pages that reported one.</summary>
    public double? ClsMedian { get; set; }

    /// <summary>True once retention removed the pages and findings (the summary stays).</summary>
    public bool DetailPruned { get; set; }

    public int Violations => Critical + Serious + Moderate + Minor;

    public bool IsFinished => Status is ScanRunStatus.Done or ScanRunStatus.Failed or ScanRunStatus.Cancelled;
}
