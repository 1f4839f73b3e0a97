using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Feedback;

/// <summary>
/// One submission seen lately, under the id it is (being) stored with. <see cref="Stored"/> completes once its write is
/// settled: true when committed, false when it was not stored (queue full, batch failed).
/// </summary>
public sealed class SubmissionClaim
{
    private readonly TaskCompletionSource<bool> stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SubmissionClaim(string key, Guid id, long expires)
    {
        Key = key;
        Id = id;
        Expires = expires;
    }

    public Guid Id { get; }

    public Task<bool> Stored => stored.Task;

    internal string Key { get; }

    internal long Expires { get; }

    internal void Settle(bool committed) => stored.TrySetResult(committed);
}

/// <summary>
/// Submissions with a comment seen lately, per client and service, keyed by a hash of the whole submission (rating, task
/// completion, reasons, the redacted comment, language, page path; the text itself is not kept). The same submission
/// sent again within <see cref="FeedbackOptions.DuplicateWindow"/> is stored once and answered with the id of the one
/// stored, after that one is committed, so a 202 and its id always name a row in the database; a double click or a
/// script repeating itself does not flood the inbox. Anything that differs (another rating, another reason) is a
/// different submission: two people behind one address who write the same short comment are both kept. Bounded: past
/// the cap, expired entries are swept and, if still full, the check is skipped rather than memory growing.
/// </summary>
public sealed class RecentSubmissions(IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private const int Cap = 100_000;
    private readonly ConcurrentDictionary<string, SubmissionClaim> seen = new(StringComparer.Ordinal);

    /// <summary>
    /// Claims <paramref name="submission"/> for the id <paramref name="id"/> and returns that claim, which the caller
    /// settles with <see cref="Settle"/> once its write is done; or, for a repeat, returns the claim of the same
    /// submission sent earlier (its <see cref="SubmissionClaim.Id"/> differs from <paramref name="id"/>), which the caller
    /// awaits instead of writing.
    /// </summary>
    public SubmissionClaim Claim(string client, Guid serviceId, ValidFeedback submission, Guid id)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var window = options.Value.DuplicateWindow;
        var now = clock.GetTimestamp();
        var mine = new SubmissionClaim(window > TimeSpan.Zero ? Key(client, serviceId, submission) : "", id,
            now + (long)(window.TotalSeconds * clock.TimestampFrequency));
        if (window <= TimeSpan.Zero)
        {
            return mine;
        }

        if (seen.Count >= Cap)
        {
            Sweep(now);
            if (seen.Count >= Cap)
            {
                return mine;
            }
        }

        while (true)
        {
            if (seen.TryAdd(mine.Key, mine))
            {
                return mine;
            }

            if (!seen.TryGetValue(mine.Key, out var earlier))
            {
                continue;
            }

            if (earlier.Expires > now)
            {
                return earlier;
            }

            if (seen.TryUpdate(mine.Key, mine, earlier))
            {
                return mine;
            }
        }
    }

    /// <summary>
    /// Settles the caller's own claim. One not stored after all is forgotten first, so a repeat waiting on it (and the
    /// person sending it again) writes it itself instead of being answered with an id that names no row.
    /// </summary>
    public void Settle(SubmissionClaim claim, bool committed)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!committed)
        {
            // Only this very claim: a newer one for the same key (after expiry) stays.
            seen.TryRemove(new KeyValuePair<string, SubmissionClaim>(claim.Key, claim));
        }

        claim.Settle(committed);
    }

    private void Sweep(long now)
    {
        foreach (var (key, claim) in seen)
        {
            if (claim.Expires <= now)
            {
                seen.TryRemove(new KeyValuePair<string, SubmissionClaim>(key, claim));
            }
        }
    }

    /// <summary>Each field length-prefixed (null as -1), so no two different submissions make the same text to hash.</summary>
    private static string Key(string client, Guid serviceId, ValidFeedback s)
    {
        var text = new StringBuilder(256);
        void Add(string? value) => text.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        Add(client);
        Add(serviceId.ToString("N"));
        Add(s.Rating.ToString(CultureInfo.InvariantCulture));
        Add(s.TaskCompleted.ToString());
        Add(s.Reasons);
        Add(s.Comment);
        Add(s.Language);
        Add(s.PagePath);
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
