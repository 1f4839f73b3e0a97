namespace Shishin.Core.Scans;

/// <summary>The <c>Scanning</c> configuration section: how the platform's own scans run.</summary>
public sealed class ScanningOptions
{
    public const string SectionName = "Scanning";

    /// <summary>
    /// Let scans reach loopback and private addresses. Off by default, as in the CLI; on for tests, demos against a
    /// local fixture site and intranet deployments.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The browser to scan with; empty: SHISHIN_BROWSER, then what the scanner finds on PATH.</summary>
    public string? BrowserPath { get; set; }

    /// <summary>Runs per profile that keep their pages and findings; older runs keep only their summary.</summary>
    public int RetainRunsPerProfile { get; set; } = 20;
}
