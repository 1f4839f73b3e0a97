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

/// <summary>The checking stages of a loaded page: the response's security checks, the probe and the page checks, and axe-core, each in the isolated world.</summary>
internal sealed partial class PageScanner
{
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
}
