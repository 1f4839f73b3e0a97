using System.Text;

namespace Shishin.Scanning.Crawling;

/// <summary>
/// One spelling per page, so no page is scanned twice: lower-case scheme and host, no fragment, no default port,
/// no trailing slash except for the root, and query parameters in a stable order.
/// </summary>
internal static class UrlNormalizer
{
    /// <summary>The normalised form of an absolute http(s) URL.</summary>
    public static Uri Normalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The URL must be absolute.", nameof(url));
        }

        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.IdnHost.ToLowerInvariant().TrimEnd('.'),
            Fragment = "",
            UserName = "",
            Password = "",
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        var path = url.AbsolutePath;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }

        builder.Path = path.Length == 0 ? "/" : path;
        builder.Query = SortedQuery(url.Query);
        return builder.Uri;
    }

    /// <summary>The key two URLs share when they are the same page.</summary>
    public static string Key(Uri url) => Normalize(url).AbsoluteUri;

    private static string SortedQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var pairs = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => (Key: p.Split('=', 2)[0], Pair: p))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Pair, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var (_, pair) in pairs)
        {
            text.Append(text.Length == 0 ? "" : "&").Append(pair);
        }

        return text.ToString();
    }
}
