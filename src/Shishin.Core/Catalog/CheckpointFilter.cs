using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Shishin.Core.Catalog;

/// <summary>Which framework a mapping search looks in.</summary>
public enum MappingFramework
{
    Wcag,
    Jis,
    UkServiceStandard,
    UsPlaybook,
    Asvs,
}

/// <summary>
/// A parsed mapping search: one framework and, optionally, one code in it (<c>1.4.3</c>, <c>7.1.4.3</c>, <c>5</c>,
/// <c>V12</c>) or, for WCAG, the version that introduced the criteria (<c>2.1</c>).
/// </summary>
public sealed partial record MappingQuery(MappingFramework Framework, string? Code, string? WcagVersion = null)
{
    public bool Matches(CheckpointMappings mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        return Framework switch
        {
            MappingFramework.Wcag => mappings.Wcag.Any(w => (Code is null || w.Criterion == Code) && (WcagVersion is null || w.Version == WcagVersion)),
            MappingFramework.Jis => mappings.Jis.Any(j => Code is null || j == Code),
            MappingFramework.UkServiceStandard => mappings.UkServiceStandard.Any(n => Code is null || n.ToString(CultureInfo.InvariantCulture) == Code),
            MappingFramework.UsPlaybook => mappings.UsPlaybook.Any(n => Code is null || n.ToString(CultureInfo.InvariantCulture) == Code),
            MappingFramework.Asvs => mappings.Asvs.Any(a => Code is null || string.Equals(a, Code, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
    }

    /// <summary>
    /// Reads what people type: <c>WCAG 1.4.3</c> or just <c>1.4.3</c>, <c>WCAG 2.1</c> (criteria new in 2.1),
    /// <c>JIS 7.1.4.3</c> or <c>7.1.4.3</c>, <c>UK 5</c>, <c>US 3</c>, <c>ASVS V12</c> or <c>V12</c>, or a framework
    /// name alone for every checkpoint mapped to it. Full-width characters (１．４．３) are read as their ASCII forms.
    /// </summary>
    public static MappingQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Pattern().Match(text.Normalize(NormalizationForm.FormKC).Trim());
        if (!match.Success)
        {
            return null;
        }

        var prefix = Spaces().Replace(match.Groups["prefix"].Value, "").ToUpperInvariant();
        var code = match.Groups["code"].Success ? match.Groups["code"].Value.ToUpperInvariant() : null;
        if (code is null)
        {
            return prefix switch
            {
                "WCAG" => new(MappingFramework.Wcag, null),
                "JIS" or "JISX8341-3" or "JISX8341-3:2016" => new(MappingFramework.Jis, null),
                "UK" => new(MappingFramework.UkServiceStandard, null),
                "US" => new(MappingFramework.UsPlaybook, null),
                "ASVS" or "OWASPASVS" => new(MappingFramework.Asvs, null),
                _ => null,
            };
        }

        var dotted = code.Split('.');
        var number = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return prefix switch
        {
            "WCAG" or "" when dotted.Length == 3 && !code.StartsWith('V') => new(MappingFramework.Wcag, code),
            "WCAG" when dotted.Length == 2 => new(MappingFramework.Wcag, null, code),
            "JIS" or "JISX8341-3" or "JISX8341-3:2016" or "" when dotted.Length == 4 && dotted[0] == "7" => new(MappingFramework.Jis, code),
            "UK" when number is not null => new(MappingFramework.UkServiceStandard, number.Value.ToString(CultureInfo.InvariantCulture)),
            "US" when number is not null => new(MappingFramework.UsPlaybook, number.Value.ToString(CultureInfo.InvariantCulture)),
            "ASVS" or "OWASPASVS" when number is not null => new(MappingFramework.Asvs, "V" + number.Value.ToString(CultureInfo.InvariantCulture)),
            "ASVS" or "OWASPASVS" or "" when code.StartsWith('V') && int.TryParse(code[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var chapter) =>
                new(MappingFramework.Asvs, "V" + chapter.ToString(CultureInfo.InvariantCulture)),
            _ => null,
        };
    }

    // A framework name (optional when the code alone says which framework it is), then an optional code.
    [GeneratedRegex(@"^(?<prefix>WCAG|JIS(?:\s*X\s*8341-3(?::2016)?)?|UK|US|OWASP\s*ASVS|ASVS)?\s*(?<code>V?\d+(?:\.\d+){0,3})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Spaces();
}

/// <summary>
/// The checkpoint filters of the public catalogue page and of the API, in one place so both give the same answer.
/// Texts are searched in Japanese and English, ignoring case, full-/half-width and hiragana/katakana differences;
/// every word given must occur.
/// </summary>
public sealed record CheckpointFilter
{
    public const int MaxTextLength = 200;

    /// <summary>A lifecycle phase code such as <c>service-design</c>.</summary>
    public string? Phase { get; init; }

    /// <summary>A, S or H.</summary>
    public string? CheckType { get; init; }

    public int? Principle { get; init; }

    /// <summary>A theme key such as <c>UX</c>.</summary>
    public string? Theme { get; init; }

    /// <summary>A mapping as people type it; see <see cref="MappingQuery.Parse"/>.</summary>
    public string? Mapping { get; init; }

    /// <summary>Words searched in the id, title, guidance and evidence, in both languages.</summary>
    public string? Text { get; init; }

    public bool IncludeRetired { get; init; }

    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType;

    /// <summary>The problems with the filter values, by field (<c>phase</c>, <c>checkType</c>, …).</summary>
    public IReadOnlyList<CatalogIssue> Check(CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var issues = new List<CatalogIssue>();
        if (!string.IsNullOrEmpty(Phase) && PhaseOf(Phase) is null)
        {
            issues.Add(new(this, "phase", "'{0}' is not a lifecycle phase.", Phase));
        }

        if (!string.IsNullOrEmpty(CheckType) && CheckTypeOf(CheckType) is null)
        {
            issues.Add(new(this, "checkType", "The check type is A, S or H."));
        }

        if (Principle is { } number && document.FindPrinciple(number) is null)
        {
            issues.Add(new(this, "principle", "There is no principle {0}.", number));
        }

        if (!string.IsNullOrEmpty(Theme) && document.FindTheme(Theme) is null)
        {
            issues.Add(new(this, "theme", "There is no theme '{0}'.", Theme));
        }

        if (!string.IsNullOrWhiteSpace(Mapping) && (Mapping.Length > MaxTextLength || MappingQuery.Parse(Mapping) is null))
        {
            issues.Add(new(this, "mapping", "Write a mapping such as WCAG 1.4.3, JIS 7.1.4.3, UK 5, US 3 or ASVS V12."));
        }

        if (Text is { Length: > MaxTextLength })
        {
            issues.Add(new(this, "q", "Use at most {0} characters.", MaxTextLength));
        }

        return issues;
    }

    /// <summary>The checkpoints that meet every filter, in catalogue order. Values that <see cref="Check"/> refuses match nothing.</summary>
    public IEnumerable<Checkpoint> Apply(CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        IEnumerable<Checkpoint> result = document.Checkpoints;
        if (!IncludeRetired)
        {
            result = result.Where(c => !c.Retired);
        }

        if (!string.IsNullOrEmpty(Phase))
        {
            var phase = PhaseOf(Phase);
            result = result.Where(c => phase is not null && c.Phases.Contains(phase.Value));
        }

        if (!string.IsNullOrEmpty(CheckType))
        {
            var type = CheckTypeOf(CheckType);
            result = result.Where(c => c.CheckType == type);
        }

        if (Principle is { } number)
        {
            result = result.Where(c => c.Principle == number);
        }

        if (!string.IsNullOrEmpty(Theme))
        {
            result = result.Where(c => string.Equals(c.Theme, Theme, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrWhiteSpace(Mapping))
        {
            var query = MappingQuery.Parse(Mapping);
            result = result.Where(c => query is not null && query.Matches(c.Mappings));
        }

        var words = Words(Text);
        if (words.Count > 0)
        {
            result = result.Where(c => words.All(w => Contains(c, w)));
        }

        return result;
    }

    public bool IsEmpty =>
        string.IsNullOrEmpty(Phase) && string.IsNullOrEmpty(CheckType) && Principle is null && string.IsNullOrEmpty(Theme) &&
        string.IsNullOrWhiteSpace(Mapping) && Words(Text).Count == 0 && !IncludeRetired;

    public static LifecyclePhase? PhaseOf(string? code) =>
        code is not null && CatalogCodes.Phases.TryGetValue(code.Trim().ToLowerInvariant(), out var phase) ? phase : null;

    public static CheckType? CheckTypeOf(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "A" => Catalog.CheckType.A,
        "S" => Catalog.CheckType.S,
        "H" => Catalog.CheckType.H,
        _ => null,
    };

    // Japanese is written without spaces, so a phrase is one word; the ideographic space separates words too.
    private static List<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool Contains(Checkpoint checkpoint, string word)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        return new[]
        {
            checkpoint.Id, checkpoint.Title.Ja, checkpoint.Title.En, checkpoint.Guidance.Ja, checkpoint.Guidance.En,
            checkpoint.Evidence.Ja, checkpoint.Evidence.En,
        }.Any(text => compare.IndexOf(text.Normalize(NormalizationForm.FormKC), word, Loose) >= 0);
    }
}
