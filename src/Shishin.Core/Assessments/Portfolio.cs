using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

public enum PortfolioSort
{
    Service,
    Organization,

    /// <summary>The latest published assessment's overall rating, the worst first: red, amber, green, then unrated.</summary>
    Rating,

    /// <summary>One principle's or theme's share of checkpoints met of applicable, the lowest first (<see cref="PortfolioQuery.Column"/>).</summary>
    Column,
}

/// <summary>
/// The portfolio's filter and order: one organisation with its sub-organisations (or all); by service, organisation,
/// rating, or a column's key (<see cref="GroupSummary.KeyOf(int?, string?)"/>). Rows without a figure to sort by come
/// last, and ties go by service name.
/// </summary>
public sealed record PortfolioQuery(Guid? OrganizationId = null, PortfolioSort Sort = PortfolioSort.Service, bool English = false, string? Column = null);

/// <summary>A column of the portfolio: principle 1–10 or a theme, keyed like <see cref="GroupSummary.Key"/>.</summary>
public sealed record PortfolioColumn(string Key, int? Principle, string? Theme);

/// <summary>A service and its latest published assessment (null when none is published yet) with a cell per column.</summary>
public sealed record PortfolioRow(Service Service, PortfolioAssessment? Latest, IReadOnlyDictionary<string, GroupSummary> Cells)
{
    public GroupSummary? Cell(string key) => Cells.GetValueOrDefault(key);
}

public sealed record PortfolioAssessment(Guid Id, Catalog.LifecyclePhase Phase, DateTime? PublishedAt, Rag? Rag, string? CatalogVersion, GroupSummary Total);

public sealed record Portfolio(IReadOnlyList<PortfolioColumn> Columns, IReadOnlyList<PortfolioRow> Rows);
