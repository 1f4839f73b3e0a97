namespace Shishin.Core.Uptime;

/// <summary>The <c>Uptime</c> configuration section.</summary>
public sealed class UptimeOptions
{
    public const string SectionName = "Uptime";

    /// <summary>Probe the entry URLs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between probes of a check without an interval of its own.</summary>
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failures in a row that open an incident, for new checks.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>How long a probe waits for the response headers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Probes running at once on one worker.</summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>Probes running at once against one host and port: many services of one site do not hammer it.</summary>
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Upper bound of the random delay added to each probe and to each next probe time.</summary>
    public TimeSpan Jitter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Days the raw probes are kept; the daily aggregates are kept for ever.</summary>
    public int RetainProbesDays { get; set; } = 30;

    /// <summary>How long one execution of the probe job keeps claiming before it hands back to Quartz.</summary>
    public TimeSpan RunFor { get; set; } = TimeSpan.FromSeconds(30);
}
