using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

public enum PortfolioSort
{
    Service,
    Organization,
}

/// <summary>The portfolio's filter and order: one organisation with its sub-organisations (or all), by service or organisation.</summary>
public sealed record PortfolioQuery(Guid? OrganizationId = null, PortfolioSort Sort = PortfolioSort.Service, bool English = false);

/// <summary>A column of the portfolio: principle 1–10 or a theme, keyed like <see cref="GroupSummary.Key"/>.</summary>
public sealed record PortfolioColumn(string Key, int? Principle, string? Theme);

/// <summary>A service and its latest published assessment (null when none is published yet) with a cell per column.</summary>
public sealed record PortfolioRow(Service Service, PortfolioAssessment? Latest, IReadOnlyDictionary<string, GroupSummary> Cells)
{
    public GroupSummary? Cell(string key) => Cells.GetValueOrDefault(key);
}

public sealed record PortfolioAssessment(Guid Id, Catalog.LifecyclePhase Phase, DateTime? PublishedAt, Rag? Rag, string? CatalogVersion, GroupSummary Total);

public sealed record Portfolio(IReadOnlyList<PortfolioColumn> Columns, IReadOnlyList<PortfolioRow> Rows);
