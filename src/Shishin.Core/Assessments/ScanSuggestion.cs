namespace Shishin.Core.Assessments;

/// <summary>What the assessor did with a scan's suggested outcome.</summary>
public enum SuggestionDecision
{
    Confirmed,
    Overridden,
}

/// <summary>
/// The outcome the latest scan suggests for an automated (A) or tool-evidenced (S) checkpoint: no violation of its rules
/// on any scanned page → Met; violations → Not met; only needs-review findings → Partly met, for a person to judge.
/// </summary>
/// <param name="RunId">The run the suggestion comes from.</param>
/// <param name="RunFinishedAt">When that run finished (UTC).</param>
/// <param name="PagesScanned">Pages the run checked (failed pages left out).</param>
/// <param name="Violations">Violations of the checkpoint's rules.</param>
/// <param name="NeedsReview">Needs-review findings of the checkpoint's rules.</param>
/// <param name="PagesWithViolations">Pages with at least one of those violations.</param>
/// <param name="RulesRun">The checkpoint's rules the run ran.</param>
/// <param name="RulesNotRun">The checkpoint's rules the run's profile did not run (for example WCAG 2.2 rules with WCAG 2.2 off).</param>
public sealed record ScanSuggestion(
    string CheckpointId,
    CheckpointOutcome Outcome,
    Guid RunId,
    DateTime RunFinishedAt,
    int PagesScanned,
    int Violations,
    int NeedsReview,
    int PagesWithViolations,
    IReadOnlyList<string> RulesRun,
    IReadOnlyList<string> RulesNotRun);
