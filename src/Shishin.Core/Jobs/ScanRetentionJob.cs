using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Scans;

namespace Shishin.Core.Jobs;

/// <summary>
/// Nightly: removes the pages and findings of finished runs beyond the newest <see cref="ScanningOptions.RetainRunsPerProfile"/>
/// of each profile (uploads, which have no profile, count per service), marking them <see cref="ScanRun.DetailPruned"/>;
/// the runs' summaries and the daily aggregates stay for ever. Then sets right the rows of runs no job is left to
/// finish: a run still marked Running whose job is gone (its worker ended without storing a result) is failed, and a run
/// queued for long without a job is queued again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScanRetentionJob(ShishinDbContext db, ScanRunService runs, IOptions<ScanningOptions> settings,
    TimeProvider clock, ILogger<ScanRetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("scan-retention", "scans");
    public static readonly TriggerKey NightlyTrigger = new("scan-retention-nightly", "scans");

    /// <summary>How long a queued run may wait without a job before it is queued again (ScanDispatcher saves the row, then schedules).</summary>
    private static readonly TimeSpan QueuedGrace = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pruned = await PruneAsync(cancellationToken);
        var (failed, requeued) = await RepairOrphansAsync(context.Scheduler, cancellationToken);
        if (pruned + failed + requeued > 0)
        {
            logger.LogInformation("Scan retention: detail of {Pruned} run(s) pruned, {Failed} orphaned run(s) failed, {Requeued} requeued", pruned, failed, requeued);
        }
    }

    /// <summary>Prunes the detail of runs beyond the retained number per profile; returns how many runs were pruned.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var keep = Math.Max(1, settings.Value.RetainRunsPerProfile);
        var finished = new[] { ScanRunStatus.Done, ScanRunStatus.Failed, ScanRunStatus.Cancelled };
        var owners = await db.ScanRuns.Where(r => finished.Contains(r.Status))
            .GroupBy(r => r.ProfileId ?? r.ServiceId)
            .Where(g => g.Count() > keep && g.Any(r => !r.DetailPruned))
            .Select(g => g.Key).ToListAsync(cancellationToken);
        var total = 0;
        foreach (var owner in owners)
        {
            var old = await db.ScanRuns.Where(r => (r.ProfileId ?? r.ServiceId) == owner && finished.Contains(r.Status))
                .OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id).Skip(keep)
                .Where(r => !r.DetailPruned).Select(r => r.Id).ToListAsync(cancellationToken);
            foreach (var batch in old.Chunk(200))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.ScanFindings.Where(f => batch.Contains(f.RunId)).ExecuteDeleteAsync(cancellationToken);
                await db.ScanPages.Where(p => batch.Contains(p.RunId)).ExecuteDeleteAsync(cancellationToken);
                await db.ScanRuns.Where(r => batch.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.DetailPruned, true), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                total += batch.Length;
            }
        }

        return total;
    }

    /// <summary>Fails Running runs whose job no longer exists and queues again Queued runs left without one.</summary>
    public async Task<(int Failed, int Requeued)> RepairOrphansAsync(IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var before = clock.GetUtcNow().UtcDateTime - QueuedGrace;
        var open = await db.ScanRuns
            .Where(r => r.Trigger != ScanTrigger.Uploaded && (r.Status == ScanRunStatus.Running || (r.Status == ScanRunStatus.Queued && r.QueuedAt < before)))
            .ToListAsync(cancellationToken);
        var (failed, requeued) = (0, 0);
        foreach (var run in open)
        {
            // While a job exists (waiting, executing, or a recovery firing after a dead node), Quartz will finish the run.
            if (await scheduler.Exists(RunScanJob.KeyFor(run.Id), cancellationToken))
            {
                continue;
            }

            if (run.Status == ScanRunStatus.Running)
            {
                await runs.FailAsync(run, $"The worker {run.Worker} stopped without storing a result, and no job is left to run it again.", cancellationToken);
                failed++;
            }
            else
            {
                await scheduler.ScheduleJob(RunScanJob.Job(run.Id), RunScanJob.Now(run.Id), cancellationToken: cancellationToken);
                requeued++;
            }
        }

        return (failed, requeued);
    }
}
