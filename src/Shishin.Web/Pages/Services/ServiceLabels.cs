using Microsoft.Extensions.Localization;
using Shishin.Core.Assessments;
using Shishin.Core.Services;
using Shishin.Web.Pages.Catalog;

namespace Shishin.Web.Pages.Services;

/// <summary>
/// The names of the register's and assessments' codes in the reader's language, in the glossary's words. Every page of
/// services, assessments and action items names them through this class so that one word is used everywhere.
/// </summary>
public sealed class ServiceLabels(IStringLocalizer<SharedResource> l)
{
    public string Phase(ServicePhase phase) =>
        phase.ToLifecyclePhase() is { } lifecycle ? CatalogLabels.Phase(l, lifecycle) : l["Retired"];

    public string Channel(ServiceChannel channel) => channel switch
    {
        ServiceChannel.Web => l["Web"],
        ServiceChannel.Counter => l["In person"],
        ServiceChannel.Phone => l["Phone"],
        _ => l["App"],
    };

    public string Visibility(bool isPublic) => isPublic ? l["Public service"] : l["Internal service"];

    public string Outcome(CheckpointOutcome? outcome) => outcome switch
    {
        CheckpointOutcome.Met => l["Met"],
        CheckpointOutcome.PartlyMet => l["Partly met"],
        CheckpointOutcome.NotMet => l["Not met"],
        CheckpointOutcome.NotApplicable => l["Not applicable"],
        _ => l["Not answered"],
    };

    /// <summary>The rating's word; pages show it with <see cref="RagTag"/>'s shape as well, never by colour alone.</summary>
    public string Rating(Rag? rag) => rag switch
    {
        Rag.Green => l["Green"],
        Rag.Amber => l["Amber"],
        Rag.Red => l["Red"],
        _ => l["Not rated"],
    };

    public static string RagTag(Rag? rag) => rag switch
    {
        Rag.Green => "tag tag--success rag rag--green",
        Rag.Amber => "tag tag--warning rag rag--amber",
        Rag.Red => "tag tag--danger rag rag--red",
        _ => "tag tag--neutral",
    };

    public string Status(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => l["Draft"],
        AssessmentStatus.Submitted => l["Submitted"],
        AssessmentStatus.InReview => l["In review"],
        _ => l["Published"],
    };

    public string ActionStatus(ActionItemStatus status) => status switch
    {
        ActionItemStatus.Open => l["Not started"],
        ActionItemStatus.InProgress => l["In progress"],
        ActionItemStatus.Done => l["Done"],
        _ => l["Won't do"],
    };

    public string Response(TeamResponse response) => response switch
    {
        TeamResponse.Accepted => l["Accepted by the team"],
        TeamResponse.Challenged => l["Challenged"],
        _ => l["No response yet"],
    };

    /// <summary>年度 2025 / FY2025: a fiscal year named by the year it starts (April).</summary>
    public string FiscalYear(int year) => l["FY{0}", year];
}
