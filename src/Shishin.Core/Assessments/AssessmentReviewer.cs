namespace Shishin.Core.Assessments;

/// <summary>A member of an assessment's panel; exactly one member leads and sets the overall result.</summary>
public class AssessmentReviewer
{
    public Guid AssessmentId { get; set; }
    public Guid UserId { get; set; }
    public bool IsLead { get; set; }
}
