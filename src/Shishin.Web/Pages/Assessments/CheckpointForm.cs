using Shishin.Core.Assessments;

namespace Shishin.Web.Pages.Assessments;

/// <summary>One checkpoint's form of the self-assessment, as posted. Checked by <see cref="AssessmentService"/>, not here.</summary>
public sealed class CheckpointForm
{
    public string? Outcome { get; set; }
    public string? NotApplicableReason { get; set; }
    public string? Evidence { get; set; }
    public string? Links { get; set; }
    public string? Note { get; set; }
    public string? OverrideReason { get; set; }

    /// <summary>The checkpoint result's revision the form was loaded with.</summary>
    public int Revision { get; set; }

    public CheckpointOutcome? ParsedOutcome => Enum.TryParse<CheckpointOutcome>(Outcome, ignoreCase: false, out var o) && Enum.IsDefined(o) ? o : null;

    public static CheckpointForm From(CheckpointResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new()
        {
            Outcome = result.Outcome?.ToString(),
            NotApplicableReason = result.NotApplicableReason,
            Evidence = result.Evidence,
            Links = result.EvidenceLinks,
            Note = result.AssessorNote,
            OverrideReason = result.OverrideReason,
            Revision = result.Revision,
        };
    }
}
