namespace Shishin.Web.Pages.Catalog;

/// <summary>A version in the version list; <c>version</c> is "draft" for the draft (admins only).</summary>
public sealed record CatalogVersionDto(string Version, string Status, DateTime? PublishedAt, DateTime? RetiredAt);
