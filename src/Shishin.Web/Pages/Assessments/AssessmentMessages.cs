using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Web.Pages.Services;

namespace Shishin.Web.Pages.Assessments;

/// <summary>The reader's words for each refused step of the workflow (the codes of <see cref="AssessmentError"/>).</summary>
public static class AssessmentMessages
{
    public static string For(IStringLocalizer<SharedResource> l, AssessmentFailure failure, AssessmentStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(failure);
        var items = string.Join(", ", failure.Items);
        return failure.Error switch
        {
            AssessmentError.NotFound => l["The assessment was not found."],
            AssessmentError.Forbidden => l["You may not do this with this assessment."],
            AssessmentError.Conflict => l["Someone else changed this in the meantime. Your input is kept below; check what changed, then save again to apply it."],
            AssessmentError.WrongStatus => status is { } s
                ? l["The assessment is {0}; this step is not possible now.", new ServiceLabels(l).Status(s)]
                : l["This step is not possible in the assessment's current state."],
            AssessmentError.ServiceRetired => l["The service is retired and is no longer assessed."],
            AssessmentError.NoPublishedCatalog => l["There is no published catalogue to assess against."],
            AssessmentError.NoCheckpointsForPhase => l["No checkpoint of the catalogue applies in this phase."],
            AssessmentError.AlreadyOpen => l["An assessment of this service in this phase is still open; continue it instead."],
            AssessmentError.UnknownCheckpoint => l["The checkpoint {0} is not part of this assessment.", items],
            AssessmentError.ReasonRequired => l["Give the reason why the checkpoint does not apply."],
            AssessmentError.OverrideReasonRequired => l["The outcome differs from the one the latest scan suggests: give the reason."],
            AssessmentError.InvalidLink => l["Write each link as a full http or https address on a line of its own: {0}", items],
            AssessmentError.TooManyLinks => l["Give at most {0} links.", AssessmentService.MaxLinks],
            AssessmentError.TooLong => l["Use at most {0} characters.", items],
            AssessmentError.Unanswered => l["Answer every checkpoint before submitting. Not answered yet: {0}", items],
            AssessmentError.PanelInvalid => l["Choose one or more reviewers for the panel and exactly one of them as lead."],
            AssessmentError.Unrated => l["Rate every checkpoint before publishing. Not rated yet: {0}", items],
            AssessmentError.OverallRatingRequired => l["Set the overall rating before publishing."],
            AssessmentError.NotRed => l["Only a published assessment rated Red is followed by a reassessment."],
            AssessmentError.ResponseWindowClosed => l["The time to respond ended on {0}.", items],
            AssessmentError.AlreadyResponded => l["The team has already responded to this report."],
            _ => l["Give the reason for the challenge, so the panel can look at it again."],
        };
    }
}
