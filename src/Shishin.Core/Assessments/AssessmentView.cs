using Shishin.Core.Catalog;
using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

/// <summary>What one viewer may do with one assessment as it stands (the pages show only these forms).</summary>
public sealed record AssessmentPermissions(
    bool CanSelfAssess,
    bool CanSubmit,
    bool CanReview,
    bool IsPanelMember,
    bool IsLead,
    bool CanRespond,
    bool CanEdit)
{
    /// <summary>Rate checkpoints and comment: a panel member, or an Admin.</summary>
    public bool CanRate => IsPanelMember || (CanReview && CanEdit);

    /// <summary>Set the overall result and publish: the lead, or an Admin.</summary>
    public bool CanLead => IsLead || (CanReview && CanEdit);
}

/// <summary>An assessment with its service, pinned catalogue version and checkpoints in catalogue order, for one viewer.</summary>
public sealed record AssessmentView(
    Assessment Assessment,
    Service Service,
    CatalogSnapshot Catalog,
    IReadOnlyList<CheckpointGroup> Groups,
    AssessmentPermissions May,
    IReadOnlyDictionary<Guid, string> PeopleNames)
{
    public CheckpointResult? Result(string checkpointId) =>
        Assessment.Results.Find(r => string.Equals(r.CheckpointId, checkpointId, StringComparison.OrdinalIgnoreCase));

    public int Answered => Assessment.Results.Count(r => r.Outcome is not null);

    public int Rated => Assessment.Results.Count(r => r.Rag is not null);

    public int Total => Assessment.Results.Count;

    /// <summary>Checkpoints without an outcome, in page order.</summary>
    public IReadOnlyList<string> Unanswered =>
        [.. Groups.SelectMany(g => g.Checkpoints).Where(c => Result(c.Id)?.Outcome is null).Select(c => c.Id)];

    /// <summary>Checkpoints without a rating, in page order.</summary>
    public IReadOnlyList<string> Unrated =>
        [.. Groups.SelectMany(g => g.Checkpoints).Where(c => Result(c.Id)?.Rag is null).Select(c => c.Id)];

    public string NameOf(Guid? userId) => userId is { } id && PeopleNames.TryGetValue(id, out var name) ? name : "";
}

/// <summary>A user who may sit on a panel.</summary>
public sealed record ReviewerOption(Guid Id, string Name, string Email);

/// <summary>The team's answer for one checkpoint, as typed (validated by <see cref="AssessmentService"/>).</summary>
public sealed record CheckpointAnswer(CheckpointOutcome? Outcome, string? NotApplicableReason, string? Evidence, string? Links, string? Note, string? OverrideReason = null);

/// <summary>The panel's overall result.</summary>
public sealed record OverallRating(Rag? Rag, string? DoneWell, string? ToImprove);
