using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shishin.Scanning.Tests.Fixtures;

/// <summary>
/// The site the scanner tests crawl, in process on 127.0.0.1: plain HTTP on one port, HTTPS with a self-signed
/// certificate valid for a year on another, HTTPS with one that expires in 10 days on a third, and a canary on a
/// fourth that no scan may ever reach. Pages carry planted defects; every response gets a full set of good security
/// headers unless its path starts with /hostile/, /ssrf/ or /defects/no-headers.
/// </summary>
public sealed class FixtureSite : IAsyncLifetime
{
    public const string Text = "This page is part of the fixture site. It has a heading, a paragraph and nothing that should be reported.";

    private const string JapaneseText = "このページは日本語で書かれています。行政サービスの案内や手続きの方法について、分かりやすく説明しています。申請書の書き方、必要な書類、受付の時間を確認してください。";

    private static readonly byte[] Blob = RandomNumberGenerator.GetBytes(10_000);

    private WebApplication? app;
    private int crashes;

    public int HttpPort { get; } = FreePort();

    public int HttpsPort { get; } = FreePort();

    public int ExpiringHttpsPort { get; } = FreePort();

    public Canary Canary { get; } = new();

    /// <summary>Set by the crash test: the next request of /crash-browser kills this process's scanner browser.</summary>
    public bool CrashArmed { get; set; }

    public int Crashes => Volatile.Read(ref crashes);

    /// <summary>The fixture's endpoints, for <see cref="ScanOptions.AllowedEndpoints"/>: exactly these, not the canary.</summary>
    public IReadOnlySet<string> Endpoints => new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        $"127.0.0.1:{HttpPort}",
        $"127.0.0.1:{HttpsPort}",
        $"127.0.0.1:{ExpiringHttpsPort}",
    };

    public Uri Http(string path) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPort}{path}"));

    public Uri Https(string path) => new(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{HttpsPort}{path}"));

    public Uri ExpiringHttps(string path) => new(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{ExpiringHttpsPort}{path}"));

    /// <summary>Options for scanning the fixture: the SSRF guard stays on (no AllowPrivate), only the fixture's ports are let through.</summary>
    public ScanOptions Options(params Uri[] startUrls) => new()
    {
        StartUrls = startUrls,
        // The rule profile the fixture's exact expectations were written for; tests of other profiles say so.
        Rules = Shishin.Scanning.Rules.RuleProfiles.Wcag2aa,
        AllowedEndpoints = Endpoints,
        BrowserPath = BrowserPath(),
        IgnoreCertificateErrors = true,
        Concurrency = 2,
        // Generous, as the product's default: CI runs these beside the browser tests' own scans on two cores, where a
        // fixture page once took over 10 s to load and another 21.7 s in all; tests of a timeout or a budget overrun set
        // their own, smaller limits.
        NavigationTimeout = TimeSpan.FromSeconds(30),
        PageBudget = TimeSpan.FromSeconds(90),
        Thresholds = new ScanThresholds
        {
            // Generous timings: the test machine is shared, and only the pages made slow on purpose may be reported.
            TimeToFirstByte = TimeSpan.FromSeconds(2),
            FirstContentfulPaint = TimeSpan.FromSeconds(10),
            LargestContentfulPaint = TimeSpan.FromSeconds(10),
            PageWeightBytes = 200_000,
            RequestCount = 20,
        },
    };

    /// <summary>
    /// The browser the scanner tests use: SHISHIN_TEST_SCAN_BROWSER (scripts/test.sh sets it to Debian's headless shell,
    /// which the scanner itself prefers), then SHISHIN_BROWSER, then Debian's headless shell or full Chromium; never a
    /// downloaded one.
    /// </summary>
    public static string BrowserPath() =>
        Environment.GetEnvironmentVariable("SHISHIN_TEST_SCAN_BROWSER") is { Length: > 0 } scanBrowser ? scanBrowser
        : Environment.GetEnvironmentVariable("SHISHIN_BROWSER") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell"
        : "/usr/bin/chromium";

    /// <summary>Debian's full Chromium (SHISHIN_BROWSER first), for comparing its findings with the headless shell's.</summary>
    public static string FullBrowserPath() =>
        Environment.GetEnvironmentVariable("SHISHIN_BROWSER") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        using var certificate = Certificate(TimeSpan.FromDays(365));
        using var expiring = Certificate(TimeSpan.FromDays(10));
        var normal = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        var soon = X509CertificateLoader.LoadPkcs12(expiring.Export(X509ContentType.Pfx), null);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, HttpPort);
            kestrel.Listen(IPAddress.Loopback, HttpsPort, listen => listen.UseHttps(normal));
            kestrel.Listen(IPAddress.Loopback, ExpiringHttpsPort, listen => listen.UseHttps(soon));
        });
        app = builder.Build();
        app.Use(SecurityHeaders);
        MapPages(app);
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Canary.Dispose();
    }

    /// <summary>The User-Agent of the last request for each path.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> UserAgents { get; } = new(StringComparer.Ordinal);

    /// <summary>The Cookie header of the last request for each path (empty when none was sent).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> ReceivedCookies { get; } = new(StringComparer.Ordinal);

    private async Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "";
        UserAgents[path] = context.Request.Headers.UserAgent.ToString();
        ReceivedCookies[path] = context.Request.Headers.Cookie.ToString();
        if (!path.StartsWith("/hostile/", StringComparison.Ordinal) && !path.StartsWith("/ssrf/", StringComparison.Ordinal) && path != "/defects/no-headers")
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = path == "/defects/csp-unsafe-inline"
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
                : "default-src 'self'; img-src 'self' data: http: https:; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.Request.IsHttps && path != "/secure/weak")
            {
                headers.StrictTransportSecurity = "max-age=63072000; includeSubDomains";
            }
        }

        await next();
    }

    private void MapPages(WebApplication site)
    {
        // The expiring-certificate origin asks crawlers to wait a second between pages (the pacing test).
        site.MapGet("/robots.txt", (HttpContext c) => c.Connection.LocalPort == ExpiringHttpsPort
            ? Results.Text("User-agent: *\nCrawl-delay: 1\n", "text/plain")
            : c.Request.IsHttps
            ? Results.NotFound()
            : Results.Text($"User-agent: *\nDisallow: /private/\n\nSitemap: http://{c.Request.Host}/sitemap.xml\n", "text/plain"));
        site.MapGet("/sitemap.xml", (HttpContext c) => c.Request.IsHttps
            ? Results.NotFound()
            : Results.Text($"<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>http://{c.Request.Host}/sitemap-pages.xml</loc></sitemap></sitemapindex>", "application/xml"));
        site.MapGet("/sitemap-pages.xml", (HttpContext c) =>
            Results.Text($"<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://{c.Request.Host}/from-sitemap</loc></url><url><loc>http://{c.Request.Host}/</loc></url></urlset>", "application/xml"));
        site.MapGet("/.well-known/security.txt", () => Results.Text("Contact: mailto:security@example.jp\nExpires: 2099-12-31T23:59:59Z\n", "text/plain"));

        // The crawl: a home page that links to every planted defect, in several spellings of the same URLs.
        site.MapGet("/", () => Html(Page("Fixture home", """
            <ul>
              <li><a href="/defects/image-alt">Image without alt</a></li>
              <li><a href="/defects/image-alt/">Same page, trailing slash</a></li>
              <li><a href="/defects/image-alt#top">Same page, fragment</a></li>
              <li><a href="/defects/no-lang">No lang</a></li>
              <li><a href="/defects/lang-mismatch">Wrong lang</a></li>
              <li><a href="/defects/broken-link">Broken link</a></li>
              <li><a href="/defects/meta">Missing title and description</a></li>
              <li><a href="/defects/no-headers">No security headers</a></li>
              <li><a href="/defects/csp-unsafe-inline">Weak CSP</a></li>
              <li><a href="/defects/heavy">Heavy</a></li>
              <li><a href="/defects/slow">Slow</a></li>
              <li><a href="/defects/shift">Layout shift</a></li>
              <li><a href="/defects/hreflang">Bad hreflang</a></li>
              <li><a href="/dup-a">Duplicate title A</a></li>
              <li><a href="/dup-b">Duplicate title B</a></li>
              <li><a href="/redirect-chain/1">Redirects</a></li>
              <li><a href="/private/secret">Disallowed by robots.txt</a></li>
              <li><a href="/excluded/page">Excluded by a glob</a></li>
              <li><a href="/files/report.pdf">A PDF</a></li>
              <li><a href="mailto:info@example.jp">Mail</a></li>
            </ul>
            """)));
        site.MapGet("/from-sitemap", () => Html(Page("Only in the sitemap", $"<p>{Text}</p>")));
        site.MapGet("/private/secret", () => Html(Page("Private", "<p>robots.txt keeps crawlers out.</p>")));
        site.MapGet("/excluded/page", () => Html(Page("Excluded", "<p>An exclude glob keeps the scan out.</p>")));
        site.MapGet("/files/report.pdf", () => Results.Bytes("%PDF-1.4\n"u8.ToArray(), "application/pdf"));
        site.MapGet("/img/{name}", (string name) => Results.Bytes(Blob, "image/png"));

        site.MapGet("/defects/image-alt", () => Html(Page("Image without alt", $"<p>{Text}</p><img src=\"/img/photo.png\" width=\"10\" height=\"10\">")));
        site.MapGet("/defects/no-lang", () => Html(Page("No lang", $"<p>{Text}</p>", lang: null)));
        site.MapGet("/defects/lang-mismatch", () => Html(Page("言語の不一致", $"<p>{JapaneseText}</p>", lang: "en")));
        site.MapGet("/defects/broken-link", () => Html(Page("Broken link", $"<p>{Text} <a href=\"/missing\">This link is broken</a>.</p>")));
        // Reached only as start URLs (nothing links here): the session cookie tests and the link that cannot be checked.
        site.MapGet("/session/page", () => Html(Page("Session page", $"<p>{Text} <a href=\"/session/linked\">Next page</a>.</p>")));
        site.MapGet("/session/linked", () => Html(Page("Linked session page", $"<p>{Text}</p>")));
        // Japanese text beside a long English JSON record in <code>, as an audit log shows it: code is no natural language.
        site.MapGet("/lang/code", () => Html(Page("監査ログ", $"<p>{JapaneseText}</p><p><code>{string.Concat(Enumerable.Repeat("{\"Action\":\"Updated\",\"EntityType\":\"Organization\",\"Name\":\"Chiyoda City Office\"} ", 40))}</code></p>", lang: "ja")));
        site.MapGet("/links/unresolvable", () => Html(Page("Unresolvable link", $"<p>{Text} <a href=\"http://nowhere.invalid/\">A name that cannot resolve</a>, <a href=\"/missing\">a missing page</a>.</p>")));
        site.MapGet("/defects/meta", () => Html(Page("", $"<p>{Text}</p>", description: false, viewport: "width=device-width, user-scalable=no")));
        site.MapGet("/defects/no-headers", (HttpContext c) =>
        {
            c.Response.Headers.Append("Set-Cookie", "sessionid=abc123; Path=/");
            return Html(Page("No security headers", $"<p>{Text}</p>"));
        });
        site.MapGet("/defects/csp-unsafe-inline", () => Html(Page("Weak CSP", $"<p>{Text}</p>")));
        // Style sheets rather than images: Chromium stops loading an image it cannot decode, but reads a style sheet whole.
        site.MapGet("/defects/heavy", () => Html(Page("Heavy", $"<p>{Text}</p>", head: string.Concat(Enumerable.Range(0, 25).Select(i => $"<link rel=\"stylesheet\" href=\"/css/heavy-{i}.css\">")))));
        site.MapGet("/css/{name}", (string name) => Results.Text("/*" + new string('x', 10_000) + "*/", "text/css"));
        site.MapGet("/defects/slow", async () =>
        {
            await Task.Delay(3000);
            return Html(Page("Slow", $"<p>{Text}</p>"));
        });
        site.MapGet("/defects/shift", () => Html(Page("Layout shift", $"<p>{Text}</p><p>{Text}</p><img src=\"/slow-image\" alt=\"\" width=\"4\" height=\"4\">", head: "<script src=\"/shift.js\"></script>")));
        site.MapGet("/shift.js", () => Results.Text(
            // Shifts count only after the first paint, so the block is inserted once the browser has painted.
            "new PerformanceObserver((list, observer) => { observer.disconnect(); setTimeout(() => { const block = document.createElement('div'); block.style.height = '500px'; block.textContent = 'Inserted late'; document.querySelector('main').prepend(block); }, 100); }).observe({ type: 'paint', buffered: true });",
            "text/javascript"));
        site.MapGet("/slow-image", async () =>
        {
            await Task.Delay(1500);
            return Results.Bytes(Blob.AsSpan(0, 100).ToArray(), "image/png");
        });
        // Two 12 px buttons side by side: below the 24 px target size of WCAG 2.2 (2.5.8), which only the 2.2 tags check.
        // The size comes from a style sheet: the fixture's CSP refuses inline styles.
        site.MapGet("/defects/target-size", () => Html(Page("Small targets", $"<p>{Text}</p><p><button type=\"button\" class=\"tiny\" aria-label=\"Previous\"></button><button type=\"button\" class=\"tiny\" aria-label=\"Next\"></button></p>", head: "<link rel=\"stylesheet\" href=\"/styles/tiny.css\">")));
        site.MapGet("/styles/tiny.css", () => Results.Text(".tiny { display: inline-block; width: 12px; height: 12px; padding: 0; margin: 0; border: 0; background: #333; vertical-align: top; }", "text/css"));
        site.MapGet("/defects/hreflang", () => Html(Page("Bad hreflang", $"<p>{Text}</p>", head: "<link rel=\"alternate\" hreflang=\"english\" href=\"/from-sitemap\">")));
        site.MapGet("/dup-a", () => Html(Page("Same title", $"<p>{Text} A.</p>")));
        site.MapGet("/dup-b", () => Html(Page("Same title", $"<p>{Text} B.</p>")));
        site.MapGet("/redirect-chain/1", () => Results.Redirect("/redirect-chain/2"));
        site.MapGet("/redirect-chain/2", () => Results.Redirect("/redirect-chain/final", permanent: true));
        site.MapGet("/redirect-chain/final", () => Html(Page("After two redirects", $"<p>{Text}</p>")));

        // Rule profiles (issue 13, point 5): a page whose only accessibility defects belong to profiles other than
        // wcag2aa: no main landmark and content outside every landmark (best-practice), targets of 12 by 12 pixels
        // (wcag22aa) and text at 4.5:1, enough for AA but not for AAA (aaa).
        site.MapGet("/profiles/outside-landmarks", () => Html($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Outside every landmark</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="description" content="A page of the scanner's fixture site.">
            <link rel="stylesheet" href="/styles/tiny.css"><link rel="stylesheet" href="/styles/aa-grey.css"></head>
            <body><h1>Outside every landmark</h1><p class="aa-grey">{{Text}}</p>
            <p><button type="button" class="tiny" aria-label="Previous"></button><button type="button" class="tiny" aria-label="Next"></button></p>
            </body></html>
            """));
        // A style sheet, not a style attribute: the fixture's CSP allows no inline style.
        site.MapGet("/styles/aa-grey.css", () => Results.Text(".aa-grey { color: #767676; background: #ffffff; }", "text/css"));

        // HTTPS: one page with every header right, one with mixed content, one with weak HSTS and cookies.
        site.MapGet("/secure/good", (HttpContext c) =>
        {
            c.Response.Headers.Append("Set-Cookie", "sid=1; Path=/; Secure; HttpOnly; SameSite=Lax");
            return Html(Page("Everything right", $"<p>{Text}</p>"));
        });
        site.MapGet("/secure/mixed", () => Html(Page("Mixed content", $"<p>{Text}</p><img src=\"http://127.0.0.1:{HttpPort}/img/plain.png\" alt=\"\" width=\"4\" height=\"4\">")));
        site.MapGet("/secure/weak", (HttpContext c) =>
        {
            c.Response.Headers.StrictTransportSecurity = "max-age=300";
            c.Response.Headers.Append("Set-Cookie", "sid=1; Path=/; HttpOnly; SameSite=Lax");
            return Html(Page("Weak HSTS", $"<p>{Text}</p>"));
        });

        MapHostilePages(site);
        MapSsrfPages(site);
        MapJourneyPages(site);
        MapIntegrityPages(site);
        MapPartialPages(site);

        site.MapGet("/crash-browser", async () =>
        {
            if (CrashArmed)
            {
                CrashArmed = false;
                Interlocked.Increment(ref crashes);
                foreach (var pid in ChromiumProcesses.BrowserProcessesOfThisProcess())
                {
                    ChromiumProcesses.Kill(pid);
                }

                await Task.Delay(500);
            }

            return Html(Page("Crash", $"<p>{Text}</p>"));
        });
        site.MapGet("/slow-crawl/{n:int}", async (int n) =>
        {
            await Task.Delay(1000);
            var links = string.Concat(Enumerable.Range(1, 5).Select(i => $"<a href=\"/slow-crawl/{n * 5 + i}\">Page {n * 5 + i}</a> "));
            return Html(Page(string.Create(CultureInfo.InvariantCulture, $"Slow page {n}"), $"<p>{links}</p>"));
        });
        site.MapFallback(() => Results.Content(Page("Not found", "<p>There is no such page.</p>"), "text/html; charset=utf-8", Encoding.UTF8, 404));
    }

    private static void MapHostilePages(WebApplication site)
    {
        site.MapGet("/hostile/redirect-loop", () => Results.Redirect("/hostile/redirect-loop-2"));
        site.MapGet("/hostile/redirect-loop-2", () => Results.Redirect("/hostile/redirect-loop"));
        site.MapGet("/hostile/never-ending", () => Html(Page("Never ending", $"<p>{Text}</p>", head: "<script async src=\"/hostile/stream\"></script>")));
        site.MapGet("/hostile/stream", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/javascript";
            try
            {
                await c.Response.Body.WriteAsync("/* "u8.ToArray(), c.RequestAborted);
                while (!c.RequestAborted.IsCancellationRequested)
                {
                    await c.Response.Body.WriteAsync("                "u8.ToArray(), c.RequestAborted);
                    await c.Response.Body.FlushAsync(c.RequestAborted);
                    await Task.Delay(500, c.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The scanner hung up, as it should.
            }
        });
        site.MapGet("/hostile/alert", () => Html(Page("Dialogs", $"<p>{Text}</p>", head: "<script>alert('hello'); confirm('sure?'); prompt('name?'); window.onbeforeunload = () => 'stay';</script>")));
        site.MapGet("/hostile/huge", () => Html(Page("Huge", "<p>" + new string('x', 5 * 1024 * 1024) + "</p>")));
        site.MapGet("/hostile/infinite-scroll", () => Html(Page("Infinite scroll", $"<div id=\"feed\"><p>{Text}</p></div>", head: """
            <script>
              addEventListener('DOMContentLoaded', () => {
                const feed = document.getElementById('feed');
                setInterval(() => {
                  for (let i = 0; i < 20; i++) { const p = document.createElement('p'); p.textContent = 'More content ' + feed.children.length; feed.append(p); }
                  window.scrollTo(0, document.body.scrollHeight);
                }, 50);
              });
            </script>
            """)));
        site.MapGet("/hostile/busy-loop", () => Html(Page("Busy loop", "<p>Before the loop.</p><script>while (true) {}</script><p>Never parsed.</p>")));
        site.MapGet("/hostile/busy-after-load", () => Html(Page("Busy after load", $"<p>{Text}</p>", head: "<script>addEventListener('load', () => setTimeout(() => { while (true) {} }, 0));</script>")));
        site.MapGet("/hostile/popup", () => Html(Page("Popup", $"<p>{Text}</p>", head: "<script>addEventListener('load', () => { window.open('/hostile/alert'); window.open('about:blank'); });</script>")));
        site.MapGet("/hostile/download", (HttpContext c) =>
        {
            c.Response.Headers.ContentDisposition = "attachment; filename=\"data.bin\"";
            return Results.Bytes(Blob, "application/octet-stream");
        });
        site.MapGet("/hostile/not-html", () => Results.Json(new { hello = "world" }));
    }

    // Integrity (issue 13, points 1 and 2): pages that try to forge their own results, and findings inside frames.
    // Under /hostile/ so that no CSP keeps their inline scripts and no X-Frame-Options their frames out.
    private void MapIntegrityPages(WebApplication site)
    {
        const string Image = "<img src=\"/img/photo.png\" width=\"10\" height=\"10\">";
        const string Forged = "9.9.9-forged";
        // A page that leaves every trace a page can leave in its browser context and tab, and one scanned after it
        // that shows whatever of them it finds: a tab reused between pages must come to it wiped.
        site.MapGet("/hostile/reuse/writer", () => Html(Page("Writer", $$"""
            <p>{{Text}} <a href="/hostile/reuse/reader">Next</a>.</p>
            <script>
              document.cookie = 'left=1; path=/';
              localStorage.setItem('left', '1');
              sessionStorage.setItem('left', '1');
              window.name = 'left';
              history.pushState({}, '', '/hostile/reuse/writer#pushed');
              indexedDB.open('left', 1).onupgradeneeded = (e) => e.target.result.createObjectStore('left');
              navigator.permissions && navigator.permissions.query({ name: 'geolocation' });
            </script>
            """)));
        site.MapGet("/hostile/reuse/reader", () => Html(Page("Reader", $$"""
            <p>{{Text}}</p><p id="found"></p>
            <script>
              const found = [];
              if (document.cookie.includes('left=')) found.push('cookie');
              if (localStorage.getItem('left')) found.push('localStorage');
              if (sessionStorage.getItem('left')) found.push('sessionStorage');
              if (window.name) found.push('window.name');
              // Every page starts from a tab on about:blank: its own entry and that one.
              if (history.length > 2) found.push('history');
              const names = indexedDB.databases ? indexedDB.databases() : Promise.resolve([]);
              names.then((dbs) => {
                if (dbs.some((db) => db.name === 'left')) found.push('indexedDB');
                if (found.length > 0) {
                  document.title = 'Left behind: ' + found.join(' ');
                  document.getElementById('found').innerHTML = '<img src="/img/left.png" width="10" height="10">';
                }
              });
            </script>
            """)));
        site.MapGet("/hostile/forged-axe", () => Html(Page("Forged axe", $$"""
            <p>{{Text}}</p>{{Image}}
            <script>window.axe = { run: async () => ({ testEngine: { version: '{{Forged}}' }, violations: [], incomplete: [] }) };</script>
            """)));
        // Traps the setter: whatever axe-core is assigned to window.axe is wrapped so that it drops every result.
        site.MapGet("/hostile/trapped-axe", () => Html(Page("Trapped axe", $"<p>{Text}</p>{Image}", head: """
            <script>
              let trapped;
              Object.defineProperty(window, 'axe', {
                configurable: false,
                get() { return trapped; },
                set(real) {
                  const run = real.run;
                  real.run = async function (...args) { const result = await run.apply(real, args); result.violations = []; result.incomplete = []; return result; };
                  const runPartial = real.runPartial;
                  real.runPartial = async function (...args) { const result = await runPartial.apply(real, args); result.results = []; return result; };
                  trapped = real;
                },
              });
            </script>
            """)));
        // Replaces what a script evaluated in the page's world would lean on, and forges the DOM's answers.
        site.MapGet("/hostile/prototypes", () => Html(Page("Real title", $"<p>{Text} <a href=\"/from-sitemap\">A real link</a>.</p>{Image}", head: $$"""
            <script>
              const forged = '{"title":"Forged title","lang":"xx","text":"","viewport":null,"description":null,"hreflang":[],"insecure":[],"links":[],"timing":{},"version":"{{Forged}}","violations":[],"incomplete":[]}';
              JSON.stringify = () => forged;
              JSON.parse = () => ({});
              Array.prototype.push = function () { return 0; };
              Array.prototype.map = function () { return []; };
              Array.prototype.filter = function () { return []; };
              Object.keys = () => [];
              Object.assign = (target) => target;
              window.Promise = function () { throw new Error('no promises here'); };
              window.Promise.resolve = window.Promise.all = window.Promise;
              Object.defineProperty(Document.prototype, 'title', { get: () => 'Forged title' });
              Element.prototype.getAttribute = () => null;
              Element.prototype.querySelectorAll = Document.prototype.querySelectorAll = () => [];
            </script>
            """)));

        // Frames: a same-origin frame, a cross-origin one (localhost is another origin than 127.0.0.1, so Chromium puts
        // it in a process of its own), a same-origin frame with a cross-origin frame inside, and one the SSRF guard
        // blocks, which cannot be checked.
        site.MapGet("/hostile/frames", () => Html(Page("Frames", string.Create(CultureInfo.InvariantCulture, $"""
            <p>{Text}</p>
            <iframe id="same" src="/hostile/frames/inner" title="Same origin"></iframe>
            <iframe id="cross" src="http://localhost:{HttpPort}/hostile/frames/inner" title="Cross origin"></iframe>
            <iframe id="nested" src="/hostile/frames/outer" title="Nested"></iframe>
            <iframe id="blocked" src="http://127.0.0.1:{Canary.Port}/frame" title="Blocked"></iframe>
            """))));
        site.MapGet("/hostile/frames/inner", () => Html(Page("Inner frame", $"<p>{Text}</p>{Image}")));
        site.MapGet("/hostile/frames/outer", () => Html(Page("Outer frame", string.Create(CultureInfo.InvariantCulture, $"""
            <p>{Text}</p>
            <iframe id="deep" src="http://localhost:{HttpPort}/hostile/frames/inner" title="Cross origin, nested"></iframe>
            """))));
    }

    private void MapSsrfPages(WebApplication site)
    {
        var canary = Canary.Port;
        site.MapGet("/ssrf/redirect", () => Results.Redirect($"http://127.0.0.1:{canary}/admin"));
        site.MapGet("/ssrf/redirect-https", () => Results.Redirect($"https://127.0.0.1:{canary}/admin"));
        site.MapGet("/ssrf/subresources", () => Html(Page("Reaching for the canary", $$"""
            <p>{{Text}}</p>
            <img src="http://127.0.0.1:{{canary}}/image.png" alt="">
            <img src="http://localhost:{{canary}}/by-name.png" alt="">
            <img src="http://[::ffff:127.0.0.1]:{{canary}}/mapped.png" alt="">
            <iframe src="http://127.0.0.1:{{canary}}/frame" title="Frame"></iframe>
            <p><a href="http://127.0.0.1:{{canary}}/linked">A link to the canary</a></p>
            <script>
              fetch('http://127.0.0.1:{{canary}}/fetch').catch(() => {});
              fetch('https://127.0.0.1:{{canary}}/fetch-tls').catch(() => {});
              try { new WebSocket('ws://127.0.0.1:{{canary}}/socket'); } catch {}
              const xhr = new XMLHttpRequest(); xhr.open('GET', 'http://127.0.0.1:{{canary}}/xhr'); xhr.send();
              navigator.sendBeacon && navigator.sendBeacon('http://127.0.0.1:{{canary}}/beacon', 'x');
            </script>
            """)));
    }

    // ---- Signed-in journeys (issue 13 point 6): a sign-in form that sets a session cookie, a three-step application
    // form whose step 2 has a defect only reachable after step 1 is filled, sign-out links that end the session on the
    // server, and a page behind a header-checking gateway with a second origin (the HTTPS port) beside it.

    /// <summary>The password of the journey's sign-in form (the tests pass it through an environment variable).</summary>
    public const string JourneyPassword = "Kq7-horse-battery-2f9d";

    /// <summary>The value of the X-Journey-Key header the gateway page requires.</summary>
    public const string JourneyKey = "gw-key-5be1c0de-a11ce";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> journeySessions = new(StringComparer.Ordinal);

    /// <summary>How often a sign-out address was requested (by the browser or by a link check).</summary>
    public int SignOuts => Volatile.Read(ref signOuts);

    private int signOuts;

    /// <summary>The X-Journey-Key header of each request, by port and path (empty when none was sent).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> JourneyKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>A signed-in session, as the sign-in form would start it: the value of the journey_session cookie.</summary>
    public string IssueJourneySession()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        journeySessions[token] = "";
        return token;
    }

    /// <summary>True while the session has not been signed out.</summary>
    public bool IsJourneySessionValid(string token) => journeySessions.ContainsKey(token);

    private void MapJourneyPages(WebApplication site)
    {
        string? Session(HttpContext c) =>
            c.Request.Cookies["journey_session"] is { } token && journeySessions.ContainsKey(token) ? token : null;

        site.Use(async (c, next) =>
        {
            if (c.Request.Path.StartsWithSegments("/journeys", StringComparison.Ordinal))
            {
                JourneyKeys[string.Create(CultureInfo.InvariantCulture, $"{c.Connection.LocalPort}{c.Request.Path}")] = c.Request.Headers["X-Journey-Key"].ToString();
            }

            await next();
        });
        site.MapGet("/journeys/sign-in", () => Html(Page("Sign in", """
            <form method="post" action="/journeys/sign-in">
              <p><label for="user">User name</label> <input id="user" name="user" autocomplete="username"></p>
              <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
              <p><button id="sign-in" type="submit">Sign in</button></p>
            </form>
            """)));
        site.MapPost("/journeys/sign-in", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            if (form["user"] != "hanako" || form["password"] != JourneyPassword)
            {
                return Results.Redirect("/journeys/sign-in?failed=1", preserveMethod: false);
            }

            var token = IssueJourneySession();
            c.Response.Cookies.Append("journey_session", token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            return Results.Redirect("/journeys/apply/1");
        });
        site.MapGet("/journeys/account", (HttpContext c) => Session(c) is null ? Results.Redirect("/journeys/sign-in") : Html(Page("Your account", $"""
            <p>{Text}</p>
            <ul>
              <li><a href="/journeys/apply/1">Apply</a></li>
              <li><a href="/journeys/account/notices">Notices</a></li>
              <li><a href="/journeys/end-session">ログアウト</a></li>
              <li><a href="/journeys/logout">Leave</a></li>
            </ul>
            """)));
        site.MapGet("/journeys/account/notices", (HttpContext c) => Session(c) is null ? Results.Redirect("/journeys/sign-in") : Html(Page("Notices", $"<p>{Text}</p>")));
        foreach (var signOut in new[] { "/journeys/end-session", "/journeys/logout" })
        {
            site.MapMethods(signOut, ["GET", "HEAD"], (HttpContext c) =>
            {
                Interlocked.Increment(ref signOuts);
                if (Session(c) is { } token)
                {
                    journeySessions.TryRemove(token, out _);
                }

                return Results.Redirect("/journeys/sign-in");
            });
        }

        site.MapGet("/journeys/apply/1", (HttpContext c) => Session(c) is null ? Results.Redirect("/journeys/sign-in") : Html(Page("Application, step 1 of 3", """
            <form method="post" action="/journeys/apply/1">
              <p><label for="name">Full name</label> <input id="name" name="name" autocomplete="name"></p>
              <p><label for="ward">Ward</label> <select id="ward" name="ward"><option value="">Choose</option><option value="chiyoda">Chiyoda</option><option value="minato">Minato</option></select></p>
              <p><input id="agree" name="agree" type="checkbox" value="yes"> <label for="agree">I agree to the terms</label></p>
              <p><button id="next" type="submit">Next</button></p>
            </form>
            """)));
        site.MapPost("/journeys/apply/1", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync();
            if (Session(c) is not { } token || form["agree"] != "yes" || form["ward"] == "")
            {
                return Results.Redirect("/journeys/apply/1");
            }

            journeySessions[token] = form["name"].ToString();
            return Results.Redirect("/journeys/apply/2");
        });
        // The planted defect: step 2 repeats the name in a field without a label (axe's "label"), and only a person
        // who has filled step 1 ever sees step 2.
        site.MapGet("/journeys/apply/2", (HttpContext c) => Session(c) is not { } token || journeySessions[token].Length == 0
            ? Results.Redirect("/journeys/apply/1")
            : Html(Page("Application, step 2 of 3", $"""
                <form method="post" action="/journeys/apply/2">
                  <p><input id="display-name" name="display-name" value="{WebUtility.HtmlEncode(journeySessions[token])}"></p>
                  <p><label for="phone">Phone</label> <input id="phone" name="phone" type="tel" autocomplete="tel"></p>
                  <p><button id="next" type="submit">Next</button></p>
                </form>
                """)));
        site.MapPost("/journeys/apply/2", (HttpContext c) => Results.Redirect(Session(c) is null ? "/journeys/sign-in" : "/journeys/apply/3"));
        site.MapGet("/journeys/apply/3", (HttpContext c) => Session(c) is not { } token
            ? Results.Redirect("/journeys/sign-in")
            : Html(Page("Application, step 3 of 3", $"<p>Thank you, {WebUtility.HtmlEncode(journeySessions[token])}. Your application has been received.</p><p><a href=\"/journeys/account\">Back to your account</a></p>")));

        // Behind a gateway that wants X-Journey-Key: the page shows an image of another origin (the HTTPS port) and one
        // of its own that redirects there, so a header that went to the other origin would be seen.
        site.MapGet("/journeys/gateway", (HttpContext c) => c.Request.Headers["X-Journey-Key"] != JourneyKey
            ? Results.Content(Page("Forbidden", "<p>The gateway wants its key.</p>"), "text/html; charset=utf-8", Encoding.UTF8, 403)
            : Html(Page("Behind the gateway", $"""
                <p>{Text}</p>
                <p><img src="https://127.0.0.1:{HttpsPort}/journeys/third-party.png" alt="A picture from another site" width="10" height="10"></p>
                <p><img src="/journeys/bounce.png" alt="A picture that moved" width="10" height="10"></p>
                """)));
        site.MapGet("/journeys/bounce.png", () => Results.Redirect($"https://127.0.0.1:{HttpsPort}/journeys/bounced.png"));
        site.MapGet("/journeys/third-party.png", () => Results.Bytes(Blob.AsSpan(0, 100).ToArray(), "image/png"));
        site.MapGet("/journeys/bounced.png", () => Results.Bytes(Blob.AsSpan(0, 100).ToArray(), "image/png"));
    }

    /// <summary>Set by the cancellation test: completed when a page in flight asks for its never-ending image.</summary>
    public TaskCompletionSource InFlight { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ResetInFlight() => InFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Issue 13, points 3, 4 and 7 (partial results, findings of the right document, truncation): pages whose odd
    // elements, slow parts or client-side navigations once cost the whole page or put findings under the wrong URL.
    private void MapPartialPages(WebApplication site)
    {
        var canary = Canary.Port;
        site.MapGet("/partial/svg-link", () => Html(Page("Link inside SVG", $"<p>{Text}</p><svg width=\"20\" height=\"20\" role=\"img\" aria-label=\"Icon\"><a href=\"/missing\"><text x=\"0\" y=\"15\">x</text></a></svg>")));
        site.MapGet("/partial/many-links", () => Html(Page("Many links", $"<p>{Text}</p><ul>{string.Concat(Enumerable.Range(0, HostileDom.ManyLinks).Select(i => string.Create(CultureInfo.InvariantCulture, $"<li><a href=\"#item-{i}\">Item {i}</a></li>")))}</ul>")));
        site.MapGet("/partial/shadow-link", () => Html(Page("Link in a shadow root", $"<p>{Text}</p><div id=\"host\"></div>", head: "<script src=\"/partial/shadow.js\" defer></script>")));
        site.MapGet("/partial/shadow.js", () => Results.Text("document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p><a href=\"/missing-in-shadow\">A broken link in a shadow root</a></p>';", "text/javascript"));
        // A style sheet over the response cap: Chromium reads a style sheet whole, and the parser does not wait for it.
        site.MapGet("/partial/oversized-style", () => Html(Page("Oversized style sheet", $"<p>{Text}</p><img src=\"/img/photo.png\" width=\"10\" height=\"10\">", head: "<link rel=\"stylesheet\" href=\"/partial/big.css\">")));
        site.MapGet("/partial/big.css", () => Results.Text("/*" + new string('x', 3_000_000) + "*/", "text/css"));
        site.MapGet("/partial/in-flight", () => Html(Page("In flight", $"<p>{Text}</p><img src=\"/partial/never-image\" alt=\"\" width=\"4\" height=\"4\">")));
        site.MapGet("/partial/never-image", async (HttpContext c) =>
        {
            InFlight.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, c.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The scan was cancelled and the browser went away.
            }
        });

        // Client-side navigations: an instant meta refresh and a script navigation to the canary (the guard refuses
        // both), and a meta refresh to a page of the site.
        site.MapGet("/partial/meta-refresh-blocked", () => Html(Page("Meta refresh to a refused host", $"<p>{Text}</p>", head: $"<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:{canary}/meta\">")));
        site.MapGet("/partial/script-navigation-blocked", () => Html(Page("Script navigation to a refused host", $"<p>{Text}</p>", head: "<script src=\"/partial/navigate.js\"></script>")));
        site.MapGet("/partial/navigate.js", () => Results.Text($"location.href = 'https://127.0.0.1:{canary}/script';", "text/javascript"));
        site.MapGet("/partial/meta-refresh-ok", () => Html(Page("Meta refresh within the site", $"<p>{Text}</p>", head: "<meta http-equiv=\"refresh\" content=\"0; url=/from-sitemap\">")));

        site.MapGet("/fuzz/{number:int}", (int number) => Html(HostileDom.Html(number)));
        site.MapGet("/fuzz/{number:int}.js", (int number) => Results.Text(HostileDom.Script(number), "text/javascript"));
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    /// <summary>A page that passes every check unless told otherwise.</summary>
    public static string Page(string title, string body, string? lang = "en", bool description = true, string? viewport = "width=device-width, initial-scale=1", string head = "")
    {
        var html = new StringBuilder("<!doctype html>\n");
        html.Append(lang is null ? "<html>" : $"<html lang=\"{lang}\">");
        html.Append("<head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{title}</title>");
        if (viewport is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<meta name=\"viewport\" content=\"{viewport}\">");
        }

        if (description)
        {
            html.Append("<meta name=\"description\" content=\"A page of the scanner's fixture site.\">");
        }

        html.Append(head).Append("</head><body><main><h1>").Append(string.IsNullOrEmpty(title) ? "Untitled" : title).Append("</h1>");
        html.Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    private static X509Certificate2 Certificate(TimeSpan validity)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now + validity);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
