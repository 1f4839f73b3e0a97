using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Failed API key attempts per client (<see cref="RateLimitingOptions.ApiKeyFailures"/>): past the limit, the client's
/// next requests with a key get 429 before the key is looked up, so keys cannot be tried at speed. Held in this
/// node's memory like the other limits.
/// </summary>
public sealed class ApiKeyThrottle : IDisposable
{
    private readonly IOptions<RateLimitingOptions> options;
    private readonly PartitionedRateLimiter<string> failures;

    public ApiKeyThrottle(IOptions<RateLimitingOptions> options)
    {
        this.options = options;
        failures = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.ApiKeyFailures.PermitLimit,
                Window = options.Value.ApiKeyFailures.Window,
                QueueLimit = 0,
            }));
    }

    /// <summary>True, with how long to wait, when the client has used up its failures of the current window.</summary>
    public bool Refuses(HttpContext context, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!options.Value.Enabled)
        {
            return false;
        }

        // Asking for no permit only looks: it succeeds while failures remain and takes nothing.
        using var probe = failures.AttemptAcquire(ShishinRateLimiting.ClientKey(context), 0);
        if (probe.IsAcquired)
        {
            return false;
        }

        retryAfter = probe.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.ApiKeyFailures.Window;
        return true;
    }

    /// <summary>Counts a failed attempt of the client.</summary>
    public void Failed(HttpContext context)
    {
        if (options.Value.Enabled)
        {
            failures.AttemptAcquire(ShishinRateLimiting.ClientKey(context)).Dispose();
        }
    }

    public void Dispose() => failures.Dispose();
}
