using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Shishin.Scanning.Checks;
using Shishin.Scanning.Crawling;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Engine;

/// <summary>
/// Checks the links of scanned pages for <c>page.broken-link</c>: every link to a scanned origin (robots.txt
/// permitting) and links elsewhere up to <see cref="ScanOptions.ExternalLinkCap"/> for the whole scan. Each URL is
/// checked once per scan (HEAD, then GET where HEAD is not answered properly); the requests go through the SSRF
/// guard, and a link the guard refuses is not checked.
/// </summary>
internal sealed class LinkChecker(GuardedHttp http, SiteDirectory sites, ScanOptions options, Func<Uri, bool> inScope) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> results = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim parallel = new(Math.Max(2, options.Concurrency * 2));
    private int externalChecked;

    /// <summary>The broken links among <paramref name="links"/>, as a finding on <paramref name="page"/>, or <see langword="null"/>.</summary>
    public async Task<Finding?> CheckAsync(Uri page, IReadOnlyList<PageLink> links, CancellationToken cancellationToken)
    {
        var checks = new List<(PageLink Link, Task<string?> Problem)>();
        foreach (var link in links)
        {
            if (!Uri.TryCreate(link.Href, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            var key = UrlNormalizer.Key(url);
            if (results.TryGetValue(key, out var known))
            {
                checks.Add((link, known.Value));
                continue;
            }

            if (inScope(url))
            {
                if (options.ObeyRobots && !(await sites.RobotsAsync(url, cancellationToken).ConfigureAwait(false)).IsAllowed(url))
                {
                    continue;
                }
            }
            else if (Interlocked.Increment(ref externalChecked) > options.ExternalLinkCap)
            {
                continue;
            }

            var target = UrlNormalizer.Normalize(url);
            checks.Add((link, results.GetOrAdd(key, _ => new Lazy<Task<string?>>(() => ProblemAsync(target, cancellationToken))).Value));
        }

        var broken = new List<NodeSpec>();
        foreach (var (link, problem) in checks)
        {
            if (await problem.ConfigureAwait(false) is { } detail)
            {
                broken.Add(new NodeSpec(link.Selector, link.Html, $"{link.Href}: {detail}"));
            }
        }

        return broken.Count == 0
            ? null
            : Findings.Create(ScannerRules.PageBrokenLink, page, string.Create(CultureInfo.InvariantCulture, $"{broken.Count} link(s) lead nowhere: {string.Join("; ", broken.Take(5).Select(b => b.Detail))}{(broken.Count > 5 ? "; …" : "")}"), broken);
    }

    /// <summary>Why the URL counts as broken, or <see langword="null"/> when it works (or cannot be judged: refused by the guard, rate-limited).</summary>
    private async Task<string?> ProblemAsync(Uri url, CancellationToken cancellationToken)
    {
        await parallel.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await http.FetchAsync(url, HttpMethod.Head, 0, cancellationToken).ConfigureAwait(false);
            // Many servers answer HEAD wrongly (405, 501, even 404 or 403 where GET works), so a failure is confirmed with GET.
            if (result.Status is >= 400 || (result.Status is null && !result.Blocked))
            {
                result = await http.FetchAsync(url, HttpMethod.Get, 0, cancellationToken).ConfigureAwait(false);
            }

            return result switch
            {
                { Blocked: true } => null,
                { Status: (int)HttpStatusCode.TooManyRequests } => null,
                { Status: >= 400 and var status } => string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"),
                { Status: null, Failure: var failure } => failure ?? "no answer",
                _ => null,
            };
        }
        finally
        {
            parallel.Release();
        }
    }

    public void Dispose() => parallel.Dispose();
}
