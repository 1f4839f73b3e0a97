using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shishin.Core.Auditing;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.Web.Pages.Services.Scans;

/// <summary>
/// One run. While it is queued or running: its progress, refreshed by a meta refresh without JavaScript and by a small
/// JSON handler with it, and Cancel for the service's editors. Once finished: its summary for whoever sees the service;
/// its options, pages, findings and what changed since the previous run of its profile for the team.
/// </summary>
[AllowAnonymous]
public sealed class RunModel(ServiceDirectory directory, ServiceAccess access, ScanHistory history, ScanDiff diffs,
    ScanDispatcher dispatcher, AuditLog audit, IStringLocalizer<SharedResource> l) : ServicePageModel(directory, access)
{
    /// <summary>Seconds between refreshes of the progress view without JavaScript.</summary>
    public const int RefreshSeconds = 5;

    public ScanLabels Labels { get; } = new(l);
    public ScanRun Run { get; private set; } = default!;
    public string? ProfileName { get; private set; }
    public IReadOnlyList<ScanPage> Pages { get; private set; } = [];

    /// <summary>The previous run of the profile and the diff against it, when both runs keep their detail.</summary>
    public ScanRun? Previous { get; private set; }
    public ScanDiffResult? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, Guid id)
    {
        if (await LoadRunAsync(key, id) is { } refused)
        {
            return refused;
        }

        ProfileName = await history.ProfileNameAsync(Run.ProfileId, HttpContext.RequestAborted);
        if (Run.IsFinished && CanReadTeamDetail && !Run.DetailPruned)
        {
            Pages = await diffs.PagesAsync(Run.Id, HttpContext.RequestAborted);
            if (Run.Status == ScanRunStatus.Done && await diffs.PreviousAsync(Run, HttpContext.RequestAborted) is { } previous)
            {
                Previous = previous;
                Changes = ScanDiff.Compare(await diffs.PagesAsync(previous.Id, HttpContext.RequestAborted), Pages);
            }
        }

        return Page();
    }

    /// <summary>The progress as JSON for scripts/scan-progress.js (the same rights as the page).</summary>
    public async Task<IActionResult> OnGetProgressAsync(string key, Guid id)
    {
        if (await LoadRunAsync(key, id) is { } refused)
        {
            return refused;
        }

        return new JsonResult(new
        {
            status = Run.Status.ToString().ToLowerInvariant(),
            statusText = Labels.Status(Run.Status),
            finished = Run.IsFinished,
            pagesDone = Run.PagesDone,
            pagesPlanned = Run.PagesPlanned,
            currentUrl = Run.CurrentUrl,
            violations = Run.Violations,
            needsReview = Run.NeedsReview,
            summary = ProgressText(),
        });
    }

    /// <summary>Asks the run to stop (a queued run ends at once); the worker stores what it found so far.</summary>
    public async Task<IActionResult> OnPostCancelAsync(string key, Guid id)
    {
        if (await LoadAsync(key, ServiceRight.Edit) is { } refused)
        {
            return refused;
        }

        var run = await history.FindRunForUpdateAsync(Service.Id, id, HttpContext.RequestAborted);
        if (run is null)
        {
            return NotFound();
        }

        if (await dispatcher.CancelAsync(run, HttpContext.RequestAborted))
        {
            await audit.RecordAsync("scan.cancelled", nameof(ScanRun), run.Id.ToString(), new { Service = Service.Key }, HttpContext.RequestAborted);
            TempData["Notice"] = l["The scan is being cancelled. What it found so far is kept."].Value;
        }
        else
        {
            TempData["Notice"] = l["The scan had already finished."].Value;
        }

        return RedirectToPage("/Services/Scans/Run", new { key, id });
    }

    /// <summary>One sentence of progress, also what the live region announces.</summary>
    public string ProgressText() => Run.Status switch
    {
        ScanRunStatus.Queued => l["Waiting for a worker to start the scan."],
        ScanRunStatus.Running => l["{0} of at most {1} pages scanned; {2} violations and {3} findings to review so far.", Run.PagesDone, Run.PagesPlanned, Run.Violations, Run.NeedsReview],
        _ => l["The scan has finished: {0}.", Labels.Status(Run.Status)],
    };

    /// <summary>The run's findings of one page grouped by rule, worst first.</summary>
    public static IEnumerable<IGrouping<string, ScanFinding>> ByRule(ScanPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Findings.OrderBy(f => f.Outcome == ScanReportWords.NeedsReview).ThenBy(f => ScanDiff.Severity(f.Impact))
            .ThenBy(f => f.RuleId, StringComparer.Ordinal).GroupBy(f => f.RuleId, StringComparer.Ordinal);
    }

    /// <summary>Every rule of the run, with the pages it was found on and its places.</summary>
    public IEnumerable<(string RuleId, string Impact, string Outcome, int Pages, int Nodes, string HelpUrl)> RuleSummary() =>
        Pages.SelectMany(p => p.Findings).GroupBy(f => (f.RuleId, f.Outcome))
            .Select(g => (g.Key.RuleId, g.OrderBy(f => ScanDiff.Severity(f.Impact)).First().Impact, g.Key.Outcome, g.Select(f => f.PageId).Distinct().Count(), g.Sum(f => f.NodeCount), g.First().HelpUrl))
            .OrderBy(r => r.Outcome == ScanReportWords.NeedsReview).ThenBy(r => ScanDiff.Severity(r.Impact)).ThenBy(r => r.RuleId, StringComparer.Ordinal);

    private async Task<IActionResult?> LoadRunAsync(string key, Guid id)
    {
        if (await LoadAsync(key, ServiceRight.Summary) is { } refused)
        {
            return refused;
        }

        if (await history.FindRunAsync(Service.Id, id, HttpContext.RequestAborted) is not { } run)
        {
            return NotFound();
        }

        Run = run;
        return null;
    }
}
