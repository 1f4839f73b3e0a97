using System.Collections.Concurrent;
using Shishin.Scanning.Safety;

namespace Shishin.Scanning.Engine;

/// <summary>Every request the SSRF guard refused in a scan, from the browser's proxy and from the scanner's own client.</summary>
internal sealed class BlockedLog
{
    private readonly ConcurrentQueue<BlockedRequest> entries = new();

    public IReadOnlyList<BlockedRequest> All => [.. entries];

    public void Add(BlockedRequest entry) => entries.Enqueue(entry);

    /// <summary>
    /// The refusals since <paramref name="since"/> of any of <paramref name="urls"/>: the proxy names a plain HTTP
    /// request by its URL and a tunnel (HTTPS, WebSocket) by <c>host:port</c>.
    /// </summary>
    public List<BlockedRequest> For(IEnumerable<string> urls, DateTimeOffset since)
    {
        var targets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var url in urls)
        {
            targets.Add(url);
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                targets.Add(uri.AbsoluteUri);
                targets.Add($"{uri.Host}:{uri.Port}");
                targets.Add($"{uri.IdnHost}:{uri.Port}");
            }
        }

        return entries.Where(e => e.At >= since && targets.Contains(e.Target)).ToList();
    }
}
