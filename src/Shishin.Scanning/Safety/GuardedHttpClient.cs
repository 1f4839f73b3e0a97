namespace Shishin.Scanning.Safety;

/// <summary>
/// An <see cref="HttpClient"/> for the platform's own outgoing requests (webhooks, probes) behind the scanner's SSRF
/// guard: every connection resolves the name once, checks each address and connects to the checked one, so neither a
/// redirect (none is followed) nor a second DNS answer can reach an internal address.
/// </summary>
public static class GuardedHttpClient
{
    /// <summary>
    /// A new client. Without <paramref name="allowPrivateNetworks"/> only public addresses on ports 80 and 443 are
    /// reached; with it (tests, intranet deployments) any address and port. A refused connection fails the request
    /// with an <see cref="HttpRequestException"/>.
    /// </summary>
    public static HttpClient Create(bool allowPrivateNetworks, TimeSpan timeout)
    {
        var guard = new EgressGuard(new EgressPolicy
        {
            AllowPrivate = allowPrivateNetworks,
            AllowedPorts = allowPrivateNetworks ? null : new HashSet<int> { 80, 443 },
        });
        return new HttpClient(guard.CreateHandler(), disposeHandler: true) { Timeout = timeout };
    }

    /// <summary>Checks a URL's form without network access (scheme, user info, numeric host tricks, internal names, port).</summary>
    /// <returns>Null when the form is acceptable, otherwise why not.</returns>
    public static EgressBlockReason? CheckForm(string url, bool allowPrivateNetworks)
    {
        var guard = new EgressGuard(new EgressPolicy
        {
            AllowPrivate = allowPrivateNetworks,
            AllowedPorts = allowPrivateNetworks ? null : new HashSet<int> { 80, 443 },
        });
        var decision = guard.CheckForm(url);
        return decision.Allowed ? null : decision.Reason;
    }
}
