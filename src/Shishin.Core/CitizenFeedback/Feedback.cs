using Shishin.Core.Auditing;

namespace Shishin.Core.CitizenFeedback;

/// <summary>Whether the person could do what they came to do (the A-11 style task question).</summary>
public enum FeedbackTaskCompletion
{
    Yes,
    Partly,
    No,
}

/// <summary>Where a submission came in.</summary>
public enum FeedbackSource
{
    /// <summary>The JSON API, called by a service's own page or app.</summary>
    Api,

    /// <summary>The embeddable widget (<c>widget.js</c>).</summary>
    Widget,

    /// <summary>The plain HTML form, without JavaScript.</summary>
    Form,
}

/// <summary>Where the service team stands with a submission.</summary>
public enum FeedbackStatus
{
    New,
    InProgress,
    Answered,
    WontFix,
}

/// <summary>
/// One citizen's submission about one service (都民の声). The comment is stored only after personal data was redacted;
/// the raw text never reaches the database. Submissions arrive in bulk through the group-commit writer, so rows are
/// measurement data, not audited one by one; staff triage is audited as the human action it is.
/// </summary>
[MeasurementData]
public class Feedback
{
    public const int MaxCommentLength = 2000;
    public const int MaxPagePathLength = 512;
    public const int MaxTagsLength = 256;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }

    /// <summary>When the submission was accepted (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Rating { get; set; }

    public FeedbackTaskCompletion TaskCompleted { get; set; }

    /// <summary>Codes of <see cref="FeedbackReasons"/>, space-separated, in the order given.</summary>
    public string Reasons { get; set; } = "";

    /// <summary>The comment with personal data replaced by typed placeholders; null when none was given.</summary>
    public string? Comment { get; set; }

    /// <summary>"ja" or "en": the language the person used.</summary>
    public string Language { get; set; } = "ja";

    /// <summary>The path of the page the feedback is about, without query or fragment; null when unknown.</summary>
    public string? PagePath { get; set; }

    public FeedbackSource Source { get; set; }

    public FeedbackStatus Status { get; set; } = FeedbackStatus.New;

    /// <summary>Staff tags, lower-case, space-separated.</summary>
    public string Tags { get; set; } = "";

    /// <summary>The action item opened to answer this feedback, if any.</summary>
    public Guid? ActionItemId { get; set; }

    public DateTime? TriagedAt { get; set; }
    public string? TriagedById { get; set; }

    public int Revision { get; set; }
}

/// <summary>
/// One service's feedback on one Tokyo calendar day, summed from its submissions: what trends, the summary API and the
/// QOS dashboard read. Kept for ever.
/// </summary>
[MeasurementData]
public class FeedbackDailyAggregate
{
    public Guid ServiceId { get; set; }
    public DateOnly Day { get; set; }

    public int Count { get; set; }

    /// <summary>The sum of ratings, so means over any range are exact.</summary>
    public int RatingSum { get; set; }

    public int Rating1 { get; set; }
    public int Rating2 { get; set; }
    public int Rating3 { get; set; }
    public int Rating4 { get; set; }
    public int Rating5 { get; set; }

    /// <summary>Task completed: yes / partly / no.</summary>
    public int Completed { get; set; }
    public int PartlyCompleted { get; set; }
    public int NotCompleted { get; set; }

    /// <summary>Submissions rated 4 or 5: CSAT is <c>Satisfied / Count</c>.</summary>
    public int Satisfied => Rating4 + Rating5;
}

/// <summary>
/// "You said, we did" (#7, #8): an improvement the service team made in answer to a theme of feedback, published on the
/// service's public page once <see cref="PublishedAt"/> is set.
/// </summary>
public class FeedbackImprovement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }

    public required string YouSaidJa { get; set; }
    public string? YouSaidEn { get; set; }
    public required string WeDidJa { get; set; }
    public string? WeDidEn { get; set; }

    /// <summary>The feedback themes it answers: reason codes and tags, space-separated.</summary>
    public string Themes { get; set; } = "";

    /// <summary>The day the change took effect (Tokyo calendar).</summary>
    public DateOnly? ImprovedOn { get; set; }

    /// <summary>Null while a draft; set when published.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }

    public int Revision { get; set; }
}

/// <summary>A service's feedback settings: whether it takes feedback, and the origins allowed besides its entry URLs'.</summary>
public class ServiceFeedbackSettings
{
    public Guid ServiceId { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Further origins (scheme://host[:port]) allowed to call the API from a browser, one per line.</summary>
    public string ExtraOrigins { get; set; } = "";

    public int Revision { get; set; }
}
