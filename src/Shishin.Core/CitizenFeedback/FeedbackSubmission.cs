namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// A submission as it arrived (JSON API, widget or plain form), before validation. Null means "not given"; the caller
/// reports values of the wrong type itself (<see cref="FeedbackFieldError"/> with <see cref="FeedbackProblem.WrongType"/>)
/// and leaves the field null.
/// </summary>
public sealed record FeedbackSubmission(
    int? Rating,
    string? TaskCompleted,
    IReadOnlyList<string>? Reasons,
    string? Comment,
    string? Language,
    string? PagePath);

/// <summary>What is wrong with one field; the web layer turns it into a localised message.</summary>
public enum FeedbackProblem
{
    Required,
    WrongType,
    OutOfRange,
    UnknownValue,
    Duplicate,
    TooMany,
    TooLong,
    NotAPath,
}

/// <summary>One bad field, named as in the JSON API (<c>rating</c>, <c>reasons</c> …).</summary>
public sealed record FeedbackFieldError(string Field, FeedbackProblem Problem);

/// <summary>A valid submission, its comment and page path already redacted: safe to queue, store and log.</summary>
public sealed record ValidFeedback(
    int Rating,
    FeedbackTaskCompletion TaskCompleted,
    string Reasons,
    string? Comment,
    string Language,
    string? PagePath);
