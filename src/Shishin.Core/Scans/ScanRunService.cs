using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Scans;

/// <summary>
/// Creates runs and stores their results. A queued run is a row here plus a Quartz job that names it (see
/// <c>Jobs/RunScanJob</c>); the row is what the UI and API show, the job is how a worker gets to it.
/// </summary>
public sealed class ScanRunService(ShishinDbContext db, ScanDiff diff, TimeProvider clock)
{
    /// <summary>Adds a queued run of <paramref name="profile"/> and saves it; the caller schedules its job.</summary>
    public async Task<ScanRun> AddQueuedAsync(ScanProfile profile, ScanTrigger trigger, ScanRunOverrides? overrides,
        Guid? requestedById, string requestedByName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var run = new ScanRun
        {
            ServiceId = profile.ServiceId,
            ProfileId = profile.Id,
            Status = ScanRunStatus.Queued,
            Trigger = trigger,
            RequestedById = requestedById,
            RequestedByName = requestedByName,
            QueuedAt = clock.GetUtcNow().UtcDateTime,
            OverridesJson = overrides is null ? null : JsonSerializer.Serialize(overrides, OverridesJson),
        };
        db.ScanRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>
    /// Stores a report pushed from a vendor's pipeline as a run of <paramref name="serviceId"/>, exactly as a run of ours
    /// is stored (<see cref="RecordAsync"/>), marked <see cref="ScanTrigger.Uploaded"/> with who uploaded it. The report
    /// must be valid against the schema (<see cref="ScanReportSchema"/>).
    /// </summary>
    public async Task<ScanRun> RecordUploadAsync(Guid serviceId, JsonElement report, Guid? uploadedById, string uploadedByName,
        CancellationToken cancellationToken = default)
    {
        var run = new ScanRun
        {
            ServiceId = serviceId,
            Status = ScanRunStatus.Running,
            Trigger = ScanTrigger.Uploaded,
            RequestedById = uploadedById,
            RequestedByName = uploadedByName.Length <= 200 ? uploadedByName : uploadedByName[..200],
            QueuedAt = clock.GetUtcNow().UtcDateTime,
            StartedAt = report.TryGetProperty("startedAt", out var started) && started.TryGetDateTimeOffset(out var at) ? at.UtcDateTime : null,
        };
        // Added, not saved: RecordAsync saves the run with its pages in one transaction, so a failed upload leaves nothing.
        db.ScanRuns.Add(run);
        await RecordAsync(run, report, cancellationToken);
        return run;
    }

    /// <summary>The overrides a queued run was created with.</summary>
    public static ScanRunOverrides? OverridesOf(ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.OverridesJson is { } json ? JsonSerializer.Deserialize<ScanRunOverrides>(json, OverridesJson) : null;
    }

    /// <summary>
    /// Stores a finished report for <paramref name="run"/>: its pages, findings and summary, the status (done, or
    /// cancelled when the report says so) in one transaction; then the service's daily aggregate.
    /// </summary>
    public async Task RecordAsync(ScanRun run, JsonElement report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var pages = ScanReportReader.Read(report, run);
        var now = clock.GetUtcNow().UtcDateTime;
        run.Status = report.TryGetProperty("cancelled", out var cancelled) && cancelled.ValueKind == JsonValueKind.True
            ? ScanRunStatus.Cancelled : ScanRunStatus.Done;
        run.StartedAt ??= now;
        run.FinishedAt = now;
        run.CurrentUrl = "";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A run stored again (a worker died after storing, before Quartz knew) replaces its pages, never doubles them.
        await db.ScanPages.Where(p => p.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        db.ScanPages.AddRange(pages);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await UpdateDailyAggregateAsync(run, cancellationToken);
        await diff.NotifyNewSeriousAsync(run, pages, cancellationToken);
    }

    /// <summary>
    /// Keeps what a run found before its worker stopped (SIGTERM), and puts the run back in the queue: status Queued,
    /// <paramref name="note"/> in <see cref="ScanRun.Error"/> so the run says why it is waiting again. The pages stored
    /// now are replaced by the next attempt's report (<see cref="RecordAsync"/>), and the daily aggregate is untouched
    /// until then, so a requeued run is counted and stored as complete once.
    /// </summary>
    public async Task StoreAndRequeueAsync(ScanRun run, JsonElement report, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var pages = ScanReportReader.Read(report, run);
        run.Status = ScanRunStatus.Queued;
        run.FinishedAt = null;
        run.CurrentUrl = "";
        run.Error = note.Length <= 2000 ? note : note[..2000];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ScanFindings.Where(f => f.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ScanPages.Where(p => p.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        db.ScanPages.AddRange(pages);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await diff.NotifyNewSeriousAsync(run, pages, cancellationToken);
    }

    /// <summary>Ends a run that could not produce a report.</summary>
    public async Task FailAsync(ScanRun run, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Status = ScanRunStatus.Failed;
        run.Error = error.Length <= 2000 ? error : error[..2000];
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.CurrentUrl = "";
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the service's aggregate of the day the run finished, after the run itself is committed. Two workers may
    /// finish runs of one service at the same moment, so the row is recomputed from the stored runs (never incremented)
    /// and a writer that loses the race to insert it tries again: the run is stored whatever happens here, and the next
    /// run of the day writes the row afresh.
    /// </summary>
    private async Task UpdateDailyAggregateAsync(ScanRun run, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(JapanTime.FromUtc(run.FinishedAt!.Value));
        var (from, to) = (JapanTime.ToUtc(day), JapanTime.ToUtc(day.AddDays(1)));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var finished = db.ScanRuns.AsNoTracking().Where(r => r.ServiceId == run.ServiceId
                    && (r.Status == ScanRunStatus.Done || r.Status == ScanRunStatus.Cancelled) && r.FinishedAt >= from && r.FinishedAt < to);
                var count = await finished.CountAsync(cancellationToken);
                var last = await finished.OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken) ?? run;
                var aggregate = await db.ScanDailyAggregates.FindAsync([run.ServiceId, day], cancellationToken);
                if (aggregate is null)
                {
                    aggregate = new ScanDailyAggregate { ServiceId = run.ServiceId, Day = day };
                    db.ScanDailyAggregates.Add(aggregate);
                }

                aggregate.Runs = Math.Max(count, 1);
                aggregate.LastRunId = last.Id;
                aggregate.Pages = last.Pages;
                aggregate.PagesWithViolations = last.PagesWithViolations;
                aggregate.Critical = last.Critical;
                aggregate.Serious = last.Serious;
                aggregate.Moderate = last.Moderate;
                aggregate.Minor = last.Minor;
                aggregate.NeedsReview = last.NeedsReview;
                aggregate.SecurityFindings = last.SecurityFindings;
                aggregate.LcpMedianMs = last.LcpMedianMs;
                aggregate.ClsMedian = last.ClsMedian;
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another worker inserted or changed the row meanwhile: forget our copy and recompute.
                foreach (var entry in db.ChangeTracker.Entries<ScanDailyAggregate>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    private static readonly JsonSerializerOptions OverridesJson = new(JsonSerializerDefaults.Web);
}
