using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Shishin.Scanning.Browser;
using Shishin.Scanning.Checks;
using Shishin.Scanning.Journeys;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Engine;

/// <summary>The navigation stage of a page's scan: loading the page under its timeouts, following the documents it passes through, and naming what stopped it.</summary>
internal sealed partial class PageScanner
{
    /// <summary>
    /// Loads the page and checks it, stage by stage, into <paramref name="progress"/>. A document that navigates on by
    /// itself (meta refresh, script) is followed like a redirect, and only the document it ends on is checked. Returns
    /// the error that makes the page no page at all (refused, not HTML, a client navigation that failed); anything that
    /// stops it later is thrown, and what <paramref name="progress"/> holds by then is kept.
    /// </summary>
    private async Task<PageError?> LoadAndCheckAsync(BrowserTab tab, Uri url, PageProgress progress, CancellationToken token)
    {
        var context = tab.Context;
        var page = tab.Page;
        var opening = progress.Stages.Start("page");
        var network = await NetworkMonitor.AttachAsync(context, page, scan.Options.MaxResponseBytes, tooLarge => CutOff(progress, tooLarge))
            .WaitAsync(token).ConfigureAwait(false);
        progress.Network = network;
        await SessionHeaders.AttachAsync(context, page, scan.Options).WaitAsync(token).ConfigureAwait(false);
        using var navigations = new NavigationTracker(page);
        opening.Dispose();
        try
        {
            return await FollowAndCheckAsync(tab, url, progress, network, navigations, token).ConfigureAwait(false);
        }
        finally
        {
            // The monitor stops following the tab (its counts are this page's alone either way). Not awaited: a page
            // whose renderer hangs never answers the detach, and its context is closed with a time limit instead.
            _ = network.DetachAsync();
        }
    }

    /// <summary>The documents of the page, one after the other, each checked stage by stage (see <see cref="LoadAndCheckAsync"/>).</summary>
    private async Task<PageError?> FollowAndCheckAsync(BrowserTab tab, Uri url, PageProgress progress, NetworkMonitor network, NavigationTracker navigations, CancellationToken token)
    {
        var options = scan.Options;
        var context = tab.Context;
        var page = tab.Page;
        var navigationStarted = Stopwatch.StartNew();
        var since = scan.Clock.GetUtcNow();

        var navigationMs = (float)options.NavigationTimeout.TotalMilliseconds;
        IResponse response;
        using (progress.Stages.Start("navigate"))
        {
            response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = navigationMs })
                .WaitAsync(token).ConfigureAwait(false)
                ?? throw new PlaywrightException("The navigation produced no response.");
        }

        var chain = new List<RedirectHop>();
        for (var documents = 1; ; documents++)
        {
            var responding = progress.Stages.Start("response");
            var redirects = await RedirectChainAsync(response.Request).WaitAsync(token).ConfigureAwait(false);
            chain.AddRange(redirects);
            var finalUrl = new Uri(response.Url);
            var headers = (await response.HeadersArrayAsync().WaitAsync(token).ConfigureAwait(false)).Select(h => new ResponseHeader(h.Name, h.Value)).ToList();
            progress.StartDocument();
            progress.FinalUrl = finalUrl;
            // The probe and axe-core run in the scanner's isolated world of each frame, out of the page scripts' reach;
            // each document gets worlds of its own (those of the one before went with it, and an axe-core run left
            // behind there may still be using them).
            var worlds = new IsolatedWorlds(context, page);
            progress.Result = new PageResult
            {
                RequestedUrl = url,
                FinalUrl = finalUrl,
                StatusCode = response.Status,
                RedirectChain = [.. chain],
            };

            var blockedDocument = scan.Blocked.For([response.Url], since);
            if (blockedDocument.Count > 0)
            {
                return new PageError(PageErrorKind.Blocked, $"The SSRF guard refused {response.Url}: {blockedDocument[0].Detail}");
            }

            var contentType = headers.FirstOrDefault(h => h.Name.Equals("content-type", StringComparison.OrdinalIgnoreCase))?.Value ?? "";
            if (contentType.Length > 0 && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                return new PageError(PageErrorKind.NotHtml, $"The response is {contentType.Split(';')[0]}, not an HTML page.");
            }

            // The response's own checks first: they stand whatever happens to the page afterwards.
            TlsDetails? tls = null;
            if (finalUrl.Scheme == Uri.UriSchemeHttps && await response.SecurityDetailsAsync().WaitAsync(token).ConfigureAwait(false) is { } security)
            {
                tls = new TlsDetails(security.Protocol, security.Issuer, security.ValidTo is { } validTo ? DateTimeOffset.FromUnixTimeMilliseconds((long)(validTo * 1000)) : null);
            }

            progress.ResponseFindings = SecurityChecks.Check(url, finalUrl, headers, tls, options.Thresholds, scan.Clock.GetUtcNow()).ToList();
            progress.Result = progress.Result with { Tls = tls };
            responding.Dispose();

            // The document must be parsed within the navigation timeout; the load event is then awaited only as long as
            // that timeout (and the budget) allow. Requests still open after that are cut off when the context closes or the tab is wiped.
            var remaining = Math.Max(1000, navigationMs - (float)navigationStarted.Elapsed.TotalMilliseconds);
            var loading = progress.Stages.Start("load");
            try
            {
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = remaining }).WaitAsync(token).ConfigureAwait(false);
            }
            catch (TimeoutException) when (progress.Gaps.Any(g => g.Kind == PageGapKind.Responses))
            {
                // The document itself was cut off at the cap: it is checked as far as it was parsed.
            }

            remaining = Math.Max(500, navigationMs - (float)navigationStarted.Elapsed.TotalMilliseconds);
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = remaining }).WaitAsync(token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A resource that never finishes: the page is checked as it is.
            }

            loading.Dispose();

            // Each stage is checked against the navigations: what a stage read while the document was leaving belongs to
            // no document the report can name, so it is dropped and the next document is followed instead.
            var next = navigations.Next(response.Request);
            if (next is null)
            {
                var snapshot = await ProbeAsync(page, worlds, progress, token).ConfigureAwait(false);
                next = navigations.Next(response.Request);
                if (next is null && snapshot?.Refresh is { } delay && delay <= FollowedRefreshSeconds)
                {
                    await navigations.WaitUntilAsync(() => navigations.Next(response.Request) is not null, TimeSpan.FromSeconds(delay) + options.NavigationTimeout, token).ConfigureAwait(false);
                    next = navigations.Next(response.Request);
                }

                if (next is null && snapshot is not null)
                {
                    using var checking = progress.Stages.Start("page-checks");
                    CheckSnapshot(url, finalUrl, response.Status, redirects, snapshot, network.Totals(), network.Urls, progress);
                }
            }

            if (next is null)
            {
                var axeFindings = await AxeWithRetryAsync(page, worlds, url, since, progress, token).ConfigureAwait(false);
                next = navigations.Next(response.Request);
                if (next is null)
                {
                    progress.AxeFindings = axeFindings;
                    var (weight, requestCount, open) = network.Totals();
                    progress.Result = progress.Result with { WeightBytes = weight, RequestCount = requestCount, UnfinishedRequests = open };
                    return null;
                }
            }

            // The document navigates on by itself: a hop of the chain, as an HTTP redirect would be.
            chain.Add(new RedirectHop(finalUrl, response.Status) { Kind = RedirectKind.Client });
            if (documents > MaxClientNavigations)
            {
                progress.Result = new PageResult { RequestedUrl = url, RedirectChain = [.. chain] };
                return new PageError(PageErrorKind.RedirectLoop, string.Create(CultureInfo.InvariantCulture, $"The page navigated on by itself more than {MaxClientNavigations} times."));
            }

            var (nextResponse, target, failure) = await FollowAsync(page, navigations, next, token).ConfigureAwait(false);
            if (nextResponse is null)
            {
                progress.StartDocument();
                progress.Result = new PageResult { RequestedUrl = url, RedirectChain = [.. chain] };
                return ClientNavigationError(target, failure, since);
            }

            response = nextResponse;
            navigationStarted.Restart();
        }
    }

    internal static async Task<List<RedirectHop>> RedirectChainAsync(IRequest final)
    {
        var hops = new List<RedirectHop>();
        for (var request = final.RedirectedFrom; request is not null; request = request.RedirectedFrom)
        {
            var response = await request.ResponseAsync().ConfigureAwait(false);
            hops.Insert(0, new RedirectHop(new Uri(request.Url), response?.Status ?? 0));
        }

        return hops;
    }

    private PageError Classify(Exception e, IReadOnlyList<string> requested, DateTimeOffset since)
    {
        var message = BrowserHost.FirstLine(e.Message);
        if (e is TimeoutException)
        {
            return new PageError(PageErrorKind.Timeout, string.Create(CultureInfo.InvariantCulture, $"The page did not load within {scan.Options.NavigationTimeout.TotalSeconds:0} s."));
        }

        if (message.Contains("ERR_TOO_MANY_REDIRECTS", StringComparison.Ordinal))
        {
            return new PageError(PageErrorKind.RedirectLoop, "The redirects go round in a loop (the browser gave up after 20).");
        }

        if (message.Contains("Download is starting", StringComparison.OrdinalIgnoreCase))
        {
            return new PageError(PageErrorKind.Download, "The address starts a download instead of showing a page; downloads are refused.");
        }

        var blocked = scan.Blocked.For(requested, since);
        if (blocked.Count > 0 || message.Contains("ERR_TUNNEL_CONNECTION_FAILED", StringComparison.Ordinal))
        {
            var detail = blocked.Count > 0 ? blocked[0].Detail : "the proxy refused the connection";
            return new PageError(PageErrorKind.Blocked, $"The SSRF guard refused the page or a redirect of it: {detail}");
        }

        if (message.Contains("crash", StringComparison.OrdinalIgnoreCase) || message.Contains("closed", StringComparison.OrdinalIgnoreCase))
        {
            return new PageError(PageErrorKind.BrowserCrashed, message);
        }

        return new PageError(PageErrorKind.NavigationFailed, message);
    }
}
