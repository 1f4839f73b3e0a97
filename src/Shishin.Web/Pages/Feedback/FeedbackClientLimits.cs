using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Feedback;

/// <summary>
/// The per-client token bucket of the intake (<c>Feedback:RateLimit:*</c>), shared by the JSON API and the plain form.
/// Clients are told apart as everywhere else (ADR 0011: the address after forwarded headers, IPv6 by its /64). Kept in
/// this node's memory; idle buckets are dropped by the partitioned limiter.
/// </summary>
public sealed class FeedbackClientLimits(IOptions<FeedbackOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.RateLimit.TokenLimit,
            TokensPerPeriod = options.Value.RateLimit.TokensPerPeriod,
            ReplenishmentPeriod = options.Value.RateLimit.ReplenishmentPeriod,
            QueueLimit = 0,
            // The partitioned limiter replenishes every bucket from one timer instead of a timer per client.
            AutoReplenishment = false,
        }));

    /// <summary>Null when the client may submit; otherwise how long it should wait.</summary>
    public TimeSpan? Refuse(string client)
    {
        if (!options.Value.RateLimit.Enabled)
        {
            return null;
        }

        using var lease = limiter.AttemptAcquire(client);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.RateLimit.ReplenishmentPeriod;
    }

    public void Dispose() => limiter.Dispose();
}
