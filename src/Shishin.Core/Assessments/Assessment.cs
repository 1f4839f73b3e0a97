using Shishin.Core.Catalog;
using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

public enum AssessmentStatus
{
    Draft,
    Submitted,
    InReview,
    Published,
}

/// <summary>Red, amber, green: the panel's rating of a checkpoint and of the whole assessment.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}

public enum TeamResponse
{
    None,
    Accepted,
    Challenged,
}

/// <summary>
/// A service assessed in one phase against one published catalogue version (pinned at the start, so later versions
/// never change what was assessed). Draft → Submitted → In review → Published; a Red result is followed by a
/// reassessment of the red checkpoints only (<see cref="ReassessmentOfId"/>).
/// </summary>
public class Assessment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public LifecyclePhase Phase { get; set; }
    public Guid CatalogVersionId { get; set; }
    public CatalogVersion? CatalogVersion { get; set; }
    public AssessmentStatus Status { get; set; }

    /// <summary>The assessment whose red checkpoints this one reassesses.</summary>
    public Guid? ReassessmentOfId { get; set; }

    public Rag? Rag { get; set; }
    public string DoneWell { get; set; } = "";
    public string ToImprove { get; set; } = "";

    public List<CheckpointResult> Results { get; set; } = [];
    public List<AssessmentReviewer> Reviewers { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public Guid? SubmittedById { get; set; }
    public DateTime? ReviewStartedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public Guid? PublishedById { get; set; }

    /// <summary>The team's answer to the published report, due by <see cref="ResponseDueOn"/> (10 working days).</summary>
    public TeamResponse TeamResponse { get; set; }
    public string TeamResponseReason { get; set; } = "";
    public DateTime? TeamRespondedAt { get; set; }
    public DateOnly? ResponseDueOn { get; set; }

    /// <summary>Raised on every change of the assessment itself (status, summary, panel).</summary>
    public int Revision { get; set; }
}
