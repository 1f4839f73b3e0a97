using Shishin.Scanning.Engine;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning;

/// <summary>
/// Crawls a site in one headless Chromium and checks every page for accessibility (axe-core), page basics,
/// security headers and performance. Every request of the browser and of the scanner goes through the SSRF guard.
/// </summary>
/// <example>
/// <code>
/// var result = await Scanner.ScanAsync(new ScanOptions { StartUrls = [new Uri("https://www.example.jp/")] });
/// foreach (var page in result.Pages)
/// {
///     Console.WriteLine($"{page.RequestedUrl}: {page.Findings.Count} findings");
/// }
/// </code>
/// </example>
public static class Scanner
{
    /// <summary>
    /// Scans the site. A page that fails (timeout, crash, refused address) is reported with
    /// <see cref="PageResult.Error"/> and the scan goes on. When <paramref name="cancellationToken"/> is cancelled, the
    /// scan stops within seconds and returns what it found so far with <see cref="ScanResult.Cancelled"/> set; it does
    /// not throw <see cref="OperationCanceledException"/>. No browser process outlives the call.
    /// </summary>
    /// <param name="options">What to scan and how.</param>
    /// <param name="progress">Told about each page as soon as it is done (before the checks that compare pages, such as duplicate titles).</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <exception cref="ScanException">No browser was found, or it could not be started.</exception>
    /// <exception cref="ArgumentException">The options are invalid (no start URL, a URL that is not http or https, a limit below 1).</exception>
    public static Task<ScanResult> ScanAsync(ScanOptions options, IProgress<PageResult>? progress = null, CancellationToken cancellationToken = default) =>
        ScanSession.RunAsync(options, progress, TimeProvider.System, cancellationToken);

    /// <summary>
    /// What the SSRF guard of a scan with <paramref name="options"/> says about each start URL, before any browser is
    /// started: the start URLs it would refuse (a non-public address, a port outside <see cref="ScanOptions.AllowedPorts"/>,
    /// a name for internal use, an unusual numeric host form), each with the reason. With <paramref name="resolve"/> each
    /// host name is also resolved once and every address checked; a name that does not resolve is not counted as refused
    /// (the scan reports it as a page error). Empty when every start URL may be requested.
    /// </summary>
    /// <param name="options">The scan's options; only the start URLs and the guard's settings are read.</param>
    /// <param name="resolve">Resolve host names (network access); false checks the URLs' form alone.</param>
    /// <param name="cancellationToken">Stops the name lookups.</param>
    public static async Task<IReadOnlyList<BlockedRequest>> CheckStartUrlsAsync(ScanOptions options, bool resolve = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var guard = new EgressGuard(EgressPolicy.For(options));
        var refused = new List<BlockedRequest>();
        foreach (var url in options.StartUrls ?? [])
        {
            // The original text: the guard reads the raw authority for numeric host tricks that System.Uri rewrites.
            var decision = resolve ? await guard.CheckAsync(url.OriginalString, cancellationToken).ConfigureAwait(false) : guard.CheckForm(url.OriginalString);
            if (!decision.Allowed && decision.Reason != EgressBlockReason.Unresolvable)
            {
                refused.Add(new BlockedRequest(url.AbsoluteUri, decision.Reason, decision.Detail, TimeProvider.System.GetUtcNow()));
            }
        }

        return refused;
    }

    /// <summary>Scans the site with <paramref name="time"/> as the scan's clock (tests).</summary>
    internal static Task<ScanResult> ScanAsync(ScanOptions options, IProgress<PageResult>? progress, TimeProvider time, CancellationToken cancellationToken) =>
        ScanSession.RunAsync(options, progress, time, cancellationToken);
}
