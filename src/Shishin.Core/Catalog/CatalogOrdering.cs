namespace Shishin.Core.Catalog;

/// <summary>
/// Catalogue order: principles by number, then themes in their defined order; checkpoints grouped the same way,
/// keeping their order inside a group (that order is the one admins set).
/// </summary>
public static class CatalogOrdering
{
    public static void Normalise(CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Principles = [.. document.Principles.OrderBy(p => p.Number)];
        document.Checkpoints = [.. document.Checkpoints.Select((c, i) => (c, i)).OrderBy(x => GroupOf(document, x.c)).ThenBy(x => x.i).Select(x => x.c)];
    }

    /// <summary>Principles 1–10 first, then each theme in the order the catalogue lists them.</summary>
    public static int GroupOf(CatalogDocument document, Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Principle is { } number)
        {
            return number;
        }

        var index = document.Themes.FindIndex(t => string.Equals(t.Key, checkpoint.Theme, StringComparison.OrdinalIgnoreCase));
        return 100 + (index < 0 ? 99 : index);
    }
}
