using Microsoft.Extensions.Options;
using Shishin.Core.Auditing;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Keeps a guessing client from writing one audit row per attempt (ADR 0011). Per client and action, the first
/// <see cref="AuditBurstOptions.WrittenEach"/> events of a burst are written as they happen; the rest are counted and
/// become one row when the burst closes: at the client's next event after the window, on the periodic flush, or at
/// shutdown.
/// </summary>
public sealed class AuditBursts(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RateLimitingOptions> options, ILogger<AuditBursts> logger)
{
    /// <summary>Past this many open bursts (a spread-out attack), events are written one by one rather than held.</summary>
    private const int MaxOpenBursts = 10_000;

    private const int SummaryAttempts = 3;

    private readonly Lock gate = new();
    private readonly Dictionary<(string Action, string Client), Burst> open = [];

    private AuditBurstOptions Settings => options.Value.AuditBursts;

    /// <summary>Records one event of the current request's client, or counts it into that client's open burst.</summary>
    public async Task RecordAsync(
        HttpContext context, string action, string entityType, string? entityId, string reason, object details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = (action, ShishinRateLimiting.ClientKey(context));
        Burst? closed = null;
        bool write;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (open.TryGetValue(key, out var burst) && now - burst.StartedAt >= Settings.Window)
            {
                closed = burst;
                open.Remove(key);
                burst = null;
            }

            if (burst is null && open.Count >= MaxOpenBursts)
            {
                write = true;
            }
            else
            {
                if (burst is null)
                {
                    burst = new Burst(action, entityType, now);
                    open[key] = burst;
                }

                burst.Seen++;
                write = burst.Seen <= Settings.WrittenEach;
                if (!write)
                {
                    burst.Count(context.Connection.RemoteIpAddress?.ToString(), entityId, reason, now);
                }
            }
        }

        if (closed is not null)
        {
            await WriteSummaryAsync(closed, cancellationToken);
        }

        if (write)
        {
            await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(action, entityType, entityId, details, cancellationToken);
        }
    }

    /// <summary>Writes the summaries of closed bursts, or of every burst (at shutdown).</summary>
    public async Task FlushAsync(bool all, CancellationToken cancellationToken = default)
    {
        List<Burst> closed;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var keys = open.Where(p => all || now - p.Value.StartedAt >= Settings.Window).Select(p => p.Key).ToList();
            closed = keys.Select(k => open[k]).ToList();
            foreach (var key in keys)
            {
                open.Remove(key);
            }
        }

        foreach (var burst in closed)
        {
            await WriteSummaryAsync(burst, cancellationToken);
        }
    }

    private async Task WriteSummaryAsync(Burst burst, CancellationToken cancellationToken)
    {
        if (burst.Held == 0)
        {
            return;
        }

        // The held count exists nowhere else, so a failed write (a busy database at shutdown) is tried again before it
        // is given up and logged.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var actor = scope.ServiceProvider.GetRequiredService<AuditActor>();
                actor.Name = "anonymous";
                actor.ClientIp = burst.ClientIp;
                var entityId = burst.EntityIds.Count == 1 ? burst.EntityIds.First() : null;
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(burst.Action, burst.EntityType, entityId, new
                {
                    reason = "repeated",
                    count = burst.Held,
                    reasons = burst.Reasons,
                    accounts = burst.EntityIds.Count,
                    firstAt = burst.FirstHeldAt.UtcDateTime,
                    lastAt = burst.LastHeldAt.UtcDateTime,
                }, cancellationToken);
                return;
            }
#pragma warning disable CA1031 // The flush runs outside any request; a database outage must not stop the host. Logged instead.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                if (attempt < SummaryAttempts)
                {
                    logger.LogWarning(e, "Writing the audit summary of {Count} repeated {Action} events failed (attempt {Attempt}); trying again.", burst.Held, burst.Action, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), clock, cancellationToken);
                    continue;
                }

                logger.LogError(e, "Could not write the audit summary of {Count} repeated {Action} events from {Client}.", burst.Held, burst.Action, burst.ClientIp);
                return;
            }
        }
    }

    private sealed class Burst(string action, string entityType, DateTimeOffset startedAt)
    {
        public string Action { get; } = action;
        public string EntityType { get; } = entityType;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public int Seen { get; set; }
        public int Held { get; private set; }
        public string? ClientIp { get; private set; }
        public HashSet<string> EntityIds { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);
        public DateTimeOffset FirstHeldAt { get; private set; }
        public DateTimeOffset LastHeldAt { get; private set; }

        public void Count(string? clientIp, string? entityId, string reason, DateTimeOffset now)
        {
            if (Held == 0)
            {
                FirstHeldAt = now;
            }

            Held++;
            LastHeldAt = now;
            ClientIp = clientIp;
            if (entityId is not null && EntityIds.Count < 100)
            {
                EntityIds.Add(entityId);
            }

            Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
        }
    }
}
