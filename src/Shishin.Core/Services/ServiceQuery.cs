using Shishin.Core.Assessments;

namespace Shishin.Core.Services;

public enum ServiceSort
{
    Name,
    Organization,
    Phase,
    Updated,
}

/// <summary>
/// What the register list asks for: filters, words, sort and page. Every filter is optional; the list page and
/// <c>GET /api/v1/services</c> build the same query from the same parameter names.
/// </summary>
public sealed record ServiceQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>Longer search text is not something anyone types; the form and the API refuse it before it gets here.</summary>
    public const int MaxTextLength = 100;

    /// <summary>The owner organisation, including every organisation below it (a bureau's divisions, the government's bureaus).</summary>
    public Guid? OrganizationId { get; init; }

    public ServicePhase? Phase { get; init; }
    public ServiceChannel? Channel { get; init; }
    public bool? IsPublic { get; init; }

    /// <summary>True: only services with an overdue action item that is not closed; false: only those without.</summary>
    public bool? HasOverdueActions { get; init; }

    /// <summary>The rating of the service's latest published assessment.</summary>
    public Rag? LatestRag { get; init; }

    /// <summary>Words in Japanese or English, matched against names, descriptions and the key.</summary>
    public string? Text { get; init; }

    public ServiceSort Sort { get; init; }
    public bool Descending { get; init; }

    /// <summary>Names sort in the reader's language.</summary>
    public bool English { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
}
