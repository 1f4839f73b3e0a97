namespace Shishin.Core.Services;

public enum CanvasItemChange
{
    Unchanged,
    Added,
    Removed,
    Changed,
}

/// <summary>One hypothesis across two revisions: its number in each (from 1; null where it is absent) and its fields.</summary>
public sealed record HypothesisChange(int? Before, int? After, CanvasItemChange Change, IReadOnlyList<CanvasFieldChange> Fields);

/// <summary>Every text field of the canvas (changed or not, in the sheet's order) and every hypothesis of either revision.</summary>
public sealed record CanvasDiffResult(IReadOnlyList<CanvasFieldChange> Fields, IReadOnlyList<HypothesisChange> Hypotheses)
{
    public bool HypothesesChanged => Hypotheses.Any(h => h.Change != CanvasItemChange.Unchanged);

    public bool IsEmpty => !HypothesesChanged && Fields.All(f => !f.Changed);

    /// <summary>The keys of the changed fields in the sheet's order, <see cref="CanvasFields.Hypotheses"/> included.</summary>
    public IReadOnlyList<string> ChangedFields =>
    [
        .. CanvasFields.Order.Where(key => key == CanvasFields.Hypotheses ? HypothesesChanged : Fields.Any(f => f.Field == key && f.Changed)),
    ];
}

/// <summary>
/// Compares two canvases field by field. Hypotheses are matched by their statement, so recording a result or removing
/// one hypothesis does not make every later one look changed; between matches, the remaining ones are paired in order
/// (a reworded statement is a change) and the rest were added or removed.
/// </summary>
public static class CanvasDiff
{
    public static CanvasDiffResult Compare(ServiceCanvas before, ServiceCanvas after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var fields = CanvasFields.Text.Select(f => new CanvasFieldChange(f.Key, f.Get(before) ?? "", f.Get(after) ?? "")).ToList();
        return new(fields, CompareHypotheses(before.Hypotheses ?? [], after.Hypotheses ?? []));
    }

    private static List<HypothesisChange> CompareHypotheses(List<CanvasHypothesis> a, List<CanvasHypothesis> b)
    {
        var result = new List<HypothesisChange>();
        int i = 0, j = 0;
        foreach (var (matchA, matchB) in Anchors(a, b).Append((a.Count, b.Count)))
        {
            // Between two matches: pair what is left in order, then the rest is removed or added.
            while (i < matchA && j < matchB)
            {
                result.Add(Pair(a, b, i++, j++));
            }

            while (i < matchA)
            {
                result.Add(Pair(a, b, i++, null));
            }

            while (j < matchB)
            {
                result.Add(Pair(a, b, null, j++));
            }

            if (matchA < a.Count)
            {
                result.Add(Pair(a, b, i++, j++));
            }
        }

        return result;
    }

    private static HypothesisChange Pair(List<CanvasHypothesis> a, List<CanvasHypothesis> b, int? i, int? j)
    {
        var fields = CanvasFields.HypothesisFields
            .Select(f => new CanvasFieldChange(f, i is { } x ? CanvasFields.Of(a[x], f) ?? "" : "", j is { } y ? CanvasFields.Of(b[y], f) ?? "" : ""))
            .ToList();
        var change = (i, j) switch
        {
            (null, _) => CanvasItemChange.Added,
            (_, null) => CanvasItemChange.Removed,
            _ => fields.Any(f => f.Changed) ? CanvasItemChange.Changed : CanvasItemChange.Unchanged,
        };
        return new(i + 1, j + 1, change, fields);
    }

    // The longest common subsequence of statements (at most 20 a side, so the table is tiny).
    private static List<(int, int)> Anchors(List<CanvasHypothesis> a, List<CanvasHypothesis> b)
    {
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var x = a.Count - 1; x >= 0; x--)
        {
            for (var y = b.Count - 1; y >= 0; y--)
            {
                lengths[x, y] = Same(a[x], b[y]) ? lengths[x + 1, y + 1] + 1 : Math.Max(lengths[x + 1, y], lengths[x, y + 1]);
            }
        }

        var anchors = new List<(int, int)>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            if (Same(a[i], b[j]))
            {
                anchors.Add((i++, j++));
            }
            else if (lengths[i + 1, j] >= lengths[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return anchors;
    }

    private static bool Same(CanvasHypothesis a, CanvasHypothesis b) =>
        a.Statement.Length > 0 && string.Equals(a.Statement, b.Statement, StringComparison.Ordinal);
}
