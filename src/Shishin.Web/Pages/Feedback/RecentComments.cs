using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Feedback;

/// <summary>
/// Comments seen lately, per client and service, as hashes only (the text is not kept): the same text sent again within
/// <see cref="FeedbackOptions.DuplicateWindow"/> is answered as accepted but stored once, so a double click or a script
/// repeating itself does not flood the inbox. Bounded: past the cap, expired entries are swept and, if still full, the
/// check is skipped rather than memory growing.
/// </summary>
public sealed class RecentComments(IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private const int Cap = 100_000;
    private readonly ConcurrentDictionary<string, long> seen = new(StringComparer.Ordinal);

    /// <summary>True when this is the first time within the window (and remembers it); false for a repeat.</summary>
    public bool TryRemember(string client, Guid serviceId, string comment)
    {
        var window = options.Value.DuplicateWindow;
        if (window <= TimeSpan.Zero)
        {
            return true;
        }

        var key = Key(client, serviceId, comment);
        var now = clock.GetTimestamp();
        var until = now + (long)(window.TotalSeconds * clock.TimestampFrequency);
        if (seen.Count >= Cap)
        {
            Sweep(now);
            if (seen.Count >= Cap)
            {
                return true;
            }
        }

        while (true)
        {
            if (seen.TryAdd(key, until))
            {
                return true;
            }

            if (!seen.TryGetValue(key, out var expires))
            {
                continue;
            }

            if (expires > now)
            {
                return false;
            }

            if (seen.TryUpdate(key, until, expires))
            {
                return true;
            }
        }
    }

    /// <summary>Forgets a comment whose submission was not stored after all (its batch failed), so the person can send it again.</summary>
    public void Forget(string client, Guid serviceId, string comment) => seen.TryRemove(Key(client, serviceId, comment), out _);

    private void Sweep(long now)
    {
        foreach (var (key, expires) in seen)
        {
            if (expires <= now)
            {
                seen.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string client, Guid serviceId, string comment) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(client + "\n" + serviceId.ToString("N") + "\n" + comment)));
}
