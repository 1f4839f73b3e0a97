namespace Shishin.Web.Pages.Catalog;

/// <summary>An added, removed or changed item; <c>kind</c> is checkpoint, principle, theme, parameter, source or catalog.</summary>
public sealed record ItemChangeDto(string Kind, string Key, string Change, IReadOnlyList<FieldChangeDto> Fields);
