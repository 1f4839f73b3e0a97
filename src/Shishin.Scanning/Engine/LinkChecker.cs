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
/// guard, and a link the guard refuses is not checked. A link whose host name does not resolve is not called broken:
/// the scanner's own DNS may be what fails (a closed network, a split-horizon name), so it is listed under
/// <c>page.link-unverifiable</c> for a person to check.
/// </summary>
internal sealed class LinkChecker(GuardedHttp http, SiteDirectory sites, ScanOptions options, Func<Uri, bool> inScope) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LinkProblem?>>> results = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim parallel = new(Math.Max(2, options.Concurrency * 2));
    private int externalChecked;

    /// <summary>
    /// The links among <paramref name="links"/> that are broken (a <c>page.broken-link</c> violation) and those that
    /// could not be checked (a <c>page.link-unverifiable</c> finding that needs review), as findings on <paramref name="page"/>.
    /// </summary>
    public async Task<IReadOnlyList<Finding>> CheckAsync(Uri page, IReadOnlyList<PageLink> links, CancellationToken cancellationToken)
    {
        var checks = new List<(PageLink Link, Task<LinkProblem?> Problem)>();
        foreach (var link in links)
        {
            if (!Uri.TryCreate(link.Href, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            var key = UrlNormalizer.Key(url);
            if (key == UrlNormalizer.Key(page))
            {
                // The page itself (a skip link to #main): it was just loaded, and an error page answering 404 on
                // purpose would otherwise call its own skip link broken.
                continue;
            }

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
            checks.Add((link, results.GetOrAdd(key, _ => new Lazy<Task<LinkProblem?>>(() => ProblemAsync(target, cancellationToken))).Value));
        }

        var broken = new List<NodeSpec>();
        var unverifiable = new List<NodeSpec>();
        foreach (var (link, problem) in checks)
        {
            if (await problem.ConfigureAwait(false) is { } found)
            {
                (found.Unverifiable ? unverifiable : broken).Add(new NodeSpec(link.Selector, link.Html, $"{link.Href}: {found.Detail}"));
            }
        }

        var findings = new List<Finding>();
        if (broken.Count > 0)
        {
            findings.Add(Findings.Create(ScannerRules.PageBrokenLink, page, string.Create(CultureInfo.InvariantCulture, $"{broken.Count} link(s) lead nowhere: {List(broken)}"), broken));
        }

        if (unverifiable.Count > 0)
        {
            findings.Add(Findings.Create(
                ScannerRules.PageLinkUnverifiable,
                page,
                string.Create(CultureInfo.InvariantCulture, $"{unverifiable.Count} link(s) could not be checked, because their host name did not resolve: {List(unverifiable)}"),
                unverifiable,
                outcome: FindingOutcome.NeedsReview));
        }

        return findings;

        static string List(List<NodeSpec> nodes) => string.Join("; ", nodes.Take(5).Select(b => b.Detail)) + (nodes.Count > 5 ? "; …" : "");
    }

    /// <summary>
    /// Why the URL counts as broken or could not be checked, or <see langword="null"/> when it works (or is not
    /// judged: refused by the guard, rate-limited).
    /// </summary>
    private async Task<LinkProblem?> ProblemAsync(Uri url, CancellationToken cancellationToken)
    {
        await parallel.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await http.FetchAsync(url, HttpMethod.Head, 0, cancellationToken).ConfigureAwait(false);
            // Many servers answer HEAD wrongly (405, 501, even 404 or 403 where GET works), so a failure is confirmed with GET.
            if (result.Status is >= 400 || (result.Status is null && !result.Blocked && !result.Unresolved))
            {
                result = await http.FetchAsync(url, HttpMethod.Get, 0, cancellationToken).ConfigureAwait(false);
            }

            return result switch
            {
                { Blocked: true } => null,
                { Unresolved: true, Failure: var failure } => new LinkProblem(true, failure ?? "the host name does not resolve"),
                { Status: (int)HttpStatusCode.TooManyRequests } => null,
                { Status: >= 400 and var status } => new LinkProblem(false, string.Create(CultureInfo.InvariantCulture, $"HTTP {status}")),
                { Status: null, Failure: var failure } => new LinkProblem(false, failure ?? "no answer"),
                _ => null,
            };
        }
        finally
        {
            parallel.Release();
        }
    }

    public void Dispose() => parallel.Dispose();

    /// <summary>What is wrong with one link: broken, or not checkable (its name did not resolve).</summary>
    private sealed record LinkProblem(bool Unverifiable, string Detail);
}
