using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Jobs;

namespace Shishin.Core.Scans;

/// <summary>
/// Keeps each profile's Quartz trigger in step with its cadence: one cron trigger per profile whose cadence is not Off,
/// firing <see cref="QueueScheduledScanJob"/>. Call <see cref="SyncAsync"/> after a profile is created or edited and
/// <see cref="RemoveAsync"/> before it is deleted; every node that runs jobs calls <see cref="ReconcileAsync"/> at start.
/// The time within the period is a stable hash of the service and profile, so a thousand services do not start at
/// once and a profile keeps its slot across restarts, nodes and versions.
/// </summary>
public sealed class ScanSchedules(ShishinDbContext db, ISchedulerFactory schedulers, TimeProvider clock)
{
    public const string TriggerGroup = "scan-schedules";

    private static readonly ScanCadence[] Scheduled = [ScanCadence.Daily, ScanCadence.Weekly, ScanCadence.Monthly];

    /// <summary>
    /// The trigger of a profile at a cadence. The cadence is part of the name, and the slot depends only on ids, so the
    /// key alone says whether a stored trigger is right: reconciling compares keys and loads no trigger.
    /// </summary>
    public static TriggerKey KeyFor(Guid profileId, ScanCadence cadence) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{profileId:N}-{cadence.ToString().ToLowerInvariant()}"), TriggerGroup);

    public async Task SyncAsync(ScanProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var cadence in Scheduled.Where(c => c != profile.Cadence))
        {
            await scheduler.UnscheduleJob(KeyFor(profile.Id, cadence), cancellationToken);
        }

        if (profile.Cadence == ScanCadence.Off || await scheduler.Exists(KeyFor(profile.Id, profile.Cadence), cancellationToken))
        {
            return;
        }

        try
        {
            await scheduler.ScheduleJob(Trigger(profile.ServiceId, profile.Id, profile.Cadence, clock.GetUtcNow()), cancellationToken: cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another node (or request) stored the same trigger a moment ago: the same key means the same schedule.
        }
    }

    public async Task RemoveAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJobs([.. Scheduled.Select(c => KeyFor(profileId, c))], cancellationToken);
    }

    /// <summary>
    /// Makes the stored triggers exactly the profiles' schedules: missing ones are added (in batches, one transaction
    /// each), orphans removed. Reads one narrow projection of the profiles and the trigger keys of one group, so with
    /// everything in step it costs two queries however many profiles there are.
    /// </summary>
    public async Task<(int Added, int Removed)> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var profiles = await db.ScanProfiles.AsNoTracking().Where(p => p.Cadence != ScanCadence.Off)
            .Select(p => new { p.Id, p.ServiceId, p.Cadence }).ToListAsync(cancellationToken);
        var wanted = profiles.ToDictionary(p => KeyFor(p.Id, p.Cadence));
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var stored = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(TriggerGroup), cancellationToken);

        var orphans = stored.Where(k => !wanted.ContainsKey(k)).ToList();
        if (orphans.Count > 0)
        {
            await scheduler.UnscheduleJobs(orphans, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var missing = wanted.Where(w => !stored.Contains(w.Key)).Select(w => Trigger(w.Value.ServiceId, w.Value.Id, w.Value.Cadence, now)).ToList();
        var job = JobBuilder.Create<QueueScheduledScanJob>().WithIdentity(QueueScheduledScanJob.Key).StoreDurably().Build();
        foreach (var batch in missing.Chunk(500))
        {
            // Replace: two nodes reconciling at once both succeed, and the job row is the same one either way.
            await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = batch }, ScheduleJobOptions.Replacing, cancellationToken);
        }

        return (missing.Count, orphans.Count);
    }

    /// <summary>
    /// The profile's trigger: a cron schedule in Tokyo time at its staggered slot. Misfire: FireAndProceed — a schedule
    /// missed while every node was down runs once when a node is back, then keeps its slot; never once per missed period.
    /// </summary>
    public static ITrigger Trigger(Guid serviceId, Guid profileId, ScanCadence cadence, DateTimeOffset startAt) => TriggerBuilder.Create()
        .WithIdentity(KeyFor(profileId, cadence))
        .ForJob(QueueScheduledScanJob.Key)
        .UsingJobData(QueueScheduledScanJob.ProfileIdKey, profileId.ToString())
        .WithCronSchedule(CronFor(serviceId, profileId, cadence), c => c.InTimeZone(JapanTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .StartAt(startAt)
        .Build();

    /// <summary>
    /// The Quartz cron expression of the slot: a second of the day (daily), of the week (weekly) or of the first 28
    /// days of the month (monthly, so every month has it), chosen by a SHA-256 of the service and profile ids — stable
    /// everywhere, unlike <see cref="object.GetHashCode"/>, and spread evenly.
    /// </summary>
    public static string CronFor(Guid serviceId, Guid profileId, ScanCadence cadence)
    {
        const int Day = 86_400;
        var hash = Hash(serviceId, profileId);
        var period = cadence switch
        {
            ScanCadence.Daily => Day,
            ScanCadence.Weekly => 7 * Day,
            ScanCadence.Monthly => 28 * Day,
            _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "A profile that is off has no schedule."),
        };
        var slot = (int)(hash % (ulong)period);
        var (day, second) = (slot / Day, slot % Day);
        var time = string.Create(CultureInfo.InvariantCulture, $"{second % 60} {second / 60 % 60} {second / 3600}");
        return cadence switch
        {
            ScanCadence.Daily => $"{time} * * ?",
            // Quartz numbers the days of the week from Sunday = 1.
            ScanCadence.Weekly => string.Create(CultureInfo.InvariantCulture, $"{time} ? * {day + 1}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{time} {day + 1} * ?"),
        };
    }

    private static ulong Hash(Guid serviceId, Guid profileId)
    {
        Span<byte> input = stackalloc byte[32];
        serviceId.TryWriteBytes(input[..16]);
        profileId.TryWriteBytes(input[16..]);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
