using Shishin.Scanning.Safety;

namespace Shishin.Scanning;

/// <summary>Everything one scan found.</summary>
public sealed record ScanResult
{
    /// <summary>The options the scan ran with.</summary>
    public required ScanOptions Options { get; init; }

    /// <summary>Every page scanned, in the order the scans finished; a page whose scan failed has <see cref="PageResult.Error"/>.</summary>
    public required IReadOnlyList<PageResult> Pages { get; init; }

    /// <summary>URLs found but not scanned, and why (robots.txt, include/exclude, the page limit).</summary>
    public required IReadOnlyList<SkippedUrl> Skipped { get; init; }

    /// <summary>Every request that the SSRF guard refused, from the browser and from the scanner itself.</summary>
    public required IReadOnlyList<BlockedRequest> BlockedRequests { get; init; }

    /// <summary>Shishin's version (<see cref="ScannerInfo.Version"/>).</summary>
    public required string ScannerVersion { get; init; }

    /// <summary>The version of axe-core that checked the pages; empty when no page got that far.</summary>
    public required string AxeVersion { get; init; }

    /// <summary>The browser's version, e.g. <c>156.0.8078.108</c>.</summary>
    public required string BrowserVersion { get; init; }

    /// <summary>The User-Agent the pages were loaded with.</summary>
    public required string UserAgent { get; init; }

    /// <summary>When the scan started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long the scan took.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>True when the scan was cancelled; the result then holds the pages finished before that.</summary>
    public required bool Cancelled { get; init; }

    /// <summary>How often the browser had to be started again after it crashed or stopped answering.</summary>
    public int BrowserRestarts { get; init; }
}

/// <summary>One scanned page.</summary>
public sealed record PageResult
{
    /// <summary>The URL the scanner asked for (normalised).</summary>
    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL the page ended up at after redirects; <see langword="null"/> when it never loaded.</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>The name of the <c>scan</c> step of a journey (<see cref="ScanOptions.StepsPath"/>) this result is the state of; <see langword="null"/> for crawled pages.</summary>
    public string? Step { get; init; }

    /// <summary>How many links away from a start URL the page was found (0 for start URLs and sitemap pages).</summary>
    public int Depth { get; init; }

    /// <summary>The HTTP status of the final response; <see langword="null"/> when there was none.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The redirects on the way to the page, in order.</summary>
    public IReadOnlyList<RedirectHop> RedirectChain { get; init; } = [];

    /// <summary>The document title.</summary>
    public string? Title { get; init; }

    /// <summary>The lang attribute of the html element.</summary>
    public string? Lang { get; init; }

    /// <summary>Load timings from the browser's performance APIs.</summary>
    public PageTimings Timings { get; init; } = new();

    /// <summary>Bytes transferred for the page and its subresources (compressed sizes, as on the wire).</summary>
    public long WeightBytes { get; init; }

    /// <summary>Requests the page made over http or https.</summary>
    public int RequestCount { get; init; }

    /// <summary>Requests still open when the page was checked; they were cut off.</summary>
    public int UnfinishedRequests { get; init; }

    /// <summary>The connection's TLS details for HTTPS pages.</summary>
    public TlsDetails? Tls { get; init; }

    /// <summary>Why the page could not be scanned completely; <see langword="null"/> when it could.</summary>
    public PageError? Error { get; init; }

    /// <summary>
    /// Whether the page was scanned completely, in part (what was gathered is kept; <see cref="Gaps"/> says what is
    /// missing and why) or not at all. Unless set, it follows from <see cref="Error"/> and <see cref="Gaps"/>.
    /// </summary>
    public PageStatus Status
    {
        get => status ?? (Gaps.Count > 0 ? PageStatus.Partial : Error is null ? PageStatus.Complete : PageStatus.Failed);
        init => status = value;
    }

    private readonly PageStatus? status;

    /// <summary>What the scan of the page did not cover, and why; empty when it covered everything.</summary>
    public IReadOnlyList<PageGap> Gaps { get; init; } = [];

    /// <summary>What the checks found, ordered by category and rule id.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>When the page's scan started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long the page's scan took, link checks included.</summary>
    public TimeSpan Duration { get; init; }
}

/// <summary>One redirect on the way to a page.</summary>
/// <param name="Url">The URL that redirected.</param>
/// <param name="StatusCode">Its status, e.g. 301; for a client-side navigation the status of the document that navigated.</param>
public sealed record RedirectHop(Uri Url, int StatusCode)
{
    /// <summary>An HTTP redirect, or a navigation of the document itself (meta refresh, script).</summary>
    public RedirectKind Kind { get; init; } = RedirectKind.Http;
}

/// <summary>How a page went on to the next address.</summary>
public enum RedirectKind
{
    /// <summary>An HTTP redirect (3xx).</summary>
    Http,

    /// <summary>The loaded document navigated on by itself: a meta refresh or a script.</summary>
    Client,
}

/// <summary>How much of a page the scan covered.</summary>
public enum PageStatus
{
    /// <summary>Every check ran on the whole page.</summary>
    Complete,

    /// <summary>The page was loaded and what was gathered is reported, but something is missing (<see cref="PageResult.Gaps"/>).</summary>
    Partial,

    /// <summary>The page could not be scanned (<see cref="PageResult.Error"/>).</summary>
    Failed,
}

/// <summary>What part of a page's scan is missing.</summary>
public enum PageGapKind
{
    /// <summary>axe-core's rules did not run to the end on the page: no accessibility finding is reported for it.</summary>
    AccessibilityChecks,

    /// <summary>The page could not be read: title, lang, text, links, timings and the checks on them are missing.</summary>
    PageChecks,

    /// <summary>The page has more links (or elements) than are read: the rest were neither followed nor checked.</summary>
    Links,

    /// <summary>The page's links were not checked.</summary>
    LinkChecks,

    /// <summary>A response was cut off at <see cref="ScanOptions.MaxResponseBytes"/>; the page was checked without its rest.</summary>
    Responses,
}

/// <summary>A part of a page's scan that is missing.</summary>
/// <param name="Kind">What is missing.</param>
/// <param name="Message">Why, in English.</param>
public sealed record PageGap(PageGapKind Kind, string Message);

/// <summary>Timings of a page load, from the start of navigation; <see langword="null"/> when the browser did not report one.</summary>
public sealed record PageTimings
{
    /// <summary>Time to first byte of the document.</summary>
    public TimeSpan? TimeToFirstByte { get; init; }

    /// <summary>First contentful paint.</summary>
    public TimeSpan? FirstContentfulPaint { get; init; }

    /// <summary>Largest contentful paint, up to the moment the page was checked.</summary>
    public TimeSpan? LargestContentfulPaint { get; init; }

    /// <summary>Cumulative layout shift (largest session window), up to the moment the page was checked.</summary>
    public double? CumulativeLayoutShift { get; init; }

    /// <summary>Start of the DOMContentLoaded event.</summary>
    public TimeSpan? DomContentLoaded { get; init; }

    /// <summary>Start of the load event; <see langword="null"/> when it did not come in time.</summary>
    public TimeSpan? Load { get; init; }
}

/// <summary>The TLS connection of an HTTPS page.</summary>
/// <param name="Protocol">The protocol as the browser names it, e.g. <c>TLS 1.3</c>.</param>
/// <param name="Issuer">The certificate's issuer.</param>
/// <param name="ValidTo">When the certificate expires.</param>
public sealed record TlsDetails(string? Protocol, string? Issuer, DateTimeOffset? ValidTo);

/// <summary>Why a page could not be scanned.</summary>
public enum PageErrorKind
{
    /// <summary>The page did not load within <see cref="ScanOptions.NavigationTimeout"/>.</summary>
    Timeout,

    /// <summary>The page took longer than <see cref="ScanOptions.PageBudget"/> (e.g. a script that never yields).</summary>
    BudgetExceeded,

    /// <summary>A response was larger than <see cref="ScanOptions.MaxResponseBytes"/>.</summary>
    ResponseTooLarge,

    /// <summary>The redirects went round in a loop or never ended.</summary>
    RedirectLoop,

    /// <summary>The URL started a download instead of showing a page; downloads are refused.</summary>
    Download,

    /// <summary>The SSRF guard refused the page's address.</summary>
    Blocked,

    /// <summary>The browser or the page's renderer crashed.</summary>
    BrowserCrashed,

    /// <summary>The response is not an HTML document.</summary>
    NotHtml,

    /// <summary>A check in the page (axe-core, the page's probe) failed or ran out of its time; what was gathered before is kept.</summary>
    CheckFailed,

    /// <summary>Any other failure to load, e.g. a refused connection or an unknown host.</summary>
    NavigationFailed,

    /// <summary>A step of a journey (<see cref="ScanOptions.StepsPath"/>) failed: the message names the step and why; later scan steps report that they were not reached.</summary>
    StepFailed,
}

/// <summary>Why a page could not be scanned, with the details.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">What happened, in English.</param>
public sealed record PageError(PageErrorKind Kind, string Message);

/// <summary>Why a URL that was found was not scanned.</summary>
public enum SkipReason
{
    /// <summary>robots.txt disallows it.</summary>
    Robots,

    /// <summary>It matches no include glob, or an exclude glob.</summary>
    Filtered,

    /// <summary>The page limit was reached.</summary>
    PageLimit,

    /// <summary>Its file name says it is not a web page (PDF, image, archive and the like).</summary>
    NotAPage,
}

/// <summary>A URL that was found but not scanned.</summary>
/// <param name="Url">The normalised URL.</param>
/// <param name="Reason">Why.</param>
public sealed record SkippedUrl(Uri Url, SkipReason Reason);
