using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shishin.Core.Data;
using Shishin.Core.Notifications;

namespace Shishin.Core.Uptime;

/// <summary>
/// The probe loop behind <see cref="ProbeUptimeJob"/>: claims the checks whose time has come (moving their next
/// probe time on at once, so a crash costs one probe, never a duplicate), probes them concurrently through
/// <see cref="UptimeProber"/>, and stores the results in batches. One per process; the Quartz job's
/// DisallowConcurrentExecution keeps it to one node of a cluster at a time.
/// </summary>
public sealed partial class UptimeRunner(IServiceScopeFactory scopes, UptimeProber prober, IOptions<UptimeOptions> options, TimeProvider clock, ILogger<UptimeRunner> logger)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SyncEvery = TimeSpan.FromMinutes(1);
    private const int ClaimBatch = 500;

    private DateTime lastSync = DateTime.MinValue;

    /// <summary>Claims, probes and records for <see cref="UptimeOptions.RunFor"/>, then waits for its probes and returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime + options.Value.RunFor;
        var running = new List<Task<ProbeResult>>();
        while (!cancellationToken.IsCancellationRequested && clock.GetUtcNow().UtcDateTime < until)
        {
            await SyncIfDueAsync(cancellationToken);
            running.AddRange(await ClaimAsync(Lookahead, cancellationToken));
            try
            {
                await Task.Delay(Tick, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await FlushAsync(running, wait: false, cancellationToken);
        }

        await FlushAsync(running, wait: true, cancellationToken);
    }

    /// <summary>
    /// Keeps the checks in step, probes every check due now, waits for all of them and stores the results; returns
    /// the notifications published. What one execution does in one step (tests, a manual run).
    /// </summary>
    public async Task<IReadOnlyList<NotificationEvent>> ProbeDueAsync(CancellationToken cancellationToken = default)
    {
        await SyncIfDueAsync(cancellationToken, force: true);
        var running = await ClaimAsync(TimeSpan.Zero, cancellationToken);
        return await FlushAsync(running, wait: true, cancellationToken);
    }

    private async Task SyncIfDueAsync(CancellationToken cancellationToken, bool force = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!force && now - lastSync < SyncEvery)
        {
            return;
        }

        lastSync = now;
        await using var scope = scopes.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<UptimeChecks>().SyncAllAsync(cancellationToken);
        if (changed > 0)
        {
            LogSynced(changed);
        }
    }

    private async Task<List<Task<ProbeResult>>> ClaimAsync(TimeSpan lookahead, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + lookahead;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var due = await db.UptimeChecks.Where(c => c.Enabled && c.NextProbeAt <= horizon)
            .OrderBy(c => c.NextProbeAt).Take(ClaimBatch).ToListAsync(cancellationToken);
        var started = new List<Task<ProbeResult>>(due.Count);
        if (due.Count == 0)
        {
            return started;
        }

        var settings = options.Value;
        var claims = new List<(Guid Id, string Url, DateTime Due)>(due.Count);
        foreach (var check in due)
        {
            var interval = check.IntervalSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : settings.DefaultInterval;
            claims.Add((check.Id, check.Url, check.NextProbeAt));
            // next = now + interval + jitter (from the due time when it is still ahead, so probes do not drift early).
            var from = check.NextProbeAt > now ? check.NextProbeAt : now;
            check.NextProbeAt = from + interval + Jitter(settings.Jitter);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (id, url, dueAt) in claims)
        {
            started.Add(ProbeOneAsync(id, url, dueAt, cancellationToken));
        }

        return started;
    }

    private async Task<ProbeResult> ProbeOneAsync(Guid checkId, string url, DateTime dueAt, CancellationToken cancellationToken)
    {
        // Claimed a little ahead: wait for the due time, plus a small random delay so that checks due in the same
        // second do not all leave at once.
        var wait = dueAt - clock.GetUtcNow().UtcDateTime + Jitter(options.Value.Jitter / 4);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }

        var at = clock.GetUtcNow().UtcDateTime;
        var outcome = await prober.ProbeAsync(url, cancellationToken);
        return new ProbeResult(checkId, dueAt, at, outcome);
    }

    private async Task<IReadOnlyList<NotificationEvent>> FlushAsync(List<Task<ProbeResult>> running, bool wait, CancellationToken cancellationToken)
    {
        if (wait)
        {
            try
            {
                await Task.WhenAll(running);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: the probes that did finish are still stored below.
            }
        }

        var done = running.Where(t => t.IsCompleted).ToList();
        if (done.Count == 0)
        {
            return [];
        }

        running.RemoveAll(t => t.IsCompleted);
        var results = done.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
        foreach (var failed in done.Where(t => t.IsFaulted))
        {
            LogProbeFailed(failed.Exception!.GetBaseException());
        }

        await using var scope = scopes.CreateAsyncScope();
        // Stored even when the job is being stopped: the probes were made and their checks already moved on.
        return await scope.ServiceProvider.GetRequiredService<UptimeRecorder>().RecordAsync(results, CancellationToken.None);
    }

    private static TimeSpan Jitter(TimeSpan max) =>
        max <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * max.TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uptime checks kept in step with the entry URLs: {Changed} added or removed")]
    private partial void LogSynced(int changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "An uptime probe failed unexpectedly")]
    private partial void LogProbeFailed(Exception exception);
}
