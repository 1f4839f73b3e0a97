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
/// </summary>
public sealed class RunScanJob(ShishinDbContext db, ScanRunService runs, IOptions<ScanningOptions> settings, TimeProvider clock, ILogger<RunScanJob> logger) : IJob
{
    public const string RunIdKey = "runId";

    public static JobKey KeyFor(Guid runId) => new($"scan-{runId:N}", "scans");

    public static IJobDetail Job(Guid runId) => JobBuilder.Create<RunScanJob>()
        .WithIdentity(KeyFor(runId))
        .UsingJobData(RunIdKey, runId.ToString())
        .RequestRecovery()
        .Build();

    public static ITrigger Now(Guid runId) => TriggerBuilder.Create()
        .WithIdentity($"scan-{runId:N}-now", "scans")
        .ForJob(KeyFor(runId))
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

        run.Status = ScanRunStatus.Running;
        run.StartedAt = clock.GetUtcNow().UtcDateTime;
        run.Worker = context.Scheduler.SchedulerInstanceId;
        run.PagesPlanned = options.MaxPages;
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
            await runs.RecordAsync(run, document.RootElement, CancellationToken.None);
            logger.LogInformation("Scan {RunId} {Status}: {Pages} page(s), {Violations} violation(s)", run.Id, run.Status, run.Pages, run.Violations);
        }
        catch (ScanException e)
        {
            logger.LogWarning("Scan {RunId} failed: {Message}", run.Id, e.Message);
            await runs.FailAsync(run, e.Message, CancellationToken.None);
        }
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
