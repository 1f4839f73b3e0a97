namespace Shishin.Core.Assessments;

/// <summary>
/// Why an assessment operation was refused. Pages and the API map these to localised messages and status codes
/// (<see cref="NotFound"/> 404, <see cref="Forbidden"/> 403, <see cref="Conflict"/> 409, the rest 400 or the form again);
/// a forbidden transition is an answer, never an exception.
/// </summary>
public enum AssessmentError
{
    /// <summary>No such assessment or service, or the viewer may not see the service (its existence must not leak).</summary>
    NotFound,

    /// <summary>The viewer sees the service but may not do this.</summary>
    Forbidden,

    /// <summary>Someone else saved in the meantime; <see cref="AssessmentFailure.Current"/> holds what is stored now.</summary>
    Conflict,

    /// <summary>The assessment is not in the state this step needs (e.g. saving a result of a submitted assessment).</summary>
    WrongStatus,

    ServiceRetired,
    NoPublishedCatalog,
    NoCheckpointsForPhase,

    /// <summary>An assessment of the service in this phase is still open; <see cref="AssessmentFailure.Items"/> holds its id.</summary>
    AlreadyOpen,

    UnknownCheckpoint,
    ReasonRequired,

    /// <summary>The outcome differs from the one the latest scan suggests, and no reason was given.</summary>
    OverrideReasonRequired,
    InvalidLink,
    TooManyLinks,
    TooLong,

    /// <summary>Checkpoints without an outcome; <see cref="AssessmentFailure.Items"/> lists their ids.</summary>
    Unanswered,

    /// <summary>The panel needs at least one member, each a Reviewer, and exactly one lead among them.</summary>
    PanelInvalid,

    /// <summary>Checkpoints without a RAG rating; <see cref="AssessmentFailure.Items"/> lists their ids.</summary>
    Unrated,

    OverallRatingRequired,

    /// <summary>Only a published Red assessment is followed by a reassessment.</summary>
    NotRed,

    ResponseWindowClosed,
    AlreadyResponded,
    ChallengeReasonRequired,
}

/// <summary>A refused operation: the reason, the items it concerns (checkpoint ids, an id) and the field it belongs to.</summary>
public sealed record AssessmentFailure(AssessmentError Error, IReadOnlyList<string> Items, string? Field = null)
{
    /// <summary>For <see cref="AssessmentError.Conflict"/> on a checkpoint: the result as it is stored now.</summary>
    public CheckpointResult? Current { get; init; }
}

/// <summary>The result of an assessment operation: a value or a failure.</summary>
public sealed class AssessmentResult<T>
{
    private AssessmentResult(T? value, AssessmentFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public AssessmentFailure? Failure { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Factory methods read best on the type itself.")]
    public static AssessmentResult<T> Ok(T value) => new(value, null);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Factory methods read best on the type itself.")]
    public static AssessmentResult<T> Fail(AssessmentFailure failure) => new(default, failure);

    public static implicit operator AssessmentResult<T>(AssessmentFailure failure) => Fail(failure);
}
