using Shishin.Core.Assessments;
using Shishin.Core.Catalog;

namespace Shishin.Web.Pages.Assessments;

/// <summary>An assessment in a service's list: its outcome over all checkpoints.</summary>
public sealed record AssessmentListItemDto(
    Guid Id, string Service, string Phase, string Status, string? CatalogVersion, DateTime Date, DateTime? PublishedAt,
    string? Rating, int Met, int PartlyMet, int NotMet, int NotApplicable, int Applicable, Guid? ReassessmentOf);

/// <summary>Met of applicable for a principle (key P1–P10), a theme (UX, DA, SE) or the whole assessment (all).</summary>
public sealed record GroupSummaryDto(string Key, int? Principle, string? Theme, int Met, int PartlyMet, int NotMet, int NotApplicable, int Unanswered, int Applicable, string? Rating);

public sealed record CheckpointResultDto(
    string CheckpointId, string? Outcome, string? NotApplicableReason, string Evidence, IReadOnlyList<string> Links,
    string AssessorNote, string PanelComment, string? Rating, ScanEvidenceDto? ScanEvidence);

/// <summary>What the latest scan suggested when the answer was saved, and whether the team confirmed (confirmed) or overrode it (overridden).</summary>
public sealed record ScanEvidenceDto(string? SuggestedOutcome, Guid? RunId, string Decision, string? OverrideReason)
{
    public static ScanEvidenceDto? From(CheckpointResult result) => result?.SuggestionDecision is { } decision
        ? new(Codes.Outcome(result.SuggestedOutcome), result.SuggestionRunId,
            decision == SuggestionDecision.Overridden ? "overridden" : "confirmed",
            decision == SuggestionDecision.Overridden ? result.OverrideReason : null)
        : null;
}

public sealed record TeamResponseDto(string Response, string Reason, DateTime? RespondedAt, DateOnly? DueOn);

/// <summary>One assessment's report as JSON: codes, never UI words (outcome met | partly-met | not-met | not-applicable; rating green | amber | red).</summary>
public sealed record AssessmentDto(
    Guid Id, string Service, string Phase, string CatalogVersion, string Status, DateTime CreatedAt, DateTime? PublishedAt,
    string? Rating, string DoneWell, string ToImprove, GroupSummaryDto Total, IReadOnlyList<GroupSummaryDto> Summaries,
    IReadOnlyList<CheckpointResultDto> Results, TeamResponseDto TeamResponse, Guid? ReassessmentOf, IReadOnlyList<Guid> ReassessedBy)
{
    public static AssessmentDto From(AssessmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var a = report.Assessment;
        return new(a.Id, report.Service.Key, CatalogCodes.Code(a.Phase), report.CatalogVersion.Version ?? "draft", Codes.Status(a.Status),
            a.CreatedAt, a.PublishedAt, Codes.Rating(a.Rag), a.DoneWell, a.ToImprove,
            Summary(report.Total), [.. report.Summary.Select(Summary)],
            [.. report.Sections.SelectMany(s => s.Items).Select(i => new CheckpointResultDto(
                i.Result.CheckpointId, Codes.Outcome(i.Result.Outcome),
                i.Result.Outcome == CheckpointOutcome.NotApplicable ? i.Result.NotApplicableReason : null,
                i.Result.Evidence, i.Links, i.Result.AssessorNote, i.Result.PanelComment, Codes.Rating(i.Result.Rag), ScanEvidenceDto.From(i.Result)))],
            new TeamResponseDto(Codes.Response(a.TeamResponse), a.TeamResponseReason, a.TeamRespondedAt, a.ResponseDueOn),
            report.ReassessmentOf?.Id, [.. report.ReassessedBy.Select(r => r.Id)]);
    }

    public static GroupSummaryDto Summary(GroupSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Key, s.Principle, s.Theme, s.Met, s.PartlyMet, s.NotMet, s.NotApplicable, s.Unanswered, s.Applicable, Codes.Rating(s.Rag));
    }

    public static AssessmentListItemDto ListItem(string service, AssessmentHistoryEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, service, CatalogCodes.Code(e.Phase), Codes.Status(e.Status), e.CatalogVersion, e.Date, e.PublishedAt,
            Codes.Rating(e.Rag), e.Total.Met, e.Total.PartlyMet, e.Total.NotMet, e.Total.NotApplicable, e.Total.Applicable, e.ReassessmentOfId);
    }
}

/// <summary>The API's codes for the assessment enums: lower-case words with hyphens, stable whatever the UI language.</summary>
public static class Codes
{
    public static string Status(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "draft",
        AssessmentStatus.Submitted => "submitted",
        AssessmentStatus.InReview => "in-review",
        _ => "published",
    };

    public static string? Rating(Rag? rag) => rag?.ToString().ToLowerInvariant();

    public static string? Outcome(CheckpointOutcome? outcome) => outcome switch
    {
        CheckpointOutcome.Met => "met",
        CheckpointOutcome.PartlyMet => "partly-met",
        CheckpointOutcome.NotMet => "not-met",
        CheckpointOutcome.NotApplicable => "not-applicable",
        _ => null,
    };

    public static string Response(TeamResponse response) => response switch
    {
        TeamResponse.Accepted => "accepted",
        TeamResponse.Challenged => "challenged",
        _ => "none",
    };
}
