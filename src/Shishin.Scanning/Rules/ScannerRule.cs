namespace Shishin.Scanning.Rules;

/// <summary>A rule id that the scanner can report, with what it checks in English and Japanese.</summary>
/// <param name="Id">The id as it appears in findings and in the catalogue's <c>scannerRules</c>, e.g. <c>image-alt</c> or <c>page.title</c>.</param>
/// <param name="Category">Which part of the scanner reports the rule.</param>
/// <param name="Description">One sentence, in English, on what the rule checks.</param>
/// <param name="DescriptionJa">The same in Japanese.</param>
public sealed record ScannerRule(string Id, RuleCategory Category, string Description, string DescriptionJa)
{
    /// <summary>
    /// The rule profiles under which the rule runs. For an axe-core rule they follow from its tags (a test checks this
    /// against the bundled axe-core in a browser); <see cref="RuleProfiles.None"/> for axe-core's experimental and
    /// deprecated rules, which no profile runs. Shishin's own rules run under every profile.
    /// </summary>
    public RuleProfiles Profiles { get; init; } = AllProfiles;

    /// <summary>Every profile together.</summary>
    internal const RuleProfiles AllProfiles = RuleProfiles.Wcag2aa | RuleProfiles.Wcag22aa | RuleProfiles.BestPractice | RuleProfiles.Aaa;

    /// <summary>Whether a scan with <paramref name="profiles"/> runs this rule.</summary>
    /// <param name="profiles">The scan's rule profiles.</param>
    public bool RunsUnder(RuleProfiles profiles) => (Profiles & profiles) != RuleProfiles.None;
}

/// <summary>Groups scanner rules by what they look at.</summary>
public enum RuleCategory
{
    /// <summary>Rules of the bundled axe-core; their ids are axe-core's own and contain no dot.</summary>
    Accessibility,

    /// <summary>Shishin's checks of a page and its content; ids start with <c>page.</c>.</summary>
    Page,

    /// <summary>Shishin's checks of transport security, headers and cookies; ids start with <c>security.</c>.</summary>
    Security,

    /// <summary>Shishin's timings of page loads; ids start with <c>performance.</c>.</summary>
    Performance,
}
