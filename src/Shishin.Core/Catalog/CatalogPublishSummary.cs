namespace Shishin.Core.Catalog;

/// <summary>How many items of one kind a new version adds, changes and retires.</summary>
public sealed record ChangeCounts(int Added, int Changed, int Retired)
{
    public int Total => Added + Changed + Retired;
}

/// <summary>What publishing a draft changes against the current version, counted for the person who confirms it.</summary>
public sealed record CatalogPublishSummary(ChangeCounts Checkpoints, ChangeCounts Principles, ChangeCounts Themes, ChangeCounts Parameters)
{
    public bool IsEmpty => Checkpoints.Total + Principles.Total + Themes.Total + Parameters.Total == 0;

    public static CatalogPublishSummary Of(CatalogDocument current, CatalogDocument draft)
    {
        var diff = CatalogDiff.Compare(current, draft);
        return new(
            Count(diff, CatalogDiff.CheckpointKind),
            Count(diff, CatalogDiff.PrincipleKind),
            Count(diff, CatalogDiff.ThemeKind),
            Count(diff, CatalogDiff.ParameterKind));
    }

    // Retiring keeps the item with its flag set; removing it outright counts as retiring too. Any other change to an
    // item (including restoring a retired one) is a change.
    private static ChangeCounts Count(CatalogDiffResult diff, string kind)
    {
        var items = diff.Of(kind).ToList();
        var retired = items.Count(i => i.Change == DiffKind.Removed
            || (i.Change == DiffKind.Changed && i.Fields.Any(f => f.Field == "retired" && f.After == "true")));
        return new(items.Count(i => i.Change == DiffKind.Added), items.Count(i => i.Change == DiffKind.Changed) - retired + items.Count(i => i.Change == DiffKind.Removed), retired);
    }
}
