using Microsoft.AspNetCore.Mvc;

namespace Shishin.Web.Pages.Services;

/// <summary>The query of <c>GET /api/v1/services</c>; the names match the /services page's form.</summary>
public sealed class ServiceListQuery
{
    /// <summary>An organisation key; its sub-organisations' services are included.</summary>
    [FromQuery(Name = "organization")]
    public string? Organization { get; init; }

    /// <summary>A phase key (hypothesis, service-design, requirements, development, operation, retired) or its Japanese name.</summary>
    [FromQuery(Name = "phase")]
    public string? Phase { get; init; }

    /// <summary>web, counter, phone or app.</summary>
    [FromQuery(Name = "channel")]
    public string? Channel { get; init; }

    /// <summary>true for public services only, false for internal ones only.</summary>
    [FromQuery(Name = "public")]
    public string? Public { get; init; }

    /// <summary>true for services with an overdue action item, false for those without.</summary>
    [FromQuery(Name = "overdue")]
    public string? Overdue { get; init; }

    /// <summary>The latest published assessment's rating: green, amber or red.</summary>
    [FromQuery(Name = "rag")]
    public string? Rag { get; init; }

    /// <summary>Words in Japanese or English, found in names, descriptions and keys.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>name, organization, phase or updated, each with "-desc" for the reverse order.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    /// <summary>1 to 100; 25 by default.</summary>
    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }

    public ServiceFilterInput ToInput() => new(Organization, Phase, Channel, Public, Overdue, Rag, Q, Sort, Page, PageSize);
}
