namespace Shishin.Web.Pages.Catalog;

public sealed record CatalogDiffDto(string From, string To, IReadOnlyList<ItemChangeDto> Changes);
