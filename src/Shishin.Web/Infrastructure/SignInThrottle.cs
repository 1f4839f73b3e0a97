using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Failed sign-ins per client and account (ADR 0011). After <see cref="RateLimitingOptions.AccountFailures"/> failures
/// from one client, its next attempts at that account are refused with 429 before the password is checked, so they
/// do not count towards Identity's lockout: a single client can slow an account's owner down but not lock them out.
/// Failures are also written to the audit log through <see cref="AuditBursts"/>.
/// <para>It also counts failed sign-ins per e-mail address from every client, known account or not, with Identity's
/// lockout rule (the threshold, then a pause of the lockout time), so that the sign-in page can show its lockout notice
/// for every address after the same number of failures and not only for addresses that have an account. The count is
/// held in this node's memory: on several nodes an unknown address needs its failures on one node.</para>
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitingOptions> options, IOptions<IdentityOptions> identity, AuditBursts bursts, TimeProvider clock)
{
    public const string FailedAction = "account.sign-in-failed";

    private const int SweepAbove = 10_000;

    /// <summary>An address's failures are forgotten this long after the last one (Identity keeps its count until a success).</summary>
    private static readonly TimeSpan AddressMemory = TimeSpan.FromDays(1);

    /// <summary>Reset e-mails per address and hour, whoever asks, so the form cannot flood someone's inbox.</summary>
    public const int ResetEmailsPerHour = 3;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Window> windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressState> addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> resetEmails = new(StringComparer.Ordinal);

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
            addresses.Remove(Normalize(account));
        }
    }

    /// <summary>
    /// Counts a failed sign-in with this address from any client, as Identity counts an account's: at the threshold the
    /// address is paused for the lockout time and the count starts again; failures while paused do not count.
    /// </summary>
    public void AddressFailed(string account)
    {
        var lockout = identity.Value.Lockout;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            Sweep(addresses, a => a.LastFailure + AddressMemory <= now && a.LockedUntil <= now);
            var key = Normalize(account);
            if (!addresses.TryGetValue(key, out var state) || state.LastFailure + AddressMemory <= now)
            {
                state = new AddressState();
                addresses[key] = state;
            }

            state.LastFailure = now;
            if (state.LockedUntil > now)
            {
                return;
            }

            if (++state.Failures >= lockout.MaxFailedAccessAttempts)
            {
                state.Failures = 0;
                state.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            }
        }
    }

    /// <summary>True while the address is paused after its failures (see <see cref="AddressFailed"/>).</summary>
    public bool IsAddressPaused(string account)
    {
        lock (gate)
        {
            return addresses.TryGetValue(Normalize(account), out var state) && state.LockedUntil > clock.GetUtcNow();
        }
    }

    /// <summary>Forgets an address's failures (an administrator unlocked the account, or its password was reset).</summary>
    public void ClearAddress(string account)
    {
        lock (gate)
        {
            addresses.Remove(Normalize(account));
        }
    }

    /// <summary>True, and counted, when another reset e-mail may go to this address this hour.</summary>
    public bool TryTakeResetEmail(string account)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            Sweep(resetEmails, w => w.EndsAt <= now);
            var key = Normalize(account);
            if (!resetEmails.TryGetValue(key, out var window) || window.EndsAt <= now)
            {
                window = new Window(now + TimeSpan.FromHours(1));
                resetEmails[key] = window;
            }

            if (window.Failures >= ResetEmailsPerHour)
            {
                return false;
            }

            window.Failures++;
            return true;
        }
    }

    private static void Sweep<T>(Dictionary<string, T> entries, Func<T, bool> expired)
    {
        if (entries.Count > SweepAbove)
        {
            foreach (var key in entries.Where(e => expired(e.Value)).Select(e => e.Key).ToList())
            {
                entries.Remove(key);
            }
        }
    }

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();

    private static string Key(HttpContext context, string account) =>
        ShishinRateLimiting.ClientKey(context) + "\n" + account.Trim().ToUpperInvariant();

    private sealed class AddressState
    {
        public int Failures { get; set; }
        public DateTimeOffset LastFailure { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
    }

    private sealed class Window(DateTimeOffset endsAt)
    {
        public DateTimeOffset EndsAt { get; } = endsAt;
        public int Failures { get; set; }
    }
}
