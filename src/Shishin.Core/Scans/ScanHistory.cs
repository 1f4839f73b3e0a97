using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Scans;

/// <summary>What the scan pages read: a service's runs, one run with its pages, and the daily aggregates trends are drawn from.</summary>
public sealed class ScanHistory(ShishinDbContext db)
{
    /// <summary>The service's runs, newest first.</summary>
    public async Task<List<ScanRun>> RunsAsync(Guid serviceId, int take, CancellationToken cancellationToken = default) =>
        await db.ScanRuns.AsNoTracking().Where(r => r.ServiceId == serviceId)
            .OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>Finished runs whose detail is kept, newest first: the runs a diff can compare.</summary>
    public async Task<List<ScanRun>> ComparableRunsAsync(Guid serviceId, int take, CancellationToken cancellationToken = default) =>
        await db.ScanRuns.AsNoTracking()
            .Where(r => r.ServiceId == serviceId && !r.DetailPruned && (r.Status == ScanRunStatus.Done || r.Status == ScanRunStatus.Cancelled))
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);

    public async Task<ScanRun?> FindRunAsync(Guid serviceId, Guid runId, CancellationToken cancellationToken = default) =>
        await db.ScanRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.ServiceId == serviceId, cancellationToken);

    /// <summary>The tracked run, for cancelling.</summary>
    public async Task<ScanRun?> FindRunForUpdateAsync(Guid serviceId, Guid runId, CancellationToken cancellationToken = default) =>
        await db.ScanRuns.FirstOrDefaultAsync(r => r.Id == runId && r.ServiceId == serviceId, cancellationToken);

    public async Task<string?> ProfileNameAsync(Guid? profileId, CancellationToken cancellationToken = default) =>
        profileId is { } id ? await db.ScanProfiles.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) : null;

    /// <summary>The service's daily aggregates from <paramref name="from"/> on, oldest first (kept after runs are pruned).</summary>
    public async Task<List<ScanDailyAggregate>> DailyAsync(Guid serviceId, DateOnly from, CancellationToken cancellationToken = default) =>
        await db.ScanDailyAggregates.AsNoTracking().Where(a => a.ServiceId == serviceId && a.Day >= from)
            .OrderBy(a => a.Day).ToListAsync(cancellationToken);
}
