using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Shishin.Scanning.Engine;

/// <summary>
/// Follows a page's network traffic through the DevTools protocol: the URL of every request, bytes on the wire,
/// requests still open, and each response's size against the cap. Playwright's own events report sizes only after
/// a request has finished, which is too late to stop a response that never ends.
/// </summary>
internal sealed class NetworkMonitor
{
    private readonly Lock gate = new();
    private readonly long maxResponseBytes;
    private readonly Action<string> tooLarge;
    private readonly Dictionary<string, RequestState> requests = new(StringComparer.Ordinal);
    private readonly List<string> urls = [];
    private ICDPSession? session;
    private long finishedBytes;
    private int requestCount;

    private NetworkMonitor(long maxResponseBytes, Action<string> tooLarge)
    {
        this.maxResponseBytes = maxResponseBytes;
        this.tooLarge = tooLarge;
    }

    /// <summary>Starts following <paramref name="page"/>; <paramref name="tooLarge"/> is called (once per response) with the URL of a response over the cap, which should then be cut off (<see cref="StopLoadingAsync"/>).</summary>
    public static async Task<NetworkMonitor> AttachAsync(IBrowserContext context, IPage page, long maxResponseBytes, Action<string> tooLarge)
    {
        var monitor = new NetworkMonitor(maxResponseBytes, tooLarge);
        var session = await context.NewCDPSessionAsync(page).ConfigureAwait(false);
        monitor.session = session;
        session.Event("Network.requestWillBeSent").OnEvent += (_, e) => monitor.OnRequest(e);
        session.Event("Network.responseReceived").OnEvent += (_, e) => monitor.OnResponse(e);
        session.Event("Network.dataReceived").OnEvent += (_, e) => monitor.OnData(e);
        session.Event("Network.loadingFinished").OnEvent += (_, e) => monitor.OnDone(e, finished: true);
        session.Event("Network.loadingFailed").OnEvent += (_, e) => monitor.OnDone(e, finished: false);
        await session.SendAsync("Network.enable").ConfigureAwait(false);
        // Neither the HTTP cache nor the renderer's memory cache may serve a page what an earlier page of a reused tab
        // loaded: each page's weight and requests are measured as on a first visit.
        await session.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true }).ConfigureAwait(false);
        return monitor;
    }

    /// <summary>Stops following the page (its tab goes on to another page).</summary>
    public async Task DetachAsync()
    {
        if (session is not null)
        {
            await PageScanner.Quietly(session.DetachAsync()).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops the page's loading as the browser's Stop button does: a response over the cap is cut off there, and the
    /// page is checked as far as it got, instead of the whole page being given up.
    /// </summary>
    public async Task StopLoadingAsync()
    {
        if (session is null)
        {
            return;
        }

        try
        {
            await session.SendAsync("Page.stopLoading").ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The page is gone already.
        }
    }

    /// <summary>Every http(s) URL the page requested, redirects included, in order.</summary>
    public IReadOnlyList<string> Urls
    {
        get
        {
            lock (gate)
            {
                return [.. urls];
            }
        }
    }

    /// <summary>Bytes so far, requests so far, and how many are still open.</summary>
    public (long WeightBytes, int RequestCount, int Open) Totals()
    {
        lock (gate)
        {
            var open = requests.Values.Where(r => !r.Done).ToList();
            return (finishedBytes + open.Sum(r => r.EncodedBytes), requestCount, open.Count);
        }
    }

    private void OnRequest(JsonElement? e)
    {
        if (e is not { } data || !data.TryGetProperty("requestId", out var id) || !data.TryGetProperty("request", out var request))
        {
            return;
        }

        var url = request.GetProperty("url").GetString() ?? "";
        if (!url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        lock (gate)
        {
            requestCount++;
            urls.Add(url);
            var key = id.GetString() ?? "";
            if (data.TryGetProperty("redirectResponse", out var redirect) && requests.TryGetValue(key, out var previous))
            {
                // A redirect keeps the request id; the hop's bytes count as finished.
                finishedBytes += previous.EncodedBytes + ReadLong(redirect, "encodedDataLength");
            }

            requests[key] = new RequestState(url);
        }
    }

    private void OnResponse(JsonElement? e)
    {
        if (e is not { } data || !data.TryGetProperty("response", out var response))
        {
            return;
        }

        // A Content-Length over the cap stops the page before the body arrives.
        if (response.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (header.Name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
                    && long.TryParse(header.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    && length > maxResponseBytes)
                {
                    Exceeded(data.GetProperty("requestId").GetString() ?? "", response.GetProperty("url").GetString() ?? "");
                }
            }
        }
    }

    private void OnData(JsonElement? e)
    {
        if (e is not { } data)
        {
            return;
        }

        var key = data.GetProperty("requestId").GetString() ?? "";
        string? url = null;
        lock (gate)
        {
            if (requests.TryGetValue(key, out var state))
            {
                state.DecodedBytes += ReadLong(data, "dataLength");
                state.EncodedBytes += ReadLong(data, "encodedDataLength");
                if (state.DecodedBytes > maxResponseBytes || state.EncodedBytes > maxResponseBytes)
                {
                    url = state.Url;
                }
            }
        }

        if (url is not null)
        {
            Exceeded(key, url);
        }
    }

    private void OnDone(JsonElement? e, bool finished)
    {
        if (e is not { } data)
        {
            return;
        }

        var key = data.GetProperty("requestId").GetString() ?? "";
        lock (gate)
        {
            if (requests.TryGetValue(key, out var state) && !state.Done)
            {
                state.Done = true;
                finishedBytes += finished ? Math.Max(ReadLong(data, "encodedDataLength"), state.EncodedBytes) : state.EncodedBytes;
                state.EncodedBytes = 0;
            }
        }
    }

    private void Exceeded(string key, string url)
    {
        lock (gate)
        {
            if (!requests.TryGetValue(key, out var state) || state.Reported)
            {
                return;
            }

            state.Reported = true;
        }

        tooLarge(url);
    }

    private static long ReadLong(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? (long)value.GetDouble() : 0;

    private sealed class RequestState(string url)
    {
        public string Url { get; } = url;

        public long EncodedBytes { get; set; }

        public long DecodedBytes { get; set; }

        public bool Done { get; set; }

        public bool Reported { get; set; }
    }
}
