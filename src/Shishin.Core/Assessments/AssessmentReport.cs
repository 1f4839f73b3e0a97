using Shishin.Core.Catalog;
using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

/// <summary>
/// One assessment as its report shows it: the service, the pinned catalogue version, the panel, the summaries and
/// every result with its checkpoint, grouped by principle and theme in catalogue order.
/// </summary>
public sealed record AssessmentReport(
    Assessment Assessment,
    Service Service,
    CatalogVersionInfo CatalogVersion,
    CatalogDocument Catalog,
    IReadOnlyList<ReportReviewer> Reviewers,
    IReadOnlyList<ReportSection> Sections,
    GroupSummary Total,
    ReportLink? ReassessmentOf,
    IReadOnlyList<ReportLink> ReassessedBy,
    IReadOnlyList<ActionItem> ActionItems,
    ReportPermissions Permissions)
{
    public IEnumerable<GroupSummary> Summary => Sections.Where(s => s.Principle is not null || s.Theme is not null).Select(s => s.Summary);
}

/// <summary>A principle's or theme's results (<see cref="Principle"/> or <see cref="Theme"/> set); both null for results whose checkpoint the pinned version lacks.</summary>
public sealed record ReportSection(GroupSummary Summary, Principle? Principle, Theme? Theme, IReadOnlyList<ReportItem> Items);

public sealed record ReportItem(CheckpointResult Result, Checkpoint? Checkpoint)
{
    public IReadOnlyList<string> Links => Result.EvidenceLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed record ReportReviewer(Guid UserId, string Name, bool IsLead);

/// <summary>Another assessment linked to this one (the original of a reassessment, or a reassessment of it).</summary>
public sealed record ReportLink(Guid Id, AssessmentStatus Status, DateTime? PublishedAt, Rag? Rag);

/// <summary>
/// What the viewer may do next, for the report's links; the workflow pages check again. Reading the action items is for
/// the team and reviewers only: a published report is public, the team's to-do list is not.
/// </summary>
public sealed record ReportPermissions(bool SelfAssess, bool Review, bool Respond, bool SeeActionItems);

/// <summary>One assessment in a service's history: its outcome over all checkpoints.</summary>
public sealed record AssessmentHistoryEntry(
    Guid Id,
    LifecyclePhase Phase,
    AssessmentStatus Status,
    string? CatalogVersion,
    DateTime Date,
    DateTime? PublishedAt,
    Rag? Rag,
    GroupSummary Total,
    Guid? ReassessmentOfId);

public sealed record AssessmentHistory(Service Service, IReadOnlyList<AssessmentHistoryEntry> Entries, bool IncludesUnpublished);
