using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Scans;
using Shishin.Scanning;
using Shishin.Scanning.Reports;

namespace Shishin.Core.Jobs;

/// <summary>
/// Runs one queued scan: marks it running, scans with one browser, writes progress and reads cancel requests about once
/// a second, then stores the JSON report through <see cref="ScanRunService.RecordAsync"/> (as an upload would be).
/// The job requests recovery: a worker killed mid-scan leaves it to another node, which scans again from the start
/// (the report replaces whatever the first attempt stored). A worker asked to stop (SIGTERM) cancels the scan, keeps
/// its partial pages with the run, puts the run back to Queued and hands the firing back to the store.
/// </summary>
public sealed class RunScanJob(ShishinDbContext db, ScanRunService runs, IOptions<ScanningOptions> settings, TimeProvider clock, ILogger<RunScanJob> logger) : IJob
{
    public const string RunIdKey = "runId";

    /// <summary>The job's result when it handed its run back to the queue (read by <c>shishin worker</c>'s output).</summary>
    public const string RequeuedResult = "requeued";

    public static JobKey KeyFor(Guid runId) => new($"scan-{runId:N}", "scans");

    public static IJobDetail Job(Guid runId) => JobBuilder.Create<RunScanJob>()
        .WithIdentity(KeyFor(runId))
        .UsingJobData(RunIdKey, runId.ToString())
        .RequestRecovery()
        .Build();

    /// <summary>Fires as soon as a node has a scan slot free (the scans' execution group caps each node).</summary>
    public static ITrigger Now(Guid runId) => TriggerBuilder.Create()
        .WithIdentity($"scan-{runId:N}-now", "scans")
        .ForJob(KeyFor(runId))
        .WithExecutionGroup(JobsServiceCollectionExtensions.ScanExecutionGroup)
        .StartNow()
        .Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(RunIdKey), out var runId))
        {
            return;
        }

        var run = await db.ScanRuns.FindAsync([runId], cancellationToken);
        if (run is null || run.IsFinished)
        {
            return;
        }

        var profile = run.ProfileId is { } profileId ? await db.ScanProfiles.Include(p => p.Service).FirstOrDefaultAsync(p => p.Id == profileId, cancellationToken) : null;
        if (profile?.Service is null)
        {
            await runs.FailAsync(run, "The scan profile no longer exists.", cancellationToken);
            return;
        }

        var options = ScanOptionsFactory.Build(profile, profile.Service, ScanRunService.OverridesOf(run), settings.Value);
        if (options.StartUrls.Count == 0)
        {
            await runs.FailAsync(run, "Neither the profile nor the service has a start URL.", cancellationToken);
            return;
        }

        // Checked before a browser starts: a run whose every start URL the guard refuses would only store blocked pages.
        var refused = await Scanner.CheckStartUrlsAsync(options, resolve: true, cancellationToken);
        if (refused.Count == options.StartUrls.Count)
        {
            logger.LogWarning("Scan {RunId} of {Service} refused: {Urls}", run.Id, profile.Service.Key, string.Join(' ', refused.Select(r => r.Target)));
            await runs.FailAsync(run, ScanOptionsFactory.Refusal(refused, settings.Value), cancellationToken);
            return;
        }

        if (run.Status == ScanRunStatus.Running && run.Worker != context.Scheduler.SchedulerInstanceId)
        {
            logger.LogWarning("Scan {RunId} was running on {Worker}, which stopped; scanning again from the start", run.Id, run.Worker);
        }

        run.Status = ScanRunStatus.Running;
        run.StartedAt = clock.GetUtcNow().UtcDateTime;
        run.Worker = context.Scheduler.SchedulerInstanceId;
        run.PagesDone = 0;
        run.PagesPlanned = Planned(options, 0, finished: false);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Scan {RunId} of {Service} started: {Urls}", run.Id, profile.Service.Key, string.Join(' ', options.StartUrls));

        var progress = new ScanProgress();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var scan = Scanner.ScanAsync(options, progress, stop.Token);
            while (!scan.IsCompleted)
            {
                await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
                run.PagesDone = progress.PagesDone;
                run.PagesPlanned = Planned(options, progress.PagesDone, finished: false);
                run.CurrentUrl = progress.CurrentUrl;
                // Findings so far, for the progress page; the stored report's summary replaces them at the end.
                (run.Critical, run.Serious, run.Moderate, run.Minor, run.NeedsReview) = progress.Counts;
                await db.SaveChangesAsync(CancellationToken.None);
                if (!stop.IsCancellationRequested && await CancelRequestedAsync(run.Id))
                {
                    await stop.CancelAsync();
                }
            }

            var result = await scan;
            using var report = new MemoryStream();
            JsonReport.Write(result, report);
            report.Position = 0;
            using var document = await JsonDocument.ParseAsync(report, cancellationToken: CancellationToken.None);
            if (cancellationToken.IsCancellationRequested && !run.CancelRequested)
            {
                // The worker is stopping, nobody cancelled the run: keep what was found, queue it again, and throw so
                // that Quartz stores a recovery firing in the same transaction (RecoverFiringsCancelledByShutdown).
                var note = $"Requeued: worker {run.Worker} stopped after {result.Pages.Count} page(s); the scan runs again from the start.";
                await runs.StoreAndRequeueAsync(run, document.RootElement, note, CancellationToken.None);
                context.Result = RequeuedResult;
                logger.LogInformation("Scan {RunId} requeued: the worker is stopping ({Pages} page(s) kept until it runs again)", run.Id, result.Pages.Count);
                throw new OperationCanceledException("The worker is stopping; the scan was handed back to the queue.", cancellationToken);
            }

            run.PagesPlanned = result.Pages.Count;
            await runs.RecordAsync(run, document.RootElement, CancellationToken.None);
            logger.LogInformation("Scan {RunId} {Status}: {Pages} page(s), {Violations} violation(s)", run.Id, run.Status, run.Pages, run.Violations);
        }
        catch (ScanException e)
        {
            logger.LogWarning("Scan {RunId} failed: {Message}", run.Id, e.Message);
            await runs.FailAsync(run, e.Message, CancellationToken.None);
        }
    }

    /// <summary>
    /// Pages planned as far as the job can tell: the start URLs at least, one more than done while the crawl goes on
    /// (it is still finding pages), never more than the limit. The scanner reports pages as they finish, not the links
    /// it has queued, so this grows with the scan instead of promising the limit up front.
    /// </summary>
    internal static int Planned(ScanOptions options, int pagesDone, bool finished)
    {
        ArgumentNullException.ThrowIfNull(options);
        var known = Math.Max(options.StartUrls.Count, finished ? pagesDone : pagesDone + 1);
        return Math.Min(options.MaxPages, known);
    }

    private async Task<bool> CancelRequestedAsync(Guid runId) =>
        await db.ScanRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.CancelRequested).FirstOrDefaultAsync(CancellationToken.None);

    /// <summary>Told by the scanner about each page (from its threads); read by the job's loop.</summary>
    private sealed class ScanProgress : IProgress<PageResult>
    {
        private readonly Lock gate = new();
        private int pagesDone;
        private string currentUrl = "";
        private (int Critical, int Serious, int Moderate, int Minor, int NeedsReview) counts;

        public int PagesDone => Volatile.Read(ref pagesDone);

        public (int Critical, int Serious, int Moderate, int Minor, int NeedsReview) Counts
        {
            get
            {
                lock (gate)
                {
                    return counts;
                }
            }
        }

        public string CurrentUrl => Volatile.Read(ref currentUrl);

        public void Report(PageResult value)
        {
            Interlocked.Increment(ref pagesDone);
            Volatile.Write(ref currentUrl, value.RequestedUrl.AbsoluteUri);
            lock (gate)
            {
                foreach (var finding in value.Findings)
                {
                    if (finding.Outcome == FindingOutcome.NeedsReview)
                    {
                        counts.NeedsReview++;
                    }
                    else
                    {
                        switch (finding.Impact)
                        {
                            case FindingImpact.Critical: counts.Critical++; break;
                            case FindingImpact.Serious: counts.Serious++; break;
                            case FindingImpact.Moderate: counts.Moderate++; break;
                            default: counts.Minor++; break;
                        }
                    }
                }
            }
        }
    }
}
