using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shishin.Core.Catalog;
using Shishin.Core.Data;
using Shishin.Core.Scans;
using Shishin.Scanning;
using Shishin.Scanning.Rules;

namespace Shishin.Core.Assessments;

/// <summary>
/// Turns the latest scan of a service into suggested outcomes for the checkpoints that name scanner rules (check types
/// A and S). Only a finished run that still has its findings counts; a rule the run did not run suggests nothing, so a
/// checkpoint is never "met" by a rule that was switched off.
/// </summary>
public sealed class ScanEvidence(ShishinDbContext db)
{
    /// <summary>The latest finished run of the service that still holds its findings, or null.</summary>
    public Task<ScanRun?> LatestRunAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        db.ScanRuns.AsNoTracking()
            .Where(r => r.ServiceId == serviceId && r.Status == ScanRunStatus.Done && !r.DetailPruned && r.Pages > r.PageErrors)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Suggestions for those of <paramref name="checkpoints"/> the latest run can speak to, by checkpoint id.</summary>
    public async Task<IReadOnlyDictionary<string, ScanSuggestion>> SuggestAsync(
        Guid serviceId, IEnumerable<Checkpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var measured = checkpoints.Where(IsMeasured).ToList();
        var suggestions = new Dictionary<string, ScanSuggestion>(StringComparer.OrdinalIgnoreCase);
        if (measured.Count == 0 || await LatestRunAsync(serviceId, cancellationToken) is not { } run)
        {
            return suggestions;
        }

        var profiles = ProfilesOf(run);
        var rules = measured.SelectMany(c => c.ScannerRules).Distinct(StringComparer.Ordinal).ToList();
        var findings = await db.ScanFindings.AsNoTracking()
            .Where(f => f.RunId == run.Id && rules.Contains(f.RuleId))
            .Select(f => new { f.RuleId, f.Outcome, f.PageId })
            .ToListAsync(cancellationToken);
        foreach (var checkpoint in measured)
        {
            var ran = checkpoint.ScannerRules.Where(r => ScannerRules.Find(r)?.RunsUnder(profiles) == true).ToList();
            if (ran.Count == 0)
            {
                continue;
            }

            var own = findings.Where(f => ran.Contains(f.RuleId, StringComparer.Ordinal)).ToList();
            var violations = own.Where(f => f.Outcome == ScanReportWords.Violation).ToList();
            var needsReview = own.Count(f => f.Outcome == ScanReportWords.NeedsReview);
            var outcome = violations.Count > 0 ? CheckpointOutcome.NotMet
                : needsReview > 0 ? CheckpointOutcome.PartlyMet
                : CheckpointOutcome.Met;
            suggestions[checkpoint.Id] = new ScanSuggestion(
                checkpoint.Id, outcome, run.Id, run.FinishedAt ?? run.QueuedAt, run.Pages - run.PageErrors,
                violations.Count, needsReview, violations.Select(f => f.PageId).Distinct().Count(),
                ran, [.. checkpoint.ScannerRules.Except(ran, StringComparer.Ordinal)]);
        }

        return suggestions;
    }

    public static bool IsMeasured(Checkpoint checkpoint) =>
        checkpoint is { CheckType: CheckType.A or CheckType.S, ScannerRules.Count: > 0, Retired: false };

    /// <summary>The rule profiles a run ran with, from its stored options; the platform's default when they are missing.</summary>
    private static RuleProfiles ProfilesOf(ScanRun run)
    {
        try
        {
            using var options = JsonDocument.Parse(run.OptionsJson);
            if (options.RootElement.ValueKind == JsonValueKind.Object
                && options.RootElement.TryGetProperty("rules", out var names) && names.ValueKind == JsonValueKind.Array
                && RuleProfileNames.TryParse(string.Join(',', names.EnumerateArray().Select(n => n.GetString())), out var profiles))
            {
                return profiles;
            }
        }
        catch (JsonException)
        {
            // A run stored before options were recorded: fall through to the default.
        }

        return ScanOptions.PlatformRules;
    }
}
