using System.Text.Json;
using Microsoft.Playwright;
using Shishin.Scanning.Engine;

namespace Shishin.Scanning.Journeys;

/// <summary>
/// Adds <see cref="ScanOptions.Headers"/> to the page's requests to the start URLs' origins, and to no other origin.
/// Playwright's <c>extraHTTPHeaders</c> go to every host, and <c>route.continue</c> carries the headers it sets into
/// redirects, to wherever they lead; so the page's requests are paused through the DevTools protocol's Fetch domain
/// instead and each one, redirect hops included, is continued with the headers only when its own origin is a start
/// origin — and with them removed otherwise. Requests of out-of-process frames (other origins) are not paused and so
/// never receive them.
/// </summary>
internal static class SessionHeaders
{
    public static async Task AttachAsync(IBrowserContext context, IPage page, ScanOptions options)
    {
        if (options.Headers.Count == 0)
        {
            return;
        }

        var origins = options.StartUrls.Select(SiteDirectory.Origin).ToHashSet(StringComparer.Ordinal);
        var names = options.Headers.Select(h => h.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var session = await context.NewCDPSessionAsync(page).ConfigureAwait(false);
        session.Event("Fetch.requestPaused").OnEvent += (_, e) =>
        {
            if (e is { } paused)
            {
                _ = ContinueAsync(session, paused, origins, names, options.Headers);
            }
        };
        await session.SendAsync("Fetch.enable", new Dictionary<string, object>
        {
            ["patterns"] = new[] { new Dictionary<string, object> { ["urlPattern"] = "*", ["requestStage"] = "Request" } },
        }).ConfigureAwait(false);
    }

    private static async Task ContinueAsync(ICDPSession session, JsonElement paused, HashSet<string> origins, HashSet<string> names, IReadOnlyList<ScanHeader> extra)
    {
        var arguments = new Dictionary<string, object> { ["requestId"] = paused.GetProperty("requestId").GetString() ?? "" };
        try
        {
            var request = paused.GetProperty("request");
            var own = Uri.TryCreate(request.GetProperty("url").GetString(), UriKind.Absolute, out var url)
                && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                && origins.Contains(SiteDirectory.Origin(url));
            // The cookie header is the browser's to add after this stage; one set here would be sent twice.
            var headers = request.GetProperty("headers").EnumerateObject()
                .Where(h => !h.NameEquals("cookie") && !h.Name.Equals("cookie", StringComparison.OrdinalIgnoreCase))
                .Select(h => (h.Name, Value: h.Value.GetString() ?? ""))
                .ToList();
            if (own || headers.Any(h => names.Contains(h.Name)))
            {
                var kept = headers.Where(h => !names.Contains(h.Name)).Select(h => new Dictionary<string, string> { ["name"] = h.Name, ["value"] = h.Value });
                var added = own ? extra.Select(h => new Dictionary<string, string> { ["name"] = h.Name, ["value"] = h.Value }) : [];
                arguments["headers"] = kept.Concat(added).ToList();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            // An event of a shape not expected: the request goes on unchanged, without the headers.
        }

        try
        {
            await session.SendAsync("Fetch.continueRequest", arguments).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The page or its request went away first.
        }
    }
}
