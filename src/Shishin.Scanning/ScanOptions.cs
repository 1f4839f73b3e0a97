using Shishin.Scanning.Reports;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning;

/// <summary>What to scan and how. Every property has a safe default; only <see cref="StartUrls"/> is required.</summary>
public sealed record ScanOptions
{
    /// <summary>The default <see cref="UserAgentSuffix"/>: <c>Shishin/&lt;version&gt; (+https://github.com/shishin-project/shishin)</c>.</summary>
    public static string DefaultUserAgentSuffix { get; } = $"{ScannerInfo.UserAgentProduct} (+{ScannerInfo.InfoUrl})";

    /// <summary>The pages the crawl starts from (absolute http or https URLs). Their origins are the ones crawled.</summary>
    public required IReadOnlyList<Uri> StartUrls { get; init; }

    /// <summary>The most pages scanned in one run, start URLs included.</summary>
    public int MaxPages { get; init; } = 100;

    /// <summary>How many links away from a start URL the crawl goes; 0 scans only the start URLs and sitemap pages.</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>The most pages of one host scanned at the same time.</summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>Globs over path and query (see <see cref="Crawling.UrlGlob"/>); when any is given, only matching pages are scanned.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs over path and query; matching pages are not scanned.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Whether robots.txt (RFC 9309, product token <c>Shishin</c>) is obeyed, its Crawl-delay included.</summary>
    public bool ObeyRobots { get; init; } = true;

    /// <summary>Read sitemap.xml, sitemap indexes and the <c>Sitemap:</c> lines of robots.txt for more pages to scan.</summary>
    public bool ReadSitemaps { get; init; } = true;

    /// <summary>The least time between the starts of two page loads on the same host.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>Scan as a phone: 390×844 CSS pixels, touch, device scale factor 3 and a mobile User-Agent.</summary>
    public bool Mobile { get; init; }

    /// <summary>
    /// Allow loopback, private, link-local and other internal addresses (intranet scans). Off by default: the SSRF
    /// guard then blocks every request of the browser and of the scanner to such addresses.
    /// </summary>
    public bool AllowPrivate { get; init; }

    /// <summary>The ports that may be reached; <see langword="null"/> allows every port.</summary>
    public IReadOnlySet<int>? AllowedPorts { get; init; } = new HashSet<int> { 80, 443 };

    /// <summary>
    /// Exact <c>host:port</c> pairs that may be reached even though their address or port would be refused, e.g.
    /// <c>127.0.0.1:8080</c>: one internal site without opening all of them as <see cref="AllowPrivate"/> does.
    /// </summary>
    public IReadOnlySet<string> AllowedEndpoints { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The browser executable; when <see langword="null"/>, <see cref="Browser.BrowserLocator"/> looks for one.</summary>
    public string? BrowserPath { get; init; }

    /// <summary>How long a page may take until its document has been parsed (DOMContentLoaded).</summary>
    public TimeSpan NavigationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one page may occupy the browser, load and checks together. A page still unfinished then ends with
    /// <see cref="PageErrorKind.BudgetExceeded"/>. The load event is awaited only as long as both limits allow; requests
    /// still open by then are cut off and the page is checked as it is.
    /// </summary>
    public TimeSpan PageBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one run of axe-core may take on a page; a run that fails or takes longer is tried once more.</summary>
    internal TimeSpan AxeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest response (document or subresource) a page may receive; a larger one is cut off, and the page is checked without its rest and reported as partial with <see cref="PageErrorKind.ResponseTooLarge"/>.</summary>
    public long MaxResponseBytes { get; init; } = 10_000_000;

    /// <summary>How many links to other origins are checked for <c>page.broken-link</c> in the whole scan (links to the scanned origins are all checked).</summary>
    public int ExternalLinkCap { get; init; } = 100;

    /// <summary>Whether links are checked at all (<c>page.broken-link</c>).</summary>
    public bool CheckLinks { get; init; } = true;

    /// <summary>Appended to the browser's User-Agent and sent by the scanner's own requests, so site owners can recognise and allow the scanner.</summary>
    public string UserAgentSuffix { get; init; } = DefaultUserAgentSuffix;

    /// <summary>
    /// The rule profiles of the platform: what a scan runs unless told otherwise, and what every scanner rule that
    /// the guideline catalogue names must run under (<c>shishin catalog validate</c> refuses any other): WCAG 2.2 A and
    /// AA and axe-core's best practices, which the catalogue's UI/UX checkpoints rely on.
    /// </summary>
    public const RuleProfiles PlatformRules = RuleProfiles.Wcag22aa | RuleProfiles.BestPractice;

    /// <summary>Which axe-core rules run, by profile (<see cref="RuleProfiles"/>); profiles add up. At least one is needed.</summary>
    public RuleProfiles Rules { get; init; } = PlatformRules;

    /// <summary>Also run axe-core's WCAG 2.2 AA rules: the same as adding <see cref="RuleProfiles.Wcag22aa"/> to <see cref="Rules"/>.</summary>
    public bool Wcag22 { get; init; }

    /// <summary>The profiles the scan runs: <see cref="Rules"/> with <see cref="Wcag22"/> added.</summary>
    internal RuleProfiles ActiveRules => Wcag22 ? Rules | RuleProfiles.Wcag22aa : Rules;

    /// <summary>
    /// Accept TLS certificates that do not validate (self-signed, private CA). For tests and intranets only: the
    /// certificate's expiry is still reported.
    /// </summary>
    public bool IgnoreCertificateErrors { get; init; }

    /// <summary>
    /// Cookies (a signed-in session, for instance) that the browser sends to the start URLs' hosts, and to no other
    /// host: each is set host-only (no Domain attribute, so not for subdomains), HttpOnly, SameSite=Lax, path /, and
    /// Secure for https start URLs. Cookies do not tell ports apart, so another port of the same host receives them
    /// too. The scanner's own requests to those hosts (robots.txt, sitemaps, link checks) carry them as the browser
    /// would, requests to other hosts never, and no report or log carries
    /// their values (<see cref="ScanCookie.ToString"/> hides them).
    /// </summary>
    public IReadOnlyList<ScanCookie> Cookies { get; init; } = [];

    /// <summary>
    /// A Playwright storage state file (<c>{"cookies": [...], "origins": [...]}</c>, as <c>BrowserContext.StorageStateAsync</c>
    /// or <c>playwright codegen --save-storage</c> write it) loaded into every page's browser context: a signed-in session.
    /// Only cookies whose domain covers a start URL's host and local storage of the start URLs' origins are loaded; the
    /// rest of the file is ignored. An unreadable file fails the scan with <see cref="ScanFailure.InvalidAuthState"/>; no
    /// report, log or message carries the file's values.
    /// </summary>
    public string? AuthStatePath { get; init; }

    /// <summary>
    /// Extra HTTP request headers the browser sends to the start URLs' origins (scheme, host and port) and to no other
    /// origin, not even after a redirect; the scanner's own requests to those origins carry them too. No report or log
    /// carries their values (<see cref="ScanHeader.ToString"/> hides them).
    /// </summary>
    public IReadOnlyList<ScanHeader> Headers { get; init; } = [];

    /// <summary>
    /// A steps file (YAML, see docs/scanner.md "Signed-in journeys") that walks a journey such as a multi-step application
    /// form in one browser context and scans the page at each of its <c>scan</c> steps, instead of crawling. Values may
    /// come from environment variables (<c>${env:NAME}</c>); those values are secrets and are replaced by
    /// <c>[redacted]</c> wherever a page shows them back. A file with errors fails the scan with
    /// <see cref="ScanFailure.InvalidSteps"/> and a <c>file:line:column</c> message.
    /// </summary>
    public string? StepsPath { get; init; }

    /// <summary>
    /// With a session (<see cref="Cookies"/>, <see cref="AuthStatePath"/> or <see cref="Headers"/>), links whose path and
    /// query or whose text matches one of these patterns are neither followed nor checked, so that the crawl does not sign
    /// itself out. Case-insensitive; <c>*</c> matches anything; a pattern that starts with a Latin letter matches only
    /// at the start of a word. The default is <see cref="DefaultSessionExclude"/>.
    /// </summary>
    public IReadOnlyList<string> SessionExclude { get; init; } = DefaultSessionExclude;

    /// <summary>The default <see cref="SessionExclude"/>: log out, sign out and log off in their usual spellings, and ログアウト, サインアウト, ログオフ.</summary>
    public static IReadOnlyList<string> DefaultSessionExclude { get; } =
    [
        "logout", "log-out", "log_out", "log out", "signout", "sign-out", "sign_out", "sign out", "logoff", "log-off", "log off",
        "ログアウト", "サインアウト", "ログオフ",
    ];

    /// <summary>
    /// The language of the texts the scanner takes from axe-core (help texts and failure summaries): with
    /// <see cref="ReportLanguage.Japanese"/> axe-core runs with its official Japanese locale. Shishin's own messages
    /// stay English; reports show them beside the rule's description in the report's language.
    /// </summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>The limits of the <c>page.*</c>, <c>security.*</c> and <c>performance.*</c> checks.</summary>
    public ScanThresholds Thresholds { get; init; } = new();
}

/// <summary>The limits of Shishin's own checks; the defaults are the catalogue's parameters.</summary>
public sealed record ScanThresholds
{
    /// <summary>Largest contentful paint (<c>performance.lcp</c>).</summary>
    public TimeSpan LargestContentfulPaint { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Cumulative layout shift (<c>performance.cls</c>).</summary>
    public double CumulativeLayoutShift { get; init; } = 0.1;

    /// <summary>First contentful paint (<c>performance.fcp</c>).</summary>
    public TimeSpan FirstContentfulPaint { get; init; } = TimeSpan.FromSeconds(1.8);

    /// <summary>Time to first byte (<c>performance.ttfb</c>).</summary>
    public TimeSpan TimeToFirstByte { get; init; } = TimeSpan.FromSeconds(0.8);

    /// <summary>Bytes transferred to load a page (<c>page.weight</c>).</summary>
    public long PageWeightBytes { get; init; } = 3_000_000;

    /// <summary>Requests made to load a page (<c>page.request-count</c>).</summary>
    public int RequestCount { get; init; } = 100;

    /// <summary>Days before a certificate's expiry from which <c>security.certificate-expiry</c> is reported.</summary>
    public int CertificateWarningDays { get; init; } = 30;

    /// <summary>The shortest acceptable HSTS max-age in seconds (<c>security.hsts-max-age</c>).</summary>
    public long HstsMinMaxAgeSeconds { get; init; } = 31_536_000;
}
