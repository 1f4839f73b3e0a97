using Shishin.Scanning.Crawling;

namespace Shishin.Scanning.Engine;

/// <summary>A page waiting to be scanned.</summary>
internal sealed record CrawlItem(Uri Url, int Depth, string Host, bool Retry = false);

/// <summary>
/// The pages still to scan, breadth first, each URL (normalised) at most once; which origins are in scope; and the
/// include/exclude filters. Used from the scan loop only, so it needs no locks.
/// </summary>
internal sealed class CrawlFrontier
{
    private static readonly HashSet<string> NotPageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".zip", ".gz", ".tgz", ".7z", ".rar", ".exe", ".msi", ".dmg", ".iso", ".jpg", ".jpeg", ".png", ".gif",
        ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav",
        ".mov", ".avi", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".csv", ".json",
        ".xml", ".rss", ".atom", ".txt", ".css", ".js", ".woff", ".woff2", ".ttf", ".eot", ".epub",
    };

    private readonly ScanOptions options;
    private readonly List<UrlGlob> include;
    private readonly List<UrlGlob> exclude;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> origins = new(StringComparer.Ordinal);
    private readonly LinkedList<CrawlItem> queue = new();
    private readonly List<SkippedUrl> skipped = [];

    public CrawlFrontier(ScanOptions options)
    {
        this.options = options;
        include = options.Include.Select(g => new UrlGlob(g)).ToList();
        exclude = options.Exclude.Select(g => new UrlGlob(g)).ToList();
        foreach (var start in options.StartUrls)
        {
            origins.Add(SiteDirectory.Origin(start));
        }
    }

    /// <summary>The most URLs kept in <see cref="Skipped"/>, so that a huge site cannot fill memory with them.</summary>
    public const int MaxSkipped = 10_000;

    public IReadOnlyList<SkippedUrl> Skipped => skipped;

    public int Count => queue.Count;

    /// <summary>True for URLs of the start URLs' origins (and origins that start URLs redirected to).</summary>
    public bool InScope(Uri url) => origins.Contains(SiteDirectory.Origin(url));

    /// <summary>A start URL that redirected elsewhere brings the origin it landed on into scope.</summary>
    public void AddOrigin(Uri url) => origins.Add(SiteDirectory.Origin(url));

    /// <summary>Marks a URL as known without queuing it (the final URL of a redirect, so it is not scanned again).</summary>
    public void MarkSeen(Uri url) => seen.Add(UrlNormalizer.Key(url));

    /// <summary>Queues a URL unless it was seen, is out of scope or too deep, or is filtered out; returns whether it was queued.</summary>
    public bool Add(Uri url, int depth, bool isStart = false)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || depth > options.MaxDepth && !isStart)
        {
            return false;
        }

        var normalized = UrlNormalizer.Normalize(url);
        if (!isStart && !InScope(normalized))
        {
            return false;
        }

        if (!seen.Add(normalized.AbsoluteUri))
        {
            return false;
        }

        if (!isStart && NotPageExtensions.Contains(Path.GetExtension(normalized.AbsolutePath)))
        {
            Skip(normalized, SkipReason.NotAPage);
            return false;
        }

        if ((include.Count > 0 && !include.Any(g => g.Matches(normalized))) || exclude.Any(g => g.Matches(normalized)))
        {
            Skip(normalized, SkipReason.Filtered);
            return false;
        }

        queue.AddLast(new CrawlItem(normalized, depth, normalized.Authority));
        return true;
    }

    /// <summary>Puts a page back at the front, once, after the browser crashed under it.</summary>
    public void Retry(CrawlItem item) => queue.AddFirst(item with { Retry = true });

    /// <summary>The first queued page whose host <paramref name="ready"/> accepts, removed from the queue.</summary>
    public CrawlItem? TakeFirst(Func<CrawlItem, bool> ready)
    {
        for (var node = queue.First; node is not null; node = node.Next)
        {
            if (ready(node.Value))
            {
                queue.Remove(node);
                return node.Value;
            }
        }

        return null;
    }

    /// <summary>Every queued page, removed (when the page limit is reached they are reported as skipped).</summary>
    public void SkipRemaining(SkipReason reason)
    {
        foreach (var item in queue)
        {
            Skip(item.Url, reason);
        }

        queue.Clear();
    }

    public void Skip(Uri url, SkipReason reason)
    {
        if (skipped.Count < MaxSkipped)
        {
            skipped.Add(new SkippedUrl(url, reason));
        }
    }
}
