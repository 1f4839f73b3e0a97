using System.Collections.Frozen;

namespace Shishin.Scanning.Checks;

/// <summary>
/// Reads WCAG success criteria from axe-core's tags (<c>wcag143</c> is 1.4.3) and maps WCAG 2.0 criteria to
/// JIS X 8341-3:2016, which adopted WCAG 2.0 unchanged and numbers each criterion <c>7.</c> + the WCAG number.
/// Criteria added in WCAG 2.1 and 2.2 have no JIS counterpart.
/// </summary>
internal static class WcagMapping
{
    /// <summary>The 61 success criteria of WCAG 2.0 (levels A to AAA).</summary>
    private static readonly FrozenSet<string> Wcag20 = new[]
    {
        "1.1.1", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.3.1", "1.3.2",
        "1.3.3", "1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.4.5", "1.4.6", "1.4.7", "1.4.8", "1.4.9", "2.1.1", "2.1.2",
        "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5", "2.3.1", "2.3.2", "2.4.1", "2.4.2", "2.4.3", "2.4.4",
        "2.4.5", "2.4.6", "2.4.7", "2.4.8", "2.4.9", "2.4.10", "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6",
        "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "4.1.1",
        "4.1.2",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many WCAG 2.0 criteria the mapping knows (61).</summary>
    public static int Wcag20Count => Wcag20.Count;

    /// <summary>The WCAG criterion of one axe-core tag, or <see langword="null"/> for tags that name none (<c>wcag2aa</c>, <c>cat.color</c>).</summary>
    public static string? CriterionFromTag(string tag)
    {
        if (!tag.StartsWith("wcag", StringComparison.Ordinal) || tag.Length < 7)
        {
            return null;
        }

        var digits = tag.AsSpan(4);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        // Principles and guidelines are single digits (at most 4.1 and 2.5), so the rest is the criterion number.
        return $"{digits[0]}.{digits[1]}.{digits[2..]}";
    }

    /// <summary>The JIS X 8341-3:2016 number of a WCAG criterion, or <see langword="null"/> when it is not a WCAG 2.0 criterion.</summary>
    public static string? JisFor(string wcagCriterion) => Wcag20.Contains(wcagCriterion) ? "7." + wcagCriterion : null;

    /// <summary>The WCAG criteria of a set of axe-core tags and their JIS counterparts, each in the order first seen.</summary>
    public static (IReadOnlyList<string> Wcag, IReadOnlyList<string> Jis) FromTags(IEnumerable<string> tags)
    {
        var wcag = tags.Select(CriterionFromTag).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (wcag, FromCriteria(wcag));
    }

    /// <summary>The JIS counterparts of WCAG criteria.</summary>
    public static IReadOnlyList<string> FromCriteria(IEnumerable<string> wcag) =>
        wcag.Select(JisFor).OfType<string>().ToList();
}
