using System.ComponentModel.DataAnnotations;

namespace Shishin.Core.CitizenFeedback;

/// <summary>The <c>Feedback</c> configuration section: the intake's queue, limits and abuse measures (docs/feedback.md).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    public FeedbackQueueOptions Queue { get; set; } = new();

    public FeedbackRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>An identical comment from the same client to the same service within this time is answered but stored once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a service's key, visibility, feedback setting and origins are kept in memory, so the hot path reads no
    /// database. A change made on another node shows after at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ServiceCacheTime { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class FeedbackQueueOptions
{
    /// <summary>Submissions waiting for the writer; past it, 503 with Retry-After at once.</summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = 10_000;

    /// <summary>The most submissions committed in one transaction (one multi-row INSERT: 10 parameters a row).</summary>
    [Range(1, 2000)]
    public int BatchLimit { get; set; } = 1000;

    /// <summary>What Retry-After says when the queue is full or a batch failed.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}

/// <summary>A token bucket per client address (ADR 0011's client key): a burst, then a steady rate.</summary>
public sealed class FeedbackRateLimitOptions
{
    /// <summary>False for load tests and behind a gateway that limits already.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The burst: submissions a client may send at once.</summary>
    [Range(1, 100_000)]
    public int TokenLimit { get; set; } = 20;

    /// <summary>Tokens added every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 100_000)]
    public int TokensPerPeriod { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(3);
}
