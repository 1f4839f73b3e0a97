using Microsoft.AspNetCore.Mvc;

namespace Shishin.Web.Pages.Catalog;

/// <summary>The query of <c>GET /api/v1/catalog/checkpoints</c>; the names match the /catalog/checkpoints page's form.</summary>
public sealed class CheckpointQuery
{
    [FromQuery(Name = "phase")]
    public string? Phase { get; init; }

    [FromQuery(Name = "checkType")]
    public string? CheckType { get; init; }

    [FromQuery(Name = "principle")]
    public string? Principle { get; init; }

    [FromQuery(Name = "theme")]
    public string? Theme { get; init; }

    [FromQuery(Name = "mapping")]
    public string? Mapping { get; init; }

    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "retired")]
    public string? Retired { get; init; }

    [FromQuery(Name = "version")]
    public string? Version { get; init; }

    [FromQuery(Name = "format")]
    public string? Format { get; init; }
}
