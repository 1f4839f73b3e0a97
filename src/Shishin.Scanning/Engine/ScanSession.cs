using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Shishin.Scanning.Browser;
using Shishin.Scanning.Checks;
using Shishin.Scanning.Journeys;
using Shishin.Scanning.Rules;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Engine;

/// <summary>
/// One scan: sets up the SSRF guard, the egress proxy, the browser and the scanner's own HTTP client, seeds the
/// crawl from the start URLs and sitemaps, and scans pages breadth first with at most
/// <see cref="ScanOptions.Concurrency"/> pages of a host at a time, until the queue is empty, the page limit is reached
/// or the scan is cancelled. Everything it started is stopped before it returns.
/// </summary>
internal static class ScanSession
{
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(1.5);

    public static async Task<ScanResult> RunAsync(ScanOptions options, IProgress<PageResult>? progress, TimeProvider time, CancellationToken cancellationToken)
    {
        Validate(options);
        var session = SessionSetup.Load(options);
        progress = session.Redactor.Wrap(progress);
        var browserLocation = BrowserLocator.Find(options.BrowserPath)
            ?? throw new ScanException(ScanFailure.BrowserNotFound, options.BrowserPath is null ? BrowserLocator.InstallHelp : $"No browser at {options.BrowserPath}. {BrowserLocator.InstallHelp}");

        var startedAt = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var blocked = new BlockedLog();
        var guard = new EgressGuard(EgressPolicy.For(options));
        var proxy = new EgressProxy(guard, time);
        proxy.RequestBlocked += (_, entry) => blocked.Add(entry);
        var browserHost = new BrowserHost(browserLocation.ExecutablePath, proxy.Address);

        var pages = new List<PageOutcome>();
        var frontier = new CrawlFrontier(options);
        var cancelled = false;
        var userAgent = "";
        var scanner = (PageScanner?)null;
        GuardedHttp? http = null;
        LinkChecker? links = null;
        try
        {
            // Started first, so that a missing or broken browser fails the scan before any request is made.
            var browser = await browserHost.GetAsync(cancellationToken).ConfigureAwait(false);
            userAgent = $"{await DefaultUserAgentAsync(browser, cancellationToken).ConfigureAwait(false)} {options.UserAgentSuffix}".Trim();
            var linkTimeout = options.NavigationTimeout < TimeSpan.FromSeconds(10) ? options.NavigationTimeout : TimeSpan.FromSeconds(10);
            http = new GuardedHttp(guard, blocked, userAgent, linkTimeout, options.IgnoreCertificateErrors, options, time);
            var sites = new SiteDirectory(http, time);
            var scopeOrigins = new ConcurrentOrigins(options.StartUrls);
            links = new LinkChecker(http, sites, options, scopeOrigins.Contains);
            var scanContext = new ScanContext(options, guard, blocked, browserHost, sites, links, userAgent, session.AuthState, session.SignOut, time);
            scanner = new PageScanner(scanContext);
            if (session.Journey is { } journey)
            {
                // A journey replaces the crawl: its steps say which pages, in which state, are scanned.
                await new JourneyRunner(scanContext, scanner, journey).RunAsync(pages, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                foreach (var start in options.StartUrls)
                {
                    frontier.Add(start, 0, isStart: true);
                }

                // Origins the guard refuses outright are not asked for robots.txt or sitemaps; their pages report the refusal.
                var startOrigins = options.StartUrls
                    .Select(u => new Uri(SiteDirectory.Origin(u)))
                    .DistinctBy(u => u.AbsoluteUri)
                    .Where(u => guard.CheckForm(u.AbsoluteUri).Allowed)
                    .ToList();
                var hostDelays = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
                foreach (var origin in startOrigins)
                {
                    var robots = await sites.RobotsAsync(origin, cancellationToken).ConfigureAwait(false);
                    var crawlDelay = options.ObeyRobots && robots.CrawlDelay is { } d && d > options.Delay ? d : options.Delay;
                    hostDelays[origin.Authority] = crawlDelay;
                }

                if (options.ReadSitemaps)
                {
                    // With a session, a sign-out page listed in the sitemap is no more visited than a sign-out link.
                    foreach (var page in await sites.SitemapPagesAsync(startOrigins, frontier.InScope, options.MaxPages * 2, cancellationToken).ConfigureAwait(false))
                    {
                        if (session.SignOut?.IsSignOut(page) != true)
                        {
                            frontier.Add(page, 0);
                        }
                    }
                }

                await CrawlAsync(options, frontier, scopeOrigins, sites, scanner, hostDelays, pages, progress, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        finally
        {
            await browserHost.DisposeAsync().ConfigureAwait(false);
            await proxy.DisposeAsync().ConfigureAwait(false);
            links?.Dispose();
            http?.Dispose();
        }

        StageLog.WriteIfAsked(pages);
        return new ScanResult
        {
            Options = options,
            Pages = [.. CrossPageChecks(pages).Select(session.Redactor.Apply)],
            Skipped = frontier.Skipped,
            BlockedRequests = blocked.All,
            ScannerVersion = ScannerInfo.Version,
            AxeVersion = scanner?.AxeVersion ?? "",
            BrowserVersion = browserHost.Version,
            UserAgent = userAgent,
            StartedAt = startedAt,
            Duration = stopwatch.Elapsed,
            Cancelled = cancelled,
            BrowserRestarts = browserHost.Restarts,
        };
    }

    private static async Task CrawlAsync(
        ScanOptions options,
        CrawlFrontier frontier,
        ConcurrentOrigins scopeOrigins,
        SiteDirectory sites,
        PageScanner scanner,
        Dictionary<string, TimeSpan> hostDelays,
        List<PageOutcome> pages,
        IProgress<PageResult>? progress,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var running = new Dictionary<Task<PageOutcome?>, CrawlItem>();
        var perHost = new Dictionary<string, int>(StringComparer.Ordinal);
        var nextStart = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var pacer = new HostPacer(hostDelays, options.Delay, time);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var now = time.GetUtcNow();
                while (pages.Count + running.Count < options.MaxPages
                    && frontier.TakeFirst(item => perHost.GetValueOrDefault(item.Host) < options.Concurrency && nextStart.GetValueOrDefault(item.Host) <= now) is { } item)
                {
                    perHost[item.Host] = perHost.GetValueOrDefault(item.Host) + 1;
                    nextStart[item.Host] = now + hostDelays.GetValueOrDefault(item.Host, options.Delay);
                    running.Add(ScanOneAsync(item, options, sites, scanner, pacer, time, cancellationToken), item);
                }

                if (running.Count == 0)
                {
                    if (pages.Count >= options.MaxPages)
                    {
                        frontier.SkipRemaining(SkipReason.PageLimit);
                        return;
                    }

                    if (frontier.Count == 0)
                    {
                        return;
                    }

                    // Only delays hold the queue back: wait for the earliest host to be ready.
                    var wait = nextStart.Values.Where(t => t > now).DefaultIfEmpty(now).Min() - now;
                    await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var delayed = frontier.Count > 0 && nextStart.Values.Any(t => t > now)
                    ? Task.Delay(nextStart.Values.Where(t => t > now).Min() - now, time, cancellationToken)
                    : null;
                var finished = delayed is null
                    ? await Task.WhenAny(running.Keys).ConfigureAwait(false)
                    : await Task.WhenAny(running.Keys.Append<Task>(delayed)).ConfigureAwait(false) as Task<PageOutcome?>;
                if (finished is null)
                {
                    continue;
                }

                var done = running[finished];
                running.Remove(finished);
                perHost[done.Host]--;
                var outcome = await finished.ConfigureAwait(false);
                if (outcome is null)
                {
                    frontier.Skip(done.Url, SkipReason.Robots);
                    continue;
                }

                if (outcome.BrowserFailed && !done.Retry)
                {
                    frontier.Retry(done);
                    continue;
                }

                pages.Add(outcome);
                progress?.Report(outcome.Result);
                if (outcome.Result.FinalUrl is { } final)
                {
                    frontier.MarkSeen(final);
                    // A session stays within the start URLs' origins: its cookies and headers were given for them alone.
                    if (done.Depth == 0 && !frontier.InScope(final) && !SignOutLinks.HasSession(options))
                    {
                        // A start URL that redirects (http to https, or to www.) brings its new origin into scope.
                        frontier.AddOrigin(final);
                        scopeOrigins.Add(final);
                    }
                }

                foreach (var link in outcome.Links)
                {
                    frontier.Add(link, done.Depth + 1);
                }
            }
        }
        finally
        {
            if (running.Count > 0)
            {
                // Cancelled: the pages notice within moments; the browser is killed right after anyway.
                try
                {
                    await Task.WhenAll(running.Keys).WaitAsync(CancelGrace, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or TimeoutException or PlaywrightException or ScanException)
                {
                    // What was finished is kept; the rest is dropped.
                }

                // Pages in flight keep what they had gathered: they come back partial, with what is missing.
                foreach (var (task, item) in running)
                {
                    if (task.IsCompletedSuccessfully && task.Result is { } outcome)
                    {
                        pages.Add(outcome);
                        progress?.Report(outcome.Result);
                    }
                }
            }
        }
    }

    /// <summary>Scans one page, or returns <see langword="null"/> when robots.txt disallows it.</summary>
    private static async Task<PageOutcome?> ScanOneAsync(
        CrawlItem item, ScanOptions options, SiteDirectory sites, PageScanner scanner, HostPacer pacer, TimeProvider time, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (options.ObeyRobots && !(await sites.RobotsAsync(item.Url, cancellationToken).ConfigureAwait(false)).IsAllowed(item.Url))
        {
            return null;
        }

        await pacer.WaitTurnAsync(item.Host, cancellationToken).ConfigureAwait(false);

        try
        {
            return await scanner.ScanAsync(item.Url, item.Depth, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ScanException)
        {
            // A failure of the scanner itself on one page must not end the scan; the page reports it.
            var error = new PageError(PageErrorKind.NavigationFailed, $"The scanner failed on this page: {e.GetType().Name}: {BrowserHost.FirstLine(e.Message)}");
            var result = new PageResult
            {
                RequestedUrl = item.Url,
                Depth = item.Depth,
                Error = error,
                Findings = [Findings.Create(ScannerRules.PageNavigationError, item.Url, $"{error.Kind}: {error.Message}")],
                StartedAt = time.GetUtcNow(),
            };
            return new PageOutcome(result, [], [], false);
        }
    }

    private static string PagePath(PageResult page) => (page.FinalUrl ?? page.RequestedUrl).AbsolutePath;

    /// <summary>The checks that need every page: duplicate titles and hreflang alternates that do not point back.</summary>
    private static List<PageResult> CrossPageChecks(List<PageOutcome> outcomes)
    {
        var extra = new Dictionary<PageResult, List<Finding>>();
        var loaded = outcomes.Where(o => o.Result.Error is null).ToList();
        // Titles are compared within a site: the same page on staging and production is no duplicate. Nor are two
        // states of one page that differ only in the query (a filtered list, page 2 of a list): same path, same page.
        foreach (var group in loaded
            .Where(o => !string.IsNullOrWhiteSpace(o.Result.Title))
            .GroupBy(o => (Origin: SiteDirectory.Origin(o.Result.FinalUrl ?? o.Result.RequestedUrl), Title: o.Result.Title!.Trim()))
            .Where(g => g.Select(o => PagePath(o.Result)).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            foreach (var outcome in group)
            {
                var others = group.Where(o => PagePath(o.Result) != PagePath(outcome.Result)).Select(o => o.Result.RequestedUrl.ToString()).ToList();
                Add(outcome.Result, Findings.Create(
                    ScannerRules.PageTitleDuplicate,
                    outcome.Result.RequestedUrl,
                    string.Create(CultureInfo.InvariantCulture, $"The title \"{group.Key.Title}\" is also the title of {others.Count} other page(s): {string.Join(", ", others.Take(5))}."),
                    [new NodeSpec("title", $"<title>{group.Key.Title}</title>")]));
            }
        }

        foreach (var group in PageChecks.NonReciprocal(loaded.Select(o => (o.Result, o.Hreflang)).ToList()).GroupBy(p => p.Page))
        {
            Add(group.Key, Findings.Create(
                ScannerRules.PageHreflang,
                group.Key.RequestedUrl,
                "hreflang alternates do not point back: " + string.Join(" ", group.Select(p => p.Node.Detail)),
                group.Select(p => p.Node)));
        }

        return outcomes.Select(o => extra.TryGetValue(o.Result, out var more) ? o.Result with { Findings = Merge(o.Result.Findings, more) } : o.Result).ToList();

        void Add(PageResult page, Finding finding)
        {
            if (!extra.TryGetValue(page, out var list))
            {
                extra[page] = list = [];
            }

            list.Add(finding);
        }
    }

    /// <summary>Adds findings, folding a second finding of a rule into the page's first one (a page has one finding per rule).</summary>
    private static List<Finding> Merge(IReadOnlyList<Finding> findings, List<Finding> more)
    {
        var merged = findings.ToList();
        foreach (var finding in more)
        {
            var index = merged.FindIndex(f => f.RuleId == finding.RuleId && f.Outcome == finding.Outcome);
            merged.Add(finding);
            if (index >= 0)
            {
                var first = merged[index];
                merged[index] = first with { Message = $"{first.Message} {finding.Message}", Nodes = [.. first.Nodes, .. finding.Nodes] };
                merged.RemoveAt(merged.Count - 1);
            }
        }

        return PageScanner.Order(merged);
    }

    private static async Task<string> DefaultUserAgentAsync(IBrowser browser, CancellationToken cancellationToken)
    {
        var page = await browser.NewPageAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var agent = await page.EvaluateAsync<string>("() => navigator.userAgent").WaitAsync(cancellationToken).ConfigureAwait(false);
            // Headless Chromium says so in its User-Agent; sites then often serve something else. The scanner
            // identifies itself with its own suffix instead.
            return agent.Replace("HeadlessChrome/", "Chrome/", StringComparison.Ordinal);
        }
        finally
        {
            await page.CloseAsync().ConfigureAwait(false);
        }
    }

    private static void Validate(ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StartUrls is not { Count: > 0 })
        {
            throw new ArgumentException("At least one start URL is needed.", nameof(options));
        }

        foreach (var url in options.StartUrls)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"'{url}' is not an absolute http or https URL.", nameof(options));
            }
        }

        if (options.Cookies.FirstOrDefault(c => !c.IsValid) is { } invalid)
        {
            // The name alone: the value is a secret.
            throw new ArgumentException($"The cookie '{invalid.Name}' has a name or value that a cookie cannot carry.", nameof(options));
        }

        if (options.ActiveRules == Rules.RuleProfiles.None || (options.ActiveRules & ~Rules.ScannerRule.AllProfiles) != 0)
        {
            throw new ArgumentException("Choose at least one known rule profile (Rules).", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPages, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDepth, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxResponseBytes, 1024, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ExternalLinkCap, nameof(options));
        if (options.NavigationTimeout <= TimeSpan.Zero || options.PageBudget <= TimeSpan.Zero || options.Delay < TimeSpan.Zero)
        {
            throw new ArgumentException("Timeouts must be positive and the delay not negative.", nameof(options));
        }
    }

    /// <summary>The origins in scope, readable from the link checks while the scan loop adds to them.</summary>
    private sealed class ConcurrentOrigins
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> origins = new(StringComparer.Ordinal);

        public ConcurrentOrigins(IEnumerable<Uri> starts)
        {
            foreach (var start in starts)
            {
                Add(start);
            }
        }

        public void Add(Uri url) => origins.TryAdd(SiteDirectory.Origin(url), 0);

        public bool Contains(Uri url) => origins.ContainsKey(SiteDirectory.Origin(url));
    }
}
