using Shishin.Core.Assessments;
using Shishin.Core.Catalog;

namespace Shishin.Core.Services;

/// <summary>An assessment as a service's page lists it, without its checkpoint results or the pinned catalogue document.</summary>
public sealed record ServiceAssessmentSummary(
    Guid Id,
    LifecyclePhase Phase,
    string? CatalogVersion,
    AssessmentStatus Status,
    Rag? Rag,
    DateTime CreatedAt,
    DateTime? PublishedAt,
    Guid? ReassessmentOfId);
