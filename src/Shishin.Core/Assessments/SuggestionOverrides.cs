using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.Assessments;

/// <summary>How often the assessors of every service confirmed or overrode one checkpoint's scan suggestions.</summary>
/// <param name="RecentReasons">The latest override reasons, newest first (at most three).</param>
public sealed record SuggestionOverrideCount(string CheckpointId, int Suggested, int Confirmed, int Overridden, IReadOnlyList<string> RecentReasons)
{
    /// <summary>The share of decisions that overrode the suggestion, 0–1.</summary>
    public double OverrideShare => Suggested == 0 ? 0 : (double)Overridden / Suggested;
}

/// <summary>
/// The count behind the guideline improvement cycle (#9): a checkpoint whose scan suggestions are often overridden needs
/// a better rule or better guidance. Counts every saved answer that had a suggestion, in every assessment.
/// </summary>
public sealed class SuggestionOverrides(ShishinDbContext db)
{
    public async Task<IReadOnlyList<SuggestionOverrideCount>> CountAsync(CancellationToken cancellationToken = default)
    {
        var decisions = await db.CheckpointResults.AsNoTracking()
            .Where(r => r.SuggestionDecision != null)
            .Select(r => new { r.CheckpointId, r.SuggestionDecision, r.OverrideReason, r.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. decisions
            .GroupBy(d => d.CheckpointId, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SuggestionOverrideCount(
                g.Key.ToUpperInvariant(),
                g.Count(),
                g.Count(d => d.SuggestionDecision == SuggestionDecision.Confirmed),
                g.Count(d => d.SuggestionDecision == SuggestionDecision.Overridden),
                [.. g.Where(d => d.SuggestionDecision == SuggestionDecision.Overridden && d.OverrideReason.Length > 0)
                    .OrderByDescending(d => d.UpdatedAt).Take(3).Select(d => d.OverrideReason)]))
            .OrderByDescending(c => c.OverrideShare).ThenByDescending(c => c.Overridden).ThenBy(c => c.CheckpointId, StringComparer.Ordinal)];
    }
}
