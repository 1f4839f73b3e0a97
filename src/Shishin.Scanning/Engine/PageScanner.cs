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
