using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Shishin.Scanning.Browser;
using Shishin.Scanning.Checks;
using Shishin.Scanning.Engine;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Journeys;

/// <summary>
/// Walks a journey (<see cref="ScanOptions.StepsPath"/>) in one browser context — one session, one page, the state a
/// form builds up from step to step — and checks the page at each scan step as a page result of its own. A step that
/// fails ends the walk: it is reported with what failed and why, and every scan step after it is reported as not
/// reached, so that no scan silently goes missing.
/// </summary>
internal sealed class JourneyRunner(ScanContext scan, PageScanner scanner, Journey journey)
{
    public async Task RunAsync(List<PageOutcome> pages, IProgress<PageResult>? progress, CancellationToken scanToken)
    {
        var options = scan.Options;
        var browser = await scan.Browser.GetAsync(scanToken).ConfigureAwait(false);
        var context = await browser.NewContextAsync(scanner.ContextOptions(browser)).WaitAsync(scanToken).ConfigureAwait(false);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(scanToken);
        string? abortReason = null;
        void Abort(string reason)
        {
            Interlocked.CompareExchange(ref abortReason, reason, null);
            try
            {
                aborted.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The journey is over.
            }
        }

        void Add(PageResult result)
        {
            var outcome = new PageOutcome(result with { Findings = PageScanner.Order(result.Findings) }, [], [], false);
            pages.Add(outcome);
            progress?.Report(outcome.Result);
        }

        try
        {
            if (options.Cookies.Count > 0)
            {
                await context.AddCookiesAsync(PageScanner.SessionCookies(options)).WaitAsync(scanToken).ConfigureAwait(false);
            }

            var page = await context.NewPageAsync().WaitAsync(scanToken).ConfigureAwait(false);
            page.Dialog += (_, dialog) => _ = PageScanner.Quietly(dialog.DismissAsync());
            context.Page += (_, popup) =>
            {
                if (!ReferenceEquals(popup, page))
                {
                    _ = PageScanner.Quietly(popup.CloseAsync());
                }
            };
            page.Crash += (_, _) => Abort("The page's renderer process crashed.");
            // The response of the document now shown: status, headers and redirects of each scan step's page.
            IResponse? document = null;
            page.Response += (_, response) =>
            {
                if (response.Request.IsNavigationRequest && ReferenceEquals(response.Frame, page.MainFrame))
                {
                    document = response;
                }
            };
            var network = await NetworkMonitor.AttachAsync(context, page, options.MaxResponseBytes, tooLarge =>
                Abort(string.Create(CultureInfo.InvariantCulture, $"A response is larger than the cap of {options.MaxResponseBytes:N0} bytes: {tooLarge}")))
                .WaitAsync(scanToken).ConfigureAwait(false);
            await SessionHeaders.AttachAsync(context, page, options).WaitAsync(scanToken).ConfigureAwait(false);

            var since = new Measured(0, 0, 0);
            JourneyStep? failed = null;
            foreach (var step in journey.Steps)
            {
                if (failed is not null)
                {
                    if (step.Action == StepAction.Scan)
                    {
                        Add(Failure(step, CurrentUrl(page), $"Not scanned: {failed.Describe()} failed before {step.Describe()} was reached.", scan.Clock.GetUtcNow(), TimeSpan.Zero));
                    }

                    continue;
                }

                var startedAt = scan.Clock.GetUtcNow();
                var stopwatch = Stopwatch.StartNew();
                using var budget = new CancellationTokenSource(step.Action == StepAction.Scan ? options.PageBudget : options.NavigationTimeout + options.NavigationTimeout);
                using var stepToken = CancellationTokenSource.CreateLinkedTokenSource(aborted.Token, budget.Token);
                // What a scan step has gathered, stage by stage: kept when the step is stopped half-way.
                var gathered = new PageProgress();
                try
                {
                    if (step.Action == StepAction.Scan)
                    {
                        var result = await ScanStepAsync(page, step, document, network, since, startedAt, gathered, stepToken.Token).ConfigureAwait(false);
                        var (weight, requests, _) = network.Totals();
                        since = new Measured(weight, requests, network.Urls.Count);
                        Add(result with { StartedAt = startedAt, Duration = stopwatch.Elapsed });
                    }
                    else
                    {
                        await ActAsync(page, step, options.NavigationTimeout, stepToken.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (scanToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e) when (e is OperationCanceledException or TimeoutException or PlaywrightException or JsonException)
                {
                    var why = abortReason
                        ?? (budget.IsCancellationRequested ? "it took longer than its time limit" : BrowserHost.FirstLine(e.Message));
                    if (gathered.Result is { } partial)
                    {
                        // The scan step had its document and checked part of it: as for a crawled page, what was
                        // gathered is kept and the page is partial. Only the step's own budget leaves the journey able
                        // to go on: the page is still in the state the steps brought it to, just slow to check.
                        var overrun = abortReason is null && budget.IsCancellationRequested;
                        var stop = overrun
                            ? new PageError(PageErrorKind.BudgetExceeded, string.Create(CultureInfo.InvariantCulture, $"{step.Describe()} took longer than its budget of {options.PageBudget.TotalSeconds:0} s."))
                            : new PageError(PageErrorKind.StepFailed, $"{step.Describe()} failed: {why}");
                        var error = gathered.Cause ?? stop;
                        var requested = network.Urls.Skip(since.UrlCount).ToList();
                        var (weight, requests, _) = network.Totals();
                        since = new Measured(weight, requests, network.Urls.Count);
                        if (!overrun)
                        {
                            failed = step;
                        }

                        Add(StepResult(step, partial with { Gaps = gathered.AllGaps(stop.Message) }, gathered.Findings(), requested, error, startedAt)
                            with { StartedAt = startedAt, Duration = stopwatch.Elapsed });
                        continue;
                    }

                    failed = step;
                    Add(Failure(step, CurrentUrl(page), $"{step.Describe()} failed: {why}", startedAt, stopwatch.Elapsed));
                }
            }
        }
        finally
        {
            if (!scanToken.IsCancellationRequested)
            {
                try
                {
                    await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(3), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is TimeoutException or PlaywrightException)
                {
                    // A browser that does not close its context is stopped with the scan right after.
                }
            }
        }

        Uri CurrentUrl(IPage page) =>
            Uri.TryCreate(page.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? url
                : journey.Steps[0].Url ?? options.StartUrls[0];
    }

    /// <summary>What the network monitor had counted at the previous scan step: each scan step measures its own traffic.</summary>
    private sealed record Measured(long WeightBytes, int Requests, int UrlCount);

    private async Task<PageResult> ScanStepAsync(
        IPage page, JourneyStep step, IResponse? document, NetworkMonitor network, Measured since, DateTimeOffset startedAt, PageProgress gathered, CancellationToken token)
    {
        // A click may have started a navigation: the page is checked once it has loaded, as far as the timeout allows.
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = (float)scan.Options.NavigationTimeout.TotalMilliseconds })
                .WaitAsync(token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A resource that never finishes: the page is checked as it is.
        }

        var response = document ?? throw new PlaywrightException("No document has loaded yet.");
        var url = new Uri(page.Url);
        var redirects = await PageScanner.RedirectChainAsync(response.Request).WaitAsync(token).ConfigureAwait(false);
        var headers = (await response.HeadersArrayAsync().WaitAsync(token).ConfigureAwait(false)).Select(h => new ResponseHeader(h.Name, h.Value)).ToList();
        var partial = new PageResult
        {
            RequestedUrl = url,
            FinalUrl = url,
            Step = step.Name,
            StatusCode = response.Status,
            RedirectChain = redirects,
        };
        var (weight, requests, open) = network.Totals();
        var urls = network.Urls;
        var loaded = await scanner.CheckPageAsync(
            page, url, gathered, partial, response, redirects, headers, (weight - since.WeightBytes, requests - since.Requests, open), urls.Skip(since.UrlCount).ToList(), startedAt, token)
            .ConfigureAwait(false);

        // A stage that failed (the probe, axe-core) leaves the step partial, with what it gathered and a gap for the rest.
        return StepResult(step, loaded.Result, loaded.Findings, loaded.RequestedUrls, loaded.Error, startedAt);
    }

    /// <summary>A scan step's page: what its checks found, the requests the guard blocked, and why it is incomplete when it is.</summary>
    private PageResult StepResult(JourneyStep step, PageResult gathered, List<Finding> findings, IReadOnlyList<string> requestedUrls, PageError? error, DateTimeOffset startedAt)
    {
        var url = gathered.RequestedUrl;
        var blocked = scan.Blocked.For(requestedUrls, startedAt);
        if (blocked.Count > 0)
        {
            findings.Add(Findings.Create(
                ScannerRules.SecurityBlockedRequest,
                url,
                $"The SSRF guard blocked {blocked.Count} request(s) of the page: {string.Join(", ", blocked.Select(b => b.Target).Distinct(StringComparer.Ordinal).Take(5))}.",
                blocked.Select(b => new NodeSpec("request:" + b.Target, b.Target, b.Detail))));
        }

        if (error is not null)
        {
            findings.Add(PageScanner.NavigationFinding(url, error));
        }

        return gathered with { Step = step.Name, Error = error, Findings = findings };
    }

    private static async Task ActAsync(IPage page, JourneyStep step, TimeSpan timeout, CancellationToken token)
    {
        var ms = (float)timeout.TotalMilliseconds;
        var task = step.Action switch
        {
            StepAction.Goto => page.GotoAsync(step.Url!.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = ms }),
            StepAction.Fill => page.Locator(step.Selector!).FillAsync(step.Value!, new LocatorFillOptions { Timeout = ms }),
            StepAction.Select => page.Locator(step.Selector!).SelectOptionAsync(step.Value!, new LocatorSelectOptionOptions { Timeout = ms }),
            StepAction.Check => page.Locator(step.Selector!).CheckAsync(new LocatorCheckOptions { Timeout = ms }),
            StepAction.Uncheck => page.Locator(step.Selector!).UncheckAsync(new LocatorUncheckOptions { Timeout = ms }),
            StepAction.Click => page.Locator(step.Selector!).ClickAsync(new LocatorClickOptions { Timeout = ms }),
            StepAction.WaitFor => page.Locator(step.Selector!).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = ms }),
            StepAction.WaitForUrl => page.WaitForURLAsync(step.Name!, new PageWaitForURLOptions { Timeout = ms }),
            _ => Task.CompletedTask,
        };
        await task.WaitAsync(token).ConfigureAwait(false);
    }

    private static PageResult Failure(JourneyStep step, Uri url, string message, DateTimeOffset startedAt, TimeSpan duration)
    {
        var error = new PageError(PageErrorKind.StepFailed, message);
        return new PageResult
        {
            RequestedUrl = url,
            Step = step.Name ?? step.Describe(),
            Error = error,
            Findings = [PageScanner.NavigationFinding(url, error)],
            StartedAt = startedAt,
            Duration = duration,
        };
    }
}
