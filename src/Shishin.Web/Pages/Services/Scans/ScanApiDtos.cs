using System.Text.Json;
using Shishin.Core.Scans;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>The optional body of <c>POST /api/v1/services/{key}/scans</c>: what this one run changes of the profile.</summary>
/// <param name="StartUrls">Absolute http or https URLs to start from instead of the profile's (at most 20).</param>
/// <param name="MaxPages">The most pages to scan, 1 to 1000, instead of the profile's limit.</param>
public sealed record ScanRequestBody(IReadOnlyList<string>? StartUrls, int? MaxPages);

/// <summary>The answer to a queued scan: the run's id (its address is in Location).</summary>
public sealed record ScanQueuedDto(Guid Id);

/// <summary>The answer to an upload: the stored run's id, status and counts (its address is in Location).</summary>
public sealed record ScanUploadedDto(Guid Id, string Status, ScanCountsDto Counts);

/// <summary>A run's summary counts, kept for ever (also after its pages and findings are pruned).</summary>
public sealed record ScanCountsDto(
    int Pages, int PageErrors, int PartialPages, int PagesWithViolations,
    int Critical, int Serious, int Moderate, int Minor, int Violations, int NeedsReview, int SecurityFindings,
    long? LcpMedianMs, double? ClsMedian)
{
    public static ScanCountsDto From(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Pages, run.PageErrors, run.PartialPages, run.PagesWithViolations, run.Critical, run.Serious, run.Moderate, run.Minor,
            run.Violations, run.NeedsReview, run.SecurityFindings, run.LcpMedianMs, run.ClsMedian);
    }
}

/// <summary>One run in a service's list.</summary>
/// <param name="RequestedBy">Who asked for it or uploaded it; null for the schedule and for callers who see summaries only.</param>
public sealed record ScanRunSummaryDto(
    Guid Id, string Service, string Status, string Trigger, string? RequestedBy,
    DateTime QueuedAt, DateTime? StartedAt, DateTime? FinishedAt, ScanCountsDto Counts, bool DetailPruned);

/// <summary>One page of <c>GET /api/v1/services/{key}/scans</c>, newest first.</summary>
public sealed record ScanRunPageDto(IReadOnlyList<ScanRunSummaryDto> Items, int Page, int PageSize, int Total);

/// <summary>How far a run has got: pages finished of those planned so far, and the page being scanned.</summary>
public sealed record ScanProgressDto(int PagesDone, int PagesPlanned, string? CurrentUrl, bool CancelRequested);

public sealed record ScanVersionsDto(string Scanner, string AxeCore, string Browser);

/// <summary>What an on-demand request changed of the profile for its run.</summary>
public sealed record ScanOverridesDto(IReadOnlyList<string>? StartUrls, int? MaxPages);

/// <summary>
/// One run. <c>detail</c> says what the answer holds: <c>full</c> (pages with findings), <c>summary</c> (the caller
/// sees this public service's run summaries only: no pages, options, errors or names) or <c>pruned</c> (retention
/// removed the pages and findings; the counts stay).
/// </summary>
public sealed record ScanRunDto(
    Guid Id, string Service, string Status, string Trigger, string? RequestedBy,
    DateTime QueuedAt, DateTime? StartedAt, DateTime? FinishedAt, string? Error,
    ScanProgressDto Progress, JsonElement? Options, ScanOverridesDto? Overrides, ScanVersionsDto Versions, ScanCountsDto Counts,
    string Detail, IReadOnlyList<ScanPageDto>? Pages);

/// <summary>One scanned page with its timings and findings.</summary>
public sealed record ScanPageDto(
    string RequestedUrl, string? FinalUrl, string? Step, int Depth, int? StatusCode, string? Title, string? Lang, string Status,
    IReadOnlyList<string> Problems, long? TimeToFirstByteMs, long? FirstContentfulPaintMs, long? LargestContentfulPaintMs,
    double? CumulativeLayoutShift, long? LoadMs, long WeightBytes, int RequestCount, long DurationMs, DateTime? TlsValidTo,
    IReadOnlyList<ScanFindingDto> Findings)
{
    public static ScanPageDto From(ScanPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.RequestedUrl, page.FinalUrl, page.Step, page.Depth, page.StatusCode, page.Title, page.Lang, page.Status,
            page.Problems.Split('\n', StringSplitOptions.RemoveEmptyEntries), page.TimeToFirstByteMs, page.FirstContentfulPaintMs,
            page.LargestContentfulPaintMs, page.CumulativeLayoutShift, page.LoadMs, page.WeightBytes, page.RequestCount, page.DurationMs,
            page.TlsValidTo, [.. page.Findings.Select(ScanFindingDto.From)]);
    }
}

/// <summary>One finding: a rule a page failed (violation) or that needs a person's review, with its failing places.</summary>
public sealed record ScanFindingDto(
    string RuleId, string Category, string Outcome, string Impact, string Message, string HelpUrl, IReadOnlyList<string> Wcag,
    string Fingerprint, int NodeCount, JsonElement Nodes)
{
    public static ScanFindingDto From(ScanFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.RuleId, finding.Category, finding.Outcome, finding.Impact, finding.Message, finding.HelpUrl,
            finding.Wcag.Split(' ', StringSplitOptions.RemoveEmptyEntries), finding.Fingerprint, finding.NodeCount, ScanApiJson.Parse(finding.NodesJson));
    }
}

public sealed record ScanDiffCountsDto(int New, int Fixed, int Unchanged);

/// <summary>A finding in a diff, with the page it is on.</summary>
public sealed record ScanDiffFindingDto(string Fingerprint, string RuleId, string Category, string Outcome, string Impact, string PageUrl, string Message, int NodeCount);

/// <summary>
/// The findings of <c>run</c> compared with those of <c>against</c> by fingerprint: new (only in run), fixed (only in
/// against) and unchanged. The lists are null for callers who see summaries only; the counts are always there.
/// </summary>
public sealed record ScanDiffDto(
    Guid Run, Guid Against, ScanDiffCountsDto Counts,
    IReadOnlyList<ScanDiffFindingDto>? New, IReadOnlyList<ScanDiffFindingDto>? Fixed, IReadOnlyList<ScanDiffFindingDto>? Unchanged);

internal static class ScanApiJson
{
    /// <summary>Stored JSON (written by us from a schema-valid report) as a value to answer with.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string Word(ScanRunStatus status) => status switch
    {
        ScanRunStatus.Queued => "queued",
        ScanRunStatus.Running => "running",
        ScanRunStatus.Done => "done",
        ScanRunStatus.Failed => "failed",
        _ => "cancelled",
    };

    public static string Word(ScanTrigger trigger) => trigger switch
    {
        ScanTrigger.Scheduled => "scheduled",
        ScanTrigger.OnDemand => "on-demand",
        _ => "uploaded",
    };
}
