using System.Collections.ObjectModel;

namespace Shishin.Scanning.Rules;

/// <summary>The names of <see cref="RuleProfiles"/> as the command line, the reports and the documentation write them.</summary>
public static class RuleProfileNames
{
    private static readonly (RuleProfiles Profile, string Name)[] Names =
    [
        (RuleProfiles.Wcag2aa, "wcag2aa"),
        (RuleProfiles.Wcag22aa, "wcag22aa"),
        (RuleProfiles.BestPractice, "best-practice"),
        (RuleProfiles.Aaa, "aaa"),
    ];

    /// <summary>Every profile name, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = new ReadOnlyCollection<string>([.. Names.Select(n => n.Name)]);

    /// <summary>The names of the profiles in <paramref name="profiles"/>, in the order of <see cref="All"/>.</summary>
    /// <param name="profiles">One or more profiles.</param>
    public static IReadOnlyList<string> Of(RuleProfiles profiles) =>
        [.. Names.Where(n => profiles.HasFlag(n.Profile)).Select(n => n.Name)];

    /// <summary>The names of <paramref name="profiles"/> joined by commas, as <c>--rules</c> takes them.</summary>
    /// <param name="profiles">One or more profiles.</param>
    public static string Format(RuleProfiles profiles) => string.Join(',', Of(profiles));

    /// <summary>
    /// Reads a comma-separated list of profile names (<c>wcag2aa,best-practice</c>); names are case-insensitive and
    /// may repeat. Fails on an empty list or an unknown name.
    /// </summary>
    /// <param name="text">The list.</param>
    /// <param name="profiles">The profiles named, or <see cref="RuleProfiles.None"/> when the list is not valid.</param>
    public static bool TryParse(string? text, out RuleProfiles profiles)
    {
        profiles = RuleProfiles.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var result = RuleProfiles.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = Names.FirstOrDefault(n => string.Equals(n.Name, part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                return false;
            }

            result |= match.Profile;
        }

        profiles = result;
        return true;
    }

    /// <summary>The axe-core tags whose rules run under <paramref name="profiles"/>, for <c>runOnly</c>.</summary>
    /// <param name="profiles">One or more profiles.</param>
    public static IReadOnlyList<string> Tags(RuleProfiles profiles)
    {
        var tags = new List<string>();
        if ((profiles & (RuleProfiles.Wcag2aa | RuleProfiles.Wcag22aa)) != 0)
        {
            tags.AddRange(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
        }

        if (profiles.HasFlag(RuleProfiles.Wcag22aa))
        {
            tags.Add("wcag22aa");
        }

        if (profiles.HasFlag(RuleProfiles.BestPractice))
        {
            tags.Add("best-practice");
        }

        if (profiles.HasFlag(RuleProfiles.Aaa))
        {
            tags.Add("wcag2aaa");
        }

        return tags;
    }
}
