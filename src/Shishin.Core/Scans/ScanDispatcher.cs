using Microsoft.EntityFrameworkCore;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Jobs;

namespace Shishin.Core.Scans;

/// <summary>
/// Queues runs as Quartz jobs (one job per run, recoverable, so a dead worker's run is picked up again) and cancels them.
/// The queue is Quartz's job store: there is no other.
/// </summary>
public sealed class ScanDispatcher(ShishinDbContext db, ScanRunService runs, ISchedulerFactory schedulers, TimeProvider clock)
{
    public async Task<ScanRun> QueueAsync(ScanProfile profile, ScanTrigger trigger, ScanRunOverrides? overrides,
        Guid? requestedById, string requestedByName, CancellationToken cancellationToken = default)
    {
        var run = await runs.AddQueuedAsync(profile, trigger, overrides, requestedById, requestedByName, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(RunScanJob.Job(run.Id), RunScanJob.Now(run.Id), cancellationToken: cancellationToken);
        return run;
    }

    /// <summary>
    /// Cancels a run: a queued run ends at once (its job is removed); a running one is asked to stop, and its worker
    /// stores what it found so far. Returns false when the run had already finished.
    /// </summary>
    public async Task<bool> CancelAsync(ScanRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.IsFinished)
        {
            return false;
        }

        run.CancelRequested = true;
        if (run.Status == ScanRunStatus.Queued)
        {
            run.Status = ScanRunStatus.Cancelled;
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.DeleteJob(RunScanJob.KeyFor(run.Id), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The profile a scan request without one uses: the service's first profile, or one created now from its entry URLs
    /// and named <paramref name="name"/> (the name the profile form suggests, in the caller's language). A created profile
    /// has its schedule off: a request for one scan must not start a weekly schedule nobody asked for; the service team
    /// switches one on in the profile when they want it.
    /// </summary>
    public async Task<ScanProfile> DefaultProfileAsync(Guid serviceId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var profile = await db.ScanProfiles.OrderBy(p => p.CreatedAt).FirstOrDefaultAsync(p => p.ServiceId == serviceId, cancellationToken);
        if (profile is not null)
        {
            return profile;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        profile = new ScanProfile { ServiceId = serviceId, Name = name.Trim(), Cadence = ScanCadence.Off, CreatedAt = now, UpdatedAt = now };
        db.ScanProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }
}
