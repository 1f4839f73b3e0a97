using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Shishin.Scanning.Checks;
using Shishin.Scanning.Crawling;
using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Engine;

/// <summary>
/// What the scanner learns once per origin: robots.txt, the sitemaps, security.txt and whether plain HTTP redirects
/// to HTTPS. Each is fetched at most once per scan, however many pages ask.
/// </summary>
internal sealed class SiteDirectory(GuardedHttp http, TimeProvider? time = null)
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public const string RobotsProductToken = "Shishin";

    private const int MaxRobotsBytes = 512 * 1024;
    private const int MaxSitemapBytes = 50 * 1024 * 1024;
    private const int MaxSitemapFiles = 20;

    private static readonly RobotsTxt DisallowAll = RobotsTxt.Parse("User-agent: *\nDisallow: /\n", RobotsProductToken, new Uri("http://localhost/"));

    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> robots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> originChecksDone = new(StringComparer.Ordinal);

    public static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>The robots.txt of the URL's origin, as RFC 9309 says to treat a missing (allow all) or unreachable (disallow all) one.</summary>
    public Task<RobotsTxt> RobotsAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = Origin(url);
        return robots.GetOrAdd(origin, key => new Lazy<Task<RobotsTxt>>(() => FetchRobotsAsync(new Uri(key + "/robots.txt"), cancellationToken))).Value;
    }

    private async Task<RobotsTxt> FetchRobotsAsync(Uri url, CancellationToken cancellationToken)
    {
        var result = await http.FetchAsync(url, HttpMethod.Get, MaxRobotsBytes, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            { Status: >= 200 and < 300, Body: { } body } => RobotsTxt.Parse(Encoding.UTF8.GetString(body), RobotsProductToken, url),
            { Status: >= 400 and < 500 } => RobotsTxt.AllowAll,
            // The guard refused robots.txt: the pages of that origin will be refused as well and reported there.
            { Blocked: true } => RobotsTxt.AllowAll,
            _ => DisallowAll,
        };
    }

    /// <summary>
    /// The pages the sitemaps of the given origins list: those named by robots.txt, else /sitemap.xml, following
    /// sitemap indexes; only pages of <paramref name="inScope"/> origins, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<List<Uri>> SitemapPagesAsync(IEnumerable<Uri> origins, Func<Uri, bool> inScope, int limit, CancellationToken cancellationToken)
    {
        var queue = new Queue<Uri>();
        foreach (var origin in origins)
        {
            var robotsTxt = await RobotsAsync(origin, cancellationToken).ConfigureAwait(false);
            var named = robotsTxt.Sitemaps.Where(inScope).ToList();
            foreach (var sitemap in named.Count > 0 ? named : [new Uri(new Uri(Origin(origin)), "/sitemap.xml")])
            {
                queue.Enqueue(sitemap);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = new List<Uri>();
        var files = 0;
        while (queue.Count > 0 && files < MaxSitemapFiles && pages.Count < limit)
        {
            var sitemap = queue.Dequeue();
            if (!seen.Add(UrlNormalizer.Key(sitemap)))
            {
                continue;
            }

            files++;
            var result = await http.FetchAsync(sitemap, HttpMethod.Get, MaxSitemapBytes, cancellationToken).ConfigureAwait(false);
            if (result is not { Status: >= 200 and < 300, Body: { } body })
            {
                continue;
            }

            using var stream = new MemoryStream(body);
            var content = SitemapReader.Read(stream, result.FinalUrl);
            pages.AddRange(content.Pages.Where(inScope).Take(limit - pages.Count));
            foreach (var child in content.Sitemaps.Where(inScope))
            {
                queue.Enqueue(child);
            }
        }

        return pages;
    }

    /// <summary>
    /// The once-per-origin findings, for the first page of an origin that asks: security.txt, and for HTTPS on the
    /// default port whether http:// redirects to https://. Later pages of the origin get none.
    /// </summary>
    public async Task<List<Finding>> OriginFindingsAsync(Uri url, Uri page, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        if (!originChecksDone.TryAdd(Origin(url), 0))
        {
            return findings;
        }

        if (await SecurityTxtProblemAsync(url, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            findings.Add(Findings.Create(ScannerRules.SecuritySecurityTxt, page, problem));
        }

        if (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort)
        {
            var plain = new UriBuilder(url) { Scheme = Uri.UriSchemeHttp, Port = 80, Path = "/", Query = "" }.Uri;
            var result = await http.FetchAsync(plain, HttpMethod.Get, 0, cancellationToken).ConfigureAwait(false);
            if (result.Status is { } status && result.FinalUrl.Scheme != Uri.UriSchemeHttps)
            {
                findings.Add(Findings.Create(ScannerRules.SecurityHttps, page, string.Create(CultureInfo.InvariantCulture, $"{plain} answers HTTP {status} instead of redirecting to HTTPS.")));
            }
        }

        return findings;
    }

    /// <summary>What is wrong with the origin's /.well-known/security.txt (RFC 9116), or <see langword="null"/> when it is fine.</summary>
    private async Task<string?> SecurityTxtProblemAsync(Uri url, CancellationToken cancellationToken)
    {
        var location = new Uri(new Uri(Origin(url)), "/.well-known/security.txt");
        var result = await http.FetchAsync(location, HttpMethod.Get, 64 * 1024, cancellationToken).ConfigureAwait(false);
        if (result.Blocked)
        {
            return null;
        }

        if (result is not { Status: >= 200 and < 300, Body: { } body })
        {
            return result.Status is { } status
                ? string.Create(CultureInfo.InvariantCulture, $"{location} answers HTTP {status}.")
                : $"{location} could not be fetched: {result.Failure}";
        }

        return SecurityTxtProblem(location, result.ContentHeaders?.ContentType?.MediaType, Encoding.UTF8.GetString(body), (time ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>Checks the parts of RFC 9116 that matter: plain text, at least one Contact, one Expires in the future.</summary>
    public static string? SecurityTxtProblem(Uri location, string? mediaType, string text, DateTimeOffset now)
    {
        if (!string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return $"{location} is served as {mediaType ?? "no media type"}, not text/plain.";
        }

        var fields = text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .Select(p => (Name: p[0].Trim().ToLowerInvariant(), Value: p[1].Trim()))
            .ToList();
        if (!fields.Any(f => f.Name == "contact"))
        {
            return $"{location} has no Contact field.";
        }

        var expires = fields.Where(f => f.Name == "expires").ToList();
        if (expires.Count != 1)
        {
            return $"{location} must have exactly one Expires field; it has {expires.Count}.";
        }

        if (!DateTimeOffset.TryParse(expires[0].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiry))
        {
            return $"{location} has an Expires field that is not a date: {expires[0].Value}.";
        }

        return expiry < now ? string.Create(CultureInfo.InvariantCulture, $"{location} expired on {expiry:yyyy-MM-dd}.") : null;
    }
}
