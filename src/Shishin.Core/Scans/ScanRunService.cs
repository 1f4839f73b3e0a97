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
