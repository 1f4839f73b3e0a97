using System.Net;
using System.Security.Cryptography;
using Shishin.Core.Identity;

namespace Shishin.Web.Infrastructure;

/// <summary>
/// Knows whether first-run setup is done. Until an admin exists, every page leads to /setup, which only loopback
/// clients or holders of the one-time token printed at start may use.
/// </summary>
public sealed class SetupState
{
    private volatile bool complete;

    public string Token { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public async Task<bool> IsCompleteAsync(IServiceProvider services)
    {
        if (complete)
        {
            return true;
        }

        complete = await services.GetRequiredService<SetupService>().IsCompleteAsync();
        return complete;
    }

    public void MarkComplete() => complete = true;

    public bool MayUseSetup(HttpContext context, string? token)
    {
        if (!string.IsNullOrEmpty(token) &&
            CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(Token)))
        {
            return true;
        }

        // The address is the one left by the forwarded headers middleware (ADR 0011). A request relayed by a proxy on
        // this host also arrives from loopback, and a known proxy's header is moved to X-Original-For: any trace of
        // forwarding means "not local", and such a request must show the token.
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote) && !HasForwardingHeader(context.Request.Headers);
    }

    /// <summary>Headers that proxies, load balancers and CDNs use to pass on a client's address, host or scheme.</summary>
    private static readonly HashSet<string> ForwardingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Forwarded", "Via", "X-Real-IP", "X-Client-IP", "Client-IP", "True-Client-IP", "CF-Connecting-IP",
        "Fastly-Client-IP", "X-Cluster-Client-IP", "X-ProxyUser-Ip", "X-Azure-ClientIP", "X-Envoy-External-Address",
    };

    internal static bool HasForwardingHeader(IHeaderDictionary headers) =>
        headers.Keys.Any(k => ForwardingHeaders.Contains(k) ||
                              k.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase) ||
                              k.StartsWith("X-Original-", StringComparison.OrdinalIgnoreCase));
}

public sealed class SetupGateMiddleware(RequestDelegate next, SetupState state, LinkGenerator links)
{
    private static readonly string[] OpenPrefixes = ["/setup", "/css", "/lib", "/js", "/images", "/favicon", "/health", "/culture", "/errors", "/.well-known"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (OpenPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) ||
            await state.IsCompleteAsync(context.RequestServices))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await Results.Problem(statusCode: 503, title: "Setup required", detail: "Shishin has no administrator yet; complete setup at /setup.")
                .ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(links.GetPathByPage(context, "/Setup/Index") ?? throw new InvalidOperationException("The setup page is not mapped."));
    }
}
