namespace Shishin.Core.Catalog;

public enum CatalogVersionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>
/// One version of the guideline catalogue. Its content is one JSON document (<see cref="Document"/>); a published
/// or retired version never changes, and at most one draft exists at a time.
/// </summary>
public class CatalogVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Semantic version; null while the version is a draft.</summary>
    public string? Version { get; set; }

    public CatalogVersionStatus Status { get; set; }

    /// <summary>The catalogue content as JSON (<see cref="CatalogJson"/>).</summary>
    public required string Document { get; set; }

    /// <summary>The published version this draft was copied from.</summary>
    public Guid? BasedOnId { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime? PublishedAt { get; set; }
    public Guid? PublishedById { get; set; }
    public DateTime? RetiredAt { get; set; }

    /// <summary>Raised on every draft edit so two admins editing at once cannot overwrite each other.</summary>
    public int Revision { get; set; }
}
