using Shishin.Core.Auditing;

namespace Shishin.Core.Uptime;

/// <summary>Why a probe failed; <see cref="None"/> for a success.</summary>
public enum UptimeErrorKind
{
    None,

    /// <summary>An answer with status 400 or above.</summary>
    HttpStatus,

    /// <summary>No answer within the probe timeout.</summary>
    Timeout,

    /// <summary>The connection was refused or broke.</summary>
    Connection,

    /// <summary>The TLS handshake failed (expired, untrusted or mismatched certificate).</summary>
    Tls,

    /// <summary>The host name does not resolve.</summary>
    Dns,

    /// <summary>The SSRF guard refused the address (a private address, a port other than 80 or 443).</summary>
    Blocked,

    /// <summary>More redirects than a probe follows.</summary>
    TooManyRedirects,
}

/// <summary>
/// One entry URL of a service, probed at its interval. Kept in step with the service's entry URLs by
/// <see cref="UptimeChecks"/>; its state (next probe, failures in a row, last answer) is written by every probe, so it
/// is measurement data, not audited row by row.
/// </summary>
[MeasurementData]
public class UptimeCheck
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public required string Url { get; set; }

    /// <summary>Seconds between probes; null: <c>Uptime:DefaultInterval</c>.</summary>
    public int? IntervalSeconds { get; set; }

    /// <summary>Failures in a row that open an incident.</summary>
    public int FailureThreshold { get; set; } = 3;

    public bool Enabled { get; set; } = true;

    /// <summary>When the check is due next (UTC).</summary>
    public DateTime NextProbeAt { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>The first failure of the current run of failures; an incident's start.</summary>
    public DateTime? FailingSince { get; set; }

    public DateTime? LastProbeAt { get; set; }
    public bool? LastSucceeded { get; set; }
    public int? LastStatus { get; set; }
    public int? LastLatencyMs { get; set; }
    public UptimeErrorKind LastError { get; set; }

    /// <summary>The TLS certificate's end of validity, as last seen (UTC).</summary>
    public DateTime? CertificateExpiresAt { get; set; }

    /// <summary>The expiry that a CertificateExpiring notification was sent for: one notification per certificate.</summary>
    public DateTime? CertificateNotifiedFor { get; set; }

    public Guid? OpenIncidentId { get; set; }
}

/// <summary>One probe of a check: kept for <c>Uptime:RetainProbesDays</c>, then only the daily aggregates remain.</summary>
[MeasurementData]
public class UptimeProbe
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CheckId { get; set; }
    public Guid ServiceId { get; set; }

    /// <summary>When the probe was due; <see cref="At"/> minus this is its lateness.</summary>
    public DateTime DueAt { get; set; }

    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
    public int? Status { get; set; }
    public int LatencyMs { get; set; }
    public DateTime? CertificateExpiresAt { get; set; }
    public UptimeErrorKind Error { get; set; }
}

/// <summary>Probes of one service on one Tokyo calendar day: what availability is computed from. Kept for ever.</summary>
[MeasurementData]
public class UptimeDailyAggregate
{
    public Guid ServiceId { get; set; }
    public DateOnly Day { get; set; }
    public int Probes { get; set; }
    public int Successes { get; set; }
    public long LatencyTotalMs { get; set; }
}

public enum UptimeIncidentEventKind
{
    Opened,

    /// <summary>Still failing, for another reason than the one last recorded.</summary>
    StillFailing,
    Recovered,
}

/// <summary>An outage of one entry URL: opened after the check's failure threshold, closed on the first success.</summary>
[MeasurementData]
public class UptimeIncident
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Guid? CheckId { get; set; }
    public required string Url { get; set; }

    /// <summary>The first failed probe of the run of failures that opened it.</summary>
    public DateTime StartedAt { get; set; }

    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<UptimeIncidentEvent> Events { get; set; } = [];

    public bool IsOpen => ClosedAt is null;
}

/// <summary>One line of an incident's timeline.</summary>
[MeasurementData]
public class UptimeIncidentEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public DateTime At { get; set; }
    public UptimeIncidentEventKind Kind { get; set; }
    public int? Status { get; set; }
    public UptimeErrorKind Error { get; set; }
}
