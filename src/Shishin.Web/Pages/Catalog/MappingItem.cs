namespace Shishin.Web.Pages.Catalog;

/// <summary>One mapping of a checkpoint as shown to readers, with the filter text that finds every checkpoint sharing it.</summary>
public sealed record MappingItem(string Label, string Query);
