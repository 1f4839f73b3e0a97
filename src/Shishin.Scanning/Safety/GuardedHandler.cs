namespace Shishin.Scanning.Safety;

/// <summary>What the guard said about a URL or a failed request, for callers outside the scanner (uptime probes, webhooks).</summary>
/// <param name="Blocked">True when the guard refused the URL or the connection.</param>
/// <param name="Unresolvable">True when the host name did not resolve.</param>
/// <param name="Detail">Why, in English, without secrets.</param>
public sealed record GuardVerdict(bool Blocked, bool Unresolvable, string Detail);

/// <summary>
/// The scanner's SSRF guard for the platform's other fetches (uptime probes, webhooks): an <see cref="HttpClient"/> handler whose
/// every connection resolves the host once and connects only to a checked address, and the URL form check that goes
/// before each request and redirect hop. Redirects are not followed by the handler; the caller checks every hop.
/// </summary>
public sealed class GuardedHandler
{
    private readonly EgressGuard guard;

    /// <param name="allowPrivateNetworks">Reach loopback and private addresses on any port (<c>Scanning:AllowPrivateNetworks</c>).</param>
    public GuardedHandler(bool allowPrivateNetworks)
    {
        guard = new EgressGuard(new EgressPolicy
        {
            AllowPrivate = allowPrivateNetworks,
            // As for the platform's scans: any port once private networks are allowed, else 80 and 443 only.
            AllowedPorts = allowPrivateNetworks ? null : new HashSet<int> { 80, 443 },
        });
    }

    /// <summary>A new handler whose connections all pass the guard (no proxy, no cookies, no automatic redirects).</summary>
    public SocketsHttpHandler CreateHandler() => guard.CreateHandler();

    /// <summary>Checks a URL's form without network access; null when it may be requested.</summary>
    public GuardVerdict? CheckForm(string url)
    {
        var decision = guard.CheckForm(url);
        return decision.Allowed ? null : new GuardVerdict(true, false, decision.Detail);
    }

    /// <summary>The guard's refusal inside an exception thrown by a request through <see cref="CreateHandler"/>, if any.</summary>
    public static GuardVerdict? FindRefusal(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is EgressBlockedException blocked)
            {
                var unresolvable = blocked.Decision.Reason == EgressBlockReason.Unresolvable;
                return new GuardVerdict(!unresolvable, unresolvable, blocked.Decision.Detail);
            }
        }

        return null;
    }
}
