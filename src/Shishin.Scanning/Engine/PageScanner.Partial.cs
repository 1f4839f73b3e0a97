using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Shishin.Scanning.Browser;
using Shishin.Scanning.Checks;

namespace Shishin.Scanning.Engine;

/// <summary>
/// The stages of a page's scan that may fail without losing the page (the probe, axe-core, an oversized response),
/// and the following of navigations that a document starts by itself.
/// </summary>
internal sealed partial class PageScanner
{
    /// <summary>A meta refresh of at most this many seconds is waited for and followed; a longer one is a page that reloads itself now and then.</summary>
    private const double FollowedRefreshSeconds = 5;

    /// <summary>How many documents a page may pass through by itself (meta refresh, script) before it counts as a loop.</summary>
    private const int MaxClientNavigations = 5;

    /// <summary>
    /// Reads the page with the probe, in the top frame's isolated world; when it fails, the page checks are missing and
    /// the rest goes on.
    /// </summary>
    private static async Task<PageSnapshot?> ProbeAsync(IPage page, IsolatedWorlds worlds, PageProgress progress, CancellationToken token)
    {
        try
        {
            using (progress.Stages.Start("world"))
            {
                try
                {
                    await worlds.TopAsync(token).ConfigureAwait(false);
                }
                catch (PlaywrightException)
                {
                    // Timed apart only; the probe below meets the same failure and handles it.
                }
            }

            using var timing = progress.Stages.Start("probe");
            return await EvaluateWithRetryAsync<PageSnapshot>(page, worlds, Probe.Value, null, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or JsonException && !token.IsCancellationRequested)
        {
            var message = $"The page could not be read (title, lang, text, links, timings): {BrowserHost.FirstLine(e.Message)}";
            progress.Add(new PageGap(PageGapKind.PageChecks, message), new PageError(PageErrorKind.CheckFailed, message));
            return null;
        }
    }

    /// <summary>
    /// Runs axe-core under its own time limit, and once more when that fails. A run that ran out of time is still going
    /// in the page, and axe-core refuses a second run meanwhile, so the retry gives that run one more period; a run
    /// that failed is started again (in new isolated worlds when the page navigated meanwhile, since the old ones went
    /// with their documents). When neither attempt gives a result, the accessibility checks are missing.
    /// </summary>
    private async Task<List<Finding>?> AxeWithRetryAsync(IPage page, IsolatedWorlds worlds, Uri url, DateTimeOffset since, PageProgress progress, CancellationToken token)
    {
        var timeout = Scan.Options.AxeTimeout;
        Task<(string Version, List<Finding> Findings)>? run = null;
        var why = "";
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                run = run is { IsCompleted: false } ? run : RunAxeAsync(worlds, url, since, progress.Stages, token);
                try
                {
                    var (version, findings) = await run.WaitAsync(timeout, token).ConfigureAwait(false);
                    AxeVersion = version;
                    return findings;
                }
                catch (System.TimeoutException) when (!token.IsCancellationRequested && !run.IsCompleted)
                {
                    why = string.Create(CultureInfo.InvariantCulture, $"did not finish within {timeout.TotalSeconds:0.###} s");
                }
                catch (Exception e) when (e is PlaywrightException or JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException && !token.IsCancellationRequested)
                {
                    why = "failed: " + BrowserHost.FirstLine(e.Message);
                    if (attempt == 0 && e.Message.Contains(IsolatedWorld.ContextDestroyed, StringComparison.Ordinal))
                    {
                        // The document navigated under axe-core: the retry runs in the new document's worlds.
                        worlds.Reset();
                        try
                        {
                            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = (float)timeout.TotalMilliseconds })
                                .WaitAsync(token).ConfigureAwait(false);
                        }
                        catch (Exception wait) when (wait is PlaywrightException or System.TimeoutException && !token.IsCancellationRequested)
                        {
                            // The retry finds out whether the new document can be checked.
                        }
                    }
                }
            }
        }
        finally
        {
            // A run left behind ends with the page's context; its failure then is expected, not unobserved.
            _ = run?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        var message = $"axe-core did not run to the end on the page (tried twice; the last attempt {why}).";
        progress.Add(new PageGap(PageGapKind.AccessibilityChecks, message), new PageError(PageErrorKind.CheckFailed, message));
        return null;
    }

    /// <summary>
    /// A response over the cap: it is cut off by stopping the page's loading, and the page is checked as far as it got
    /// instead of being given up.
    /// </summary>
    private void CutOff(PageProgress progress, string url)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"A response is larger than the cap of {Scan.Options.MaxResponseBytes:N0} bytes and was cut off: {url}");
        progress.Add(new PageGap(PageGapKind.Responses, message), new PageError(PageErrorKind.ResponseTooLarge, message));
        _ = progress.Network?.StopLoadingAsync();
    }

    /// <summary>Waits for a navigation the document started by itself to commit or fail; gives its response, or where it went and why it failed.</summary>
    private async Task<(IResponse? Response, string Target, string? Failure)> FollowAsync(IPage page, NavigationTracker navigations, IRequest next, CancellationToken token)
    {
        var committed = await navigations.WaitUntilAsync(
            () => navigations.Committed(next) || NavigationTracker.Last(next).Failure is not null,
            Scan.Options.NavigationTimeout,
            token).ConfigureAwait(false);
        var last = NavigationTracker.Last(next);
        if (committed && last.Failure is null && !page.Url.StartsWith("chrome-error:", StringComparison.Ordinal))
        {
            var response = await last.ResponseAsync().WaitAsync(token).ConfigureAwait(false);
            if (response is not null)
            {
                return (response, last.Url, null);
            }
        }

        return (null, last.Url, last.Failure ?? (committed ? "the browser showed its error page" : "it did not finish in time"));
    }

    private PageError ClientNavigationError(string target, string? failure, DateTimeOffset since)
    {
        var blocked = Scan.Blocked.For([target], since);
        if (blocked.Count > 0 || (failure ?? "").Contains("ERR_TUNNEL_CONNECTION_FAILED", StringComparison.Ordinal))
        {
            var detail = blocked.Count > 0 ? blocked[0].Detail : "the proxy refused the connection";
            return new PageError(PageErrorKind.Blocked, $"The page navigated by itself to {target}, which the SSRF guard refused: {detail}");
        }

        return new PageError(PageErrorKind.NavigationFailed, $"The page navigated by itself to {target}, which failed: {failure}");
    }
}
