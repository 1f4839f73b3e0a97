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

/// <summary>What scanning one page gave: the result, and what the crawl and the cross-page checks need from it.</summary>
internal sealed record PageOutcome(PageResult Result, IReadOnlyList<Uri> Links, IReadOnlyList<HreflangLink> Hreflang, bool BrowserFailed, StageClock? Stages = null);

/// <summary>Everything the pages of one scan share.</summary>
internal sealed record ScanContext(
    ScanOptions Options,
    EgressGuard Guard,
    BlockedLog Blocked,
    BrowserHost Browser,
    SiteDirectory Sites,
    LinkChecker Links,
    string UserAgent,
    string? AuthState = null,
    SignOutLinks? SignOut = null,
    TimeProvider? Time = null)
{
    /// <summary>The scan's clock.</summary>
    public TimeProvider Clock => Time ?? TimeProvider.System;
}

/// <summary>
/// Scans one page in a browser context of its own (a new one, or a tab wiped after a clean page, see <see cref="BrowserTab"/>): loads it under the navigation timeout and the page budget, reads it,
/// runs axe-core and the page, security and performance checks, and then checks its links outside the browser.
/// </summary>
internal sealed partial class PageScanner(ScanContext scan)
{
    private const string MobileUserAgentPrefix = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/";
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(3);
    private static readonly Lazy<string> Probe = new(() => Script("probe.js"));

    /// <summary>How many pages one tab loads before it is closed and a new one opened, so a renderer that grows is renewed.</summary>
    private const int MaxTabUses = 50;

    /// <summary>Tabs whose last page finished cleanly and was wiped, for the next page (<see cref="BrowserTab"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<BrowserTab> idleTabs = [];

    /// <summary>The axe-core version, once a page has run it.</summary>
    public string AxeVersion { get; private set; } = "";

    /// <summary>The scan's shared parts, for the stages in the other files of this class.</summary>
    private ScanContext Scan => scan;

    public async Task<PageOutcome> ScanAsync(Uri url, int depth, CancellationToken scanToken)
    {
        var startedAt = scan.Clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var options = scan.Options;

        var progress = new PageProgress { Stages = new StageClock(scan.Clock) };
        EgressDecision decision;
        using (progress.Stages.Start("guard"))
        {
            decision = await scan.Guard.CheckAsync(url.AbsoluteUri, scanToken).ConfigureAwait(false);
        }

        if (!decision.Allowed)
        {
            scan.Blocked.Add(new BlockedRequest(url.AbsoluteUri, decision.Reason, decision.Detail, scan.Clock.GetUtcNow()));
            return Failed(url, depth, startedAt, stopwatch, new PageError(PageErrorKind.Blocked, $"The SSRF guard refused the address: {decision.Detail}"));
        }

        var browser = await scan.Browser.GetAsync(scanToken).ConfigureAwait(false);
        using var budget = new CancellationTokenSource(options.PageBudget);
        using var pageToken = CancellationTokenSource.CreateLinkedTokenSource(scanToken, budget.Token);
        PageError? abort = null;
        void Abort(PageError error)
        {
            Interlocked.CompareExchange(ref abort, error, null);
            try
            {
                pageToken.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The page is already done.
            }
        }

        BrowserTab? tab = null;
        var cookies = options.Cookies.Count > 0 ? SessionCookies(options) : [];
        PageError? terminal = null;
        PageError? error = null;
        var browserFailed = false;
        var cancelled = false;
        try
        {
            using (progress.Stages.Start("context"))
            {
                tab = TakeTab(browser) ?? await BrowserTab.OpenAsync(browser, ContextOptions(browser), cookies, pageToken.Token).ConfigureAwait(false);
            }

            tab.Begin(Abort);
            if (tab.Uses > 1)
            {
                // Marks a page that a reused tab served, in the profile.
                progress.Stages.Start("reused-tab").Dispose();
            }

            terminal = await LoadAndCheckAsync(tab, url, progress, pageToken.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (scanToken.IsCancellationRequested)
        {
            // What the page had gathered is kept and reported as partial; with nothing gathered it is dropped below.
            cancelled = true;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or PlaywrightException or JsonException)
        {
            if (abort is not null)
            {
                error = abort;
            }
            else if (budget.IsCancellationRequested)
            {
                error = new PageError(PageErrorKind.BudgetExceeded, string.Create(CultureInfo.InvariantCulture, $"The page took longer than its budget of {options.PageBudget.TotalSeconds:0} s."));
            }
            else if (!browser.IsConnected)
            {
                browserFailed = true;
                error = new PageError(PageErrorKind.BrowserCrashed, "The browser crashed while scanning the page.");
            }
            else
            {
                error = Classify(e, [url.AbsoluteUri, .. progress.Network?.Urls ?? []], startedAt);
            }
        }
        finally
        {
            // A cancelled scan kills the browser right after; closing each context first would only delay that.
            tab?.End();
            using var closing = progress.Stages.Start("close");
            if (tab is not null && !scanToken.IsCancellationRequested)
            {
                // Only a tab whose page finished cleanly, in one origin, and was wiped serves another page.
                var origin = "";
                var clean = CanReuseTabs && terminal is null && error is null && progress.Cause is null && progress.Gaps.Count == 0
                    && tab.Uses < MaxTabUses && browser.IsConnected && tab.OneOrigin(out origin);
                if (clean)
                {
                    using var resetting = progress.Stages.Start("reset-tab");
                    clean = await tab.ResetAsync(origin, cookies).ConfigureAwait(false);
                }

                if (clean)
                {
                    idleTabs.Add(tab);
                }
                else if (!await CloseAsync(tab.Context).ConfigureAwait(false))
                {
                    // A context that does not close means a hung browser: start a new one for the next page.
                    await scan.Browser.DiscardAsync(browser).ConfigureAwait(false);
                }
            }
        }

        if (progress.Result is null || terminal is not null || browserFailed)
        {
            scanToken.ThrowIfCancellationRequested();
            // A response cut off at the cap is what stopped the page then, whatever the browser said afterwards.
            var why = terminal ?? (browserFailed ? error : progress.Cause ?? error);
            var failed = Failed(url, depth, startedAt, stopwatch, why ?? new PageError(PageErrorKind.NavigationFailed, "The page could not be read."), progress.Result);
            return failed with { BrowserFailed = browserFailed, Stages = progress.Stages };
        }

        return await PartialOrCompleteAsync(url, depth, startedAt, stopwatch, progress, progress.Cause ?? error, cancelled, scanToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The result of a page that was loaded: everything gathered, the link and once-per-origin checks outside the
    /// browser (unless the scan was cancelled), and a gap for each part that is missing.
    /// </summary>
    private async Task<PageOutcome> PartialOrCompleteAsync(
        Uri url, int depth, DateTimeOffset startedAt, Stopwatch stopwatch, PageProgress progress, PageError? error, bool cancelled, CancellationToken scanToken)
    {
        var options = scan.Options;
        var why = cancelled ? "the scan was cancelled before it got there." : error?.Message ?? "it did not finish.";
        var gaps = progress.AllGaps(why);
        var findings = progress.Findings();
        var snapshot = progress.Snapshot;
        var links = snapshot?.Links ?? [];
        if (snapshot is not null && snapshot.LinkCount > links.Count)
        {
            gaps.Add(new PageGap(PageGapKind.Links, string.Create(CultureInfo.InvariantCulture, $"The page has {snapshot.LinkCount:N0} links; only the first {links.Count:N0} were followed and checked.")));
        }

        if (snapshot is { ElementsTruncated: true })
        {
            gaps.Add(new PageGap(PageGapKind.Links, string.Create(CultureInfo.InvariantCulture, $"The page has more than {snapshot.MaxElements:N0} elements; links in shadow roots beyond them were not read.")));
        }

        // With a session, sign-out links are neither checked nor followed: either would end the session.
        links = scan.SignOut?.Keep(links) ?? links;

        // Outside the browser, whose context is closed (or tab wiped) by now: links and the once-per-origin checks.
        var finalUrl = progress.FinalUrl ?? url;
        if (cancelled)
        {
            if (options.CheckLinks && links.Count > 0)
            {
                gaps.Add(new PageGap(PageGapKind.LinkChecks, "The scan was cancelled before the page's links were checked."));
            }
        }
        else
        {
            if (options.CheckLinks && links.Count > 0)
            {
                using var timing = progress.Stages.Start("links");
                findings.AddRange(await scan.Links.CheckAsync(url, links, scanToken).ConfigureAwait(false));
            }

            using (progress.Stages.Start("origin"))
            {
                findings.AddRange(await scan.Sites.OriginFindingsAsync(finalUrl, url, scanToken).ConfigureAwait(false));
            }
        }

        var requested = progress.Network?.Urls ?? [];
        var blocked = scan.Blocked.For(requested, startedAt);
        if (blocked.Count > 0)
        {
            findings.Add(Findings.Create(
                ScannerRules.SecurityBlockedRequest,
                url,
                $"The SSRF guard blocked {blocked.Count} request(s) of the page: {string.Join(", ", blocked.Select(b => b.Target).Distinct(StringComparer.Ordinal).Take(5))}.",
                blocked.Select(b => new NodeSpec("request:" + b.Target, b.Target, b.Detail))));
        }

        var result = progress.Result! with
        {
            Depth = depth,
            Error = error,
            Gaps = gaps,
            Findings = Order(error is null ? findings : [.. findings, NavigationFinding(url, error)]),
            StartedAt = startedAt,
            Duration = stopwatch.Elapsed,
        };
        var found = cancelled ? [] : links.Select(l => Uri.TryCreate(l.Href, UriKind.Absolute, out var u) ? u : null).OfType<Uri>().ToList();
        return new PageOutcome(result, found, snapshot?.Hreflang ?? [], false, progress.Stages);
    }

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

    /// <summary>What was learnt in the browser about a journey's page (<see cref="CheckPageAsync"/>).</summary>
    internal sealed record Loaded(PageResult Result, Uri? FinalUrl, PageSnapshot? Snapshot, List<Finding> Findings, IReadOnlyList<string> RequestedUrls, PageError? Error);

    /// <summary>
    /// Checks a page that is loaded, stage by stage as <see cref="LoadAndCheckAsync"/> does: the response's checks, the
    /// probe and the page checks on it, axe-core. A journey (<see cref="JourneyRunner"/>) calls it for each scan step,
    /// on the page its steps have brought to that state. A stage that fails leaves a gap, and the result is partial.
    /// The caller owns <paramref name="progress"/>, so that what was gathered is still there when the step's budget
    /// stops the check half-way.
    /// </summary>
    internal async Task<Loaded> CheckPageAsync(
        IPage page,
        Uri url,
        PageProgress progress,
        PageResult partial,
        IResponse response,
        IReadOnlyList<RedirectHop> redirects,
        IReadOnlyList<ResponseHeader> headers,
        (long WeightBytes, int RequestCount, int Open) totals,
        IReadOnlyList<string> requestedUrls,
        DateTimeOffset since,
        CancellationToken token)
    {
        var options = scan.Options;
        var finalUrl = partial.FinalUrl ?? url;
        progress.FinalUrl = finalUrl;
        TlsDetails? tls = null;
        if (finalUrl.Scheme == Uri.UriSchemeHttps && await response.SecurityDetailsAsync().WaitAsync(token).ConfigureAwait(false) is { } security)
        {
            tls = new TlsDetails(security.Protocol, security.Issuer, security.ValidTo is { } validTo ? DateTimeOffset.FromUnixTimeMilliseconds((long)(validTo * 1000)) : null);
        }

        progress.ResponseFindings = SecurityChecks.Check(url, finalUrl, headers, tls, options.Thresholds, scan.Clock.GetUtcNow()).ToList();
        progress.Result = partial with { Tls = tls };

        var worlds = new IsolatedWorlds(page.Context, page);
        var snapshot = await ProbeAsync(page, worlds, progress, token).ConfigureAwait(false);
        if (snapshot is not null)
        {
            CheckSnapshot(url, finalUrl, response.Status, redirects, snapshot, totals, requestedUrls, progress);
        }

        progress.AxeFindings = await AxeWithRetryAsync(page, worlds, url, since, progress, token).ConfigureAwait(false);
        var (weight, requestCount, open) = totals;
        var error = progress.Cause;
        var result = progress.Result with
        {
            WeightBytes = weight,
            RequestCount = requestCount,
            UnfinishedRequests = open,
            Error = error,
            Gaps = progress.AllGaps(error?.Message ?? "it did not finish."),
        };
        return new Loaded(result, finalUrl, snapshot, progress.Findings(), requestedUrls, error);
    }

    /// <summary>The page, content-security and performance checks on what the probe read.</summary>
    private void CheckSnapshot(
        Uri url,
        Uri finalUrl,
        int status,
        IReadOnlyList<RedirectHop> redirects,
        PageSnapshot snapshot,
        (long WeightBytes, int RequestCount, int Open) totals,
        IReadOnlyList<string> requestedUrls,
        PageProgress progress)
    {
        var options = scan.Options;
        var (weight, requestCount, open) = totals;
        // The document's own redirects (http:// to https://) are not mixed content.
        var documentHops = redirects.Select(r => r.Url.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
        var insecure = requestedUrls
            .Where(u => u.StartsWith("http:", StringComparison.OrdinalIgnoreCase) && !documentHops.Contains(u))
            .Concat(snapshot.Insecure)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var timings = snapshot.Timing.ToPageTimings();
        var findings = new List<Finding>();
        findings.AddRange(PageChecks.Check(url, finalUrl, status, redirects, snapshot, new NetworkSummary(weight, requestCount, insecure), options.Thresholds));
        findings.AddRange(PerformanceChecks.Check(url, timings, options.Thresholds));
        progress.Snapshot = snapshot;
        progress.PageFindings = findings;
        progress.Result = progress.Result! with
        {
            Title = snapshot.Title,
            Lang = snapshot.Lang,
            Timings = timings,
            WeightBytes = weight,
            RequestCount = requestCount,
            UnfinishedRequests = open,
        };
    }

    private async Task<(string Version, List<Finding> Findings)> RunAxeAsync(IsolatedWorlds worlds, Uri url, DateTimeOffset since, StageClock stages, CancellationToken token)
    {
        // Always our own axe-core, in every frame; through the DevTools protocol, so the page's CSP does not keep it out.
        var json = await IsolatedAxeRunner.RunAsync(
            worlds,
            AxeChecks.Arguments(scan.Options.ActiveRules, scan.Options.Language),
            scan.Options.NavigationTimeout,
            frameUrl => scan.Blocked.For([frameUrl], since).Count > 0,
            stages,
            token).ConfigureAwait(false);
        using var parsing = stages.Start("axe-parse");
        return AxeChecks.Parse(json, url);
    }

    /// <summary>
    /// Calls a script that returns JSON in the top frame's isolated world; when the page navigated meanwhile (a script
    /// redirect), waits for the new document and tries once more in a new world.
    /// </summary>
    private static async Task<T> EvaluateWithRetryAsync<T>(IPage page, IsolatedWorlds worlds, string script, object? argument, CancellationToken token)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var world = await worlds.TopAsync(token).ConfigureAwait(false);
                var json = await world.CallAsync(script, argument, token).ConfigureAwait(false);
                return JsonSerializer.Deserialize<T>(json) ?? throw new PlaywrightException("The page gave no answer.");
            }
            catch (PlaywrightException e) when (attempt == 0 && e.Message.Contains(IsolatedWorld.ContextDestroyed, StringComparison.Ordinal))
            {
                worlds.Reset();
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded).WaitAsync(token).ConfigureAwait(false);
            }
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

    /// <summary>
    /// The scan's cookies for each start URL's host only: set through <c>Url</c>, Playwright makes them host-only
    /// (no Domain), so neither third parties nor subdomains receive them; https hosts get them as Secure.
    /// </summary>
    internal static List<Cookie> SessionCookies(ScanOptions options) =>
        options.StartUrls
            .Select(u => u.GetLeftPart(UriPartial.Authority) + "/")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(origin => options.Cookies.Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Url = origin,
                HttpOnly = true,
                SameSite = SameSiteAttribute.Lax,
            }))
            .ToList();

    /// <summary>
    /// Tabs are reused only in scans without a signed-in session or extra headers: a storage state or the headers'
    /// interception would have to be set up again for each page.
    /// </summary>
    private bool CanReuseTabs => scan.AuthState is null && scan.Options.Headers.Count == 0;

    private BrowserTab? TakeTab(IBrowser browser)
    {
        while (idleTabs.TryTake(out var tab))
        {
            if (ReferenceEquals(tab.Browser, browser) && browser.IsConnected)
            {
                return tab;
            }

            _ = Quietly(tab.Context.CloseAsync());
        }

        return null;
    }

    internal BrowserNewContextOptions ContextOptions(IBrowser browser)
    {
        var options = scan.Options;
        var context = new BrowserNewContextOptions
        {
            AcceptDownloads = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            IgnoreHTTPSErrors = options.IgnoreCertificateErrors,
            JavaScriptEnabled = true,
            // A signed-in session (ScanOptions.AuthStatePath), already narrowed to the start URLs.
            StorageState = scan.AuthState,
        };
        if (options.Mobile)
        {
            var major = browser.Version.Split('.')[0];
            context.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
            context.ScreenSize = new ScreenSize { Width = 390, Height = 844 };
            context.DeviceScaleFactor = 3;
            context.IsMobile = true;
            context.HasTouch = true;
            context.UserAgent = $"{MobileUserAgentPrefix}{major}.0.0.0 Mobile Safari/537.36 {options.UserAgentSuffix}".Trim();
        }
        else
        {
            context.ViewportSize = new ViewportSize { Width = 1280, Height = 800 };
            context.UserAgent = scan.UserAgent;
        }

        return context;
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

    private static PageOutcome Failed(Uri url, int depth, DateTimeOffset startedAt, Stopwatch stopwatch, PageError error, PageResult? loaded = null)
    {
        var result = (loaded ?? new PageResult { RequestedUrl = url }) with
        {
            Depth = depth,
            Error = error,
            Findings = [NavigationFinding(url, error)],
            StartedAt = startedAt,
            Duration = stopwatch.Elapsed,
        };
        if (error.Kind == PageErrorKind.RedirectLoop)
        {
            result = result with { Findings = [.. result.Findings, Findings.Create(ScannerRules.PageRedirectChain, url, error.Message, impact: FindingImpact.Serious)] };
        }

        return new PageOutcome(result with { Findings = Order(result.Findings) }, [], [], false);
    }

    internal static Finding NavigationFinding(Uri url, PageError error) =>
        Findings.Create(ScannerRules.PageNavigationError, url, $"{error.Kind}: {error.Message}");

    internal static List<Finding> Order(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Category).ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Outcome).ToList();

    private static async Task<bool> CloseAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync().WaitAsync(CloseTimeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (PlaywrightException)
        {
            // The browser is gone already; the next page starts a new one.
            return true;
        }
    }

    internal static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The page or dialog went away first.
        }
    }

    internal static string Script(string name)
    {
        using var stream = typeof(PageScanner).Assembly.GetManifestResourceStream("Shishin.Scanning.Scripts." + name)
            ?? throw new InvalidOperationException($"The script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        // Leading comment lines explain the script to people; Playwright gets the function alone.
        return string.Join('\n', reader.ReadToEnd().Split('\n').SkipWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
    }
}
