using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Failed sign-ins per client and account (ADR 0011). After <see cref="RateLimitingOptions.AccountFailures"/> failures
/// from one client, its next attempts at that account are refused with 429 before the password is checked, so they
/// do not count towards Identity's lockout: a single client can slow an account's owner down but not lock them out.
/// Failures are also written to the audit log through <see cref="AuditBursts"/>.
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitingOptions> options, AuditBursts bursts, TimeProvider clock)
{
    public const string FailedAction = "account.sign-in-failed";

    private const int SweepAbove = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Window> windows = new(StringComparer.Ordinal);

    private RateLimit Limit => options.Value.AccountFailures;

    /// <summary>
    /// Null when this client may try the account; otherwise a 429 with Retry-After, the refusal audited like a failure.
    /// </summary>
    public async Task<IActionResult?> RefuseAsync(HttpContext context, string account, string? userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.Enabled)
        {
            return null;
        }

        TimeSpan wait;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!windows.TryGetValue(Key(context, account), out var window) || window.EndsAt <= now || window.Failures < Limit.PermitLimit)
            {
                return null;
            }

            wait = window.EndsAt - now;
        }

        await bursts.RecordAsync(context, FailedAction, "ShishinUser", userId, "throttled", new { reason = "throttled" });
        ShishinRateLimiting.SetRetryAfter(context.Response, wait);
        // An empty 429: the status code page renders the localised "too many requests" page.
        return new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>Counts a failed attempt of this client at the account and audits it.</summary>
    public async Task FailedAsync(HttpContext context, string account, string? userId, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.Value.Enabled)
        {
            lock (gate)
            {
                var now = clock.GetUtcNow();
                if (windows.Count > SweepAbove)
                {
                    foreach (var expired in windows.Where(w => w.Value.EndsAt <= now).Select(w => w.Key).ToList())
                    {
                        windows.Remove(expired);
                    }
                }

                var key = Key(context, account);
                if (!windows.TryGetValue(key, out var window) || window.EndsAt <= now)
                {
                    window = new Window(now + Limit.Window);
                    windows[key] = window;
                }

                window.Failures++;
            }
        }

        await bursts.RecordAsync(context, FailedAction, "ShishinUser", userId, reason, new { reason });
    }

    /// <summary>A successful sign-in clears the client's count for the account, as Identity clears its failure count.</summary>
    public void Succeeded(HttpContext context, string account)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (gate)
        {
            windows.Remove(Key(context, account));
        }
    }

    private static string Key(HttpContext context, string account) =>
        ShishinRateLimiting.ClientKey(context) + "\n" + account.Trim().ToUpperInvariant();

    private sealed class Window(DateTimeOffset endsAt)
    {
        public DateTimeOffset EndsAt { get; } = endsAt;
        public int Failures { get; set; }
    }
}
