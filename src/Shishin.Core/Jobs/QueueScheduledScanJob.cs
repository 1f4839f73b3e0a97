using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Scans;

namespace Shishin.Core.Jobs;

/// <summary>
/// Fired by a profile's schedule trigger (<see cref="ScanSchedules"/>): queues a scheduled run of the profile through
/// <see cref="ScanDispatcher"/>, unless a run of the same profile is still queued or running (a slow site scanned daily
/// must not pile up runs). A trigger whose profile is gone or switched off removes itself.
/// </summary>
public sealed class QueueScheduledScanJob(ShishinDbContext db, ScanDispatcher dispatcher, ILogger<QueueScheduledScanJob> logger) : IJob
{
    public static readonly JobKey Key = new("queue-scheduled-scan", "scans");

    public const string ProfileIdKey = "profileId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(ProfileIdKey), out var profileId))
        {
            return;
        }

        var profile = await db.ScanProfiles.FirstOrDefaultAsync(p => p.Id == profileId, cancellationToken);
        if (profile is null || profile.Cadence == ScanCadence.Off)
        {
            await context.Scheduler.UnscheduleJob(context.Trigger.Key, cancellationToken);
            return;
        }

        if (await db.ScanRuns.AnyAsync(r => r.ProfileId == profileId && (r.Status == ScanRunStatus.Queued || r.Status == ScanRunStatus.Running), cancellationToken))
        {
            logger.LogInformation("Scheduled scan of profile {ProfileId} skipped: a run of it is still queued or running", profileId);
            return;
        }

        var run = await dispatcher.QueueAsync(profile, ScanTrigger.Scheduled, null, null, "", cancellationToken);
        logger.LogInformation("Scheduled scan {RunId} of profile {ProfileId} queued", run.Id, profileId);
    }
}
