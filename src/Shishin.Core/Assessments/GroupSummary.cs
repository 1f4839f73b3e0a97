using Shishin.Core.Catalog;

namespace Shishin.Core.Assessments;

/// <summary>
/// How one principle or theme (or a whole assessment) came out: met of applicable. Only Met counts as met; Partly met
/// counts as not met but is shown on its own; Not applicable leaves the count of applicable checkpoints. A checkpoint not
/// answered yet (a draft) is applicable and not met. <see cref="Rag"/> is the worst rating the panel gave in the group.
/// </summary>
public sealed record GroupSummary(string Key, int? Principle, string? Theme, int Met, int PartlyMet, int NotMet, int NotApplicable, int Unanswered, Rag? Rag)
{
    /// <summary>The key of the summary over every checkpoint of an assessment.</summary>
    public const string TotalKey = "all";

    public int Applicable => Met + PartlyMet + NotMet + Unanswered;

    public int Checkpoints => Applicable + NotApplicable;

    /// <summary>"P3" for principle 3, the theme's key (UX, DA, SE) for a theme: stable across catalogue versions.</summary>
    public static string KeyOf(int? principle, string? theme) =>
        principle is { } number ? "P" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) : (theme ?? "").ToUpperInvariant();

    public static string KeyOf(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return KeyOf(checkpoint.Principle, checkpoint.Theme);
    }

    /// <summary>The worse of two ratings: red over amber over green; null when neither is rated.</summary>
    public static Rag? Worst(Rag? a, Rag? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => (Rag)Math.Max((int)a.Value, (int)b.Value),
    };
}

/// <summary>Summaries of an assessment's results per principle and theme, in catalogue order.</summary>
public static class AssessmentSummaries
{
    /// <summary>
    /// One summary per principle and theme that has results, in the order of <paramref name="document"/> (principles
    /// 1–10, then themes). A result whose checkpoint the pinned version does not hold is left out.
    /// </summary>
    public static IReadOnlyList<GroupSummary> PerGroup(CatalogDocument document, IEnumerable<CheckpointResult> results)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(results);
        return
        [
            .. results
                .Select(r => (Result: r, Checkpoint: document.FindCheckpoint(r.CheckpointId)))
                .Where(x => x.Checkpoint is not null)
                .GroupBy(x => (x.Checkpoint!.Principle, Theme: x.Checkpoint.Principle is null ? x.Checkpoint.Theme?.ToUpperInvariant() : null))
                .OrderBy(g => CatalogOrdering.GroupOf(document, g.First().Checkpoint!))
                .Select(g => Summarise(GroupSummary.KeyOf(g.Key.Principle, g.Key.Theme), g.Key.Principle, g.Key.Theme, g.Select(x => x.Result))),
        ];
    }

    /// <summary>The summary over every result, whatever its group.</summary>
    public static GroupSummary Total(IEnumerable<CheckpointResult> results) => Summarise(GroupSummary.TotalKey, null, null, results);

    public static GroupSummary Summarise(string key, int? principle, string? theme, IEnumerable<CheckpointResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int met = 0, partly = 0, notMet = 0, notApplicable = 0, unanswered = 0;
        Rag? rag = null;
        foreach (var result in results)
        {
            switch (result.Outcome)
            {
                case CheckpointOutcome.Met: met++; break;
                case CheckpointOutcome.PartlyMet: partly++; break;
                case CheckpointOutcome.NotMet: notMet++; break;
                case CheckpointOutcome.NotApplicable: notApplicable++; break;
                default: unanswered++; break;
            }

            rag = GroupSummary.Worst(rag, result.Rag);
        }

        return new GroupSummary(key, principle, theme, met, partly, notMet, notApplicable, unanswered, rag);
    }
}
