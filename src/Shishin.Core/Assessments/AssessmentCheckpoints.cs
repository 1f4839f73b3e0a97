using Shishin.Core.Catalog;

namespace Shishin.Core.Assessments;

/// <summary>A principle or theme of the catalogue with the assessment's checkpoints under it, in catalogue order.</summary>
public sealed record CheckpointGroup(Principle? Principle, Theme? Theme, IReadOnlyList<Checkpoint> Checkpoints)
{
    /// <summary>"1" … "10" for a principle, the theme's key (UX, DA, SE) otherwise: stable for anchors and tables.</summary>
    public string Key => Principle is { } p ? p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : Theme?.Key ?? "";
}

/// <summary>Which checkpoints an assessment covers and how they are grouped on its pages.</summary>
public static class AssessmentCheckpoints
{
    /// <summary>The checkpoints of a catalogue version that apply in a phase: those listing the phase and not retired.</summary>
    public static IReadOnlyList<Checkpoint> For(CatalogDocument document, LifecyclePhase phase)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Checkpoints.Where(c => !c.Retired && c.Phases.Contains(phase))];
    }

    /// <summary>
    /// The given checkpoint ids grouped by principle (1–10) and then theme, in catalogue order. An id the document
    /// does not hold (it cannot happen with a pinned version, but data may be imported) is left out.
    /// </summary>
    public static IReadOnlyList<CheckpointGroup> Group(CatalogDocument document, IEnumerable<string> checkpointIds)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ids = checkpointIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. document.Checkpoints
            .Select((c, index) => (Checkpoint: c, Index: index))
            .Where(x => ids.Contains(x.Checkpoint.Id))
            .GroupBy(x => CatalogOrdering.GroupOf(document, x.Checkpoint))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var first = g.First().Checkpoint;
                return new CheckpointGroup(
                    first.Principle is { } number ? document.FindPrinciple(number) : null,
                    first.Principle is null && first.Theme is { } theme ? document.FindTheme(theme) : null,
                    [.. g.OrderBy(x => x.Index).Select(x => x.Checkpoint)]);
            })];
    }

    /// <summary>Ids in catalogue order (for lists of unanswered or unrated checkpoints).</summary>
    public static IReadOnlyList<string> InOrder(CatalogDocument document, IEnumerable<string> checkpointIds) =>
        [.. Group(document, checkpointIds).SelectMany(g => g.Checkpoints).Select(c => c.Id)];
}
