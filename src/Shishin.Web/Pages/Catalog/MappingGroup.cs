namespace Shishin.Web.Pages.Catalog;

/// <summary>The mappings of one framework (WCAG, JIS, …) of a checkpoint.</summary>
public sealed record MappingGroup(string Framework, IReadOnlyList<MappingItem> Items);
