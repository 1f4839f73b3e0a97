namespace Shishin.Web.Pages.Catalog;

public sealed record FieldChangeDto(string Field, string? Before, string? After);
