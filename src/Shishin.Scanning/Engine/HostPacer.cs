namespace Shishin.Scanning.Engine;

/// <summary>
/// Spaces the starts of a host's pages by its delay (the scan's, or robots.txt's Crawl-delay), measured when each page
/// really begins. The crawl loop already dispatches pages that far apart, but on a busy machine a dispatched page can
/// begin late while the next one begins on time; this gate makes the later one wait for the actual start of the first.
/// </summary>
internal sealed class HostPacer(IReadOnlyDictionary<string, TimeSpan> delays, TimeSpan defaultDelay, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> lastStart = new(StringComparer.Ordinal);

    public async Task WaitTurnAsync(string host, CancellationToken cancellationToken)
    {
        var delay = delays.TryGetValue(host, out var d) ? d : defaultDelay;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (lastStart)
            {
                var now = time.GetUtcNow();
                var allowed = lastStart.TryGetValue(host, out var last) ? last + delay : now;
                if (now >= allowed)
                {
                    lastStart[host] = now;
                    return;
                }

                wait = allowed - now;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
