namespace Shishin.Core.Assessments;

public enum CheckpointOutcome
{
    Met,
    PartlyMet,
    NotMet,
    NotApplicable,
}

/// <summary>
/// The answer for one checkpoint of an assessment: the team's outcome, evidence and note, then the panel's comment and
/// RAG. Saved on its own (save as you go), with its own revision for optimistic concurrency.
/// </summary>
public class CheckpointResult
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssessmentId { get; set; }

    /// <summary>The checkpoint id in the pinned catalogue version, e.g. <c>P3-01</c>.</summary>
    public required string CheckpointId { get; set; }

    public CheckpointOutcome? Outcome { get; set; }

    /// <summary>Required when the outcome is Not applicable.</summary>
    public string NotApplicableReason { get; set; } = "";

    public string Evidence { get; set; } = "";

    /// <summary>Absolute http(s) URLs, one per line.</summary>
    public string EvidenceLinks { get; set; } = "";

    public string AssessorNote { get; set; } = "";

    /// <summary>The outcome the latest scan suggested when the answer was saved (check types A and S), if it suggested one.</summary>
    public CheckpointOutcome? SuggestedOutcome { get; set; }

    /// <summary>The scan run the suggestion came from.</summary>
    public Guid? SuggestionRunId { get; set; }

    /// <summary>Whether the saved outcome follows the suggestion or overrides it; null without a suggestion.</summary>
    public SuggestionDecision? SuggestionDecision { get; set; }

    /// <summary>Why the team overrode the scan's suggestion (required for an override; counted for guideline owners).</summary>
    public string OverrideReason { get; set; } = "";
    public string PanelComment { get; set; } = "";
    public Rag? Rag { get; set; }

    public DateTime? UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public string UpdatedByName { get; set; } = "";
    public int Revision { get; set; }
}
