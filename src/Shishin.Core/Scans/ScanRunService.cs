using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Scans;

/// <summary>
/// Creates runs and stores their results. A queued run is a row here plus a Quartz job that names it (see
/// <c>Jobs/RunScanJob</c>); the row is what the UI and API show, the job is how a worker gets to it.
/// </summary>
public sealed class ScanRunService(ShishinDbContext db, TimeProvider clock)
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
    /// cancelled when the report says so), and the service's daily aggregate, in one transaction.
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
        await UpdateDailyAggregateAsync(run, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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

    private async Task UpdateDailyAggregateAsync(ScanRun run, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(JapanTime.FromUtc(run.FinishedAt!.Value));
        var aggregate = await db.ScanDailyAggregates.FindAsync([run.ServiceId, day], cancellationToken);
        if (aggregate is null)
        {
            aggregate = new ScanDailyAggregate { ServiceId = run.ServiceId, Day = day };
            db.ScanDailyAggregates.Add(aggregate);
        }

        aggregate.Runs++;
        aggregate.LastRunId = run.Id;
        aggregate.Pages = run.Pages;
        aggregate.PagesWithViolations = run.PagesWithViolations;
        aggregate.Critical = run.Critical;
        aggregate.Serious = run.Serious;
        aggregate.Moderate = run.Moderate;
        aggregate.Minor = run.Minor;
        aggregate.NeedsReview = run.NeedsReview;
        aggregate.SecurityFindings = run.SecurityFindings;
        aggregate.LcpMedianMs = run.LcpMedianMs;
        aggregate.ClsMedian = run.ClsMedian;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly JsonSerializerOptions OverridesJson = new(JsonSerializerDefaults.Web);
}
