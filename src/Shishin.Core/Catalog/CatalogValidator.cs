using System.Globalization;
using System.Text.RegularExpressions;
using Shishin.Scanning;
using Shishin.Scanning.Rules;

namespace Shishin.Core.Catalog;

/// <summary>
/// One problem in a catalogue. <see cref="Target"/> is the object at fault and <see cref="Field"/> the path inside
/// it (<c>title.en</c>, <c>mappings.wcag[0]</c>), so a YAML file can point at a line and a form at a field.
/// The message is an English template (also the key of its translation) with arguments.
/// </summary>
public sealed record CatalogIssue(object Target, string Field, string Template, params object[] Args)
{
    public string Message => string.Format(CultureInfo.InvariantCulture, Template, Args);
}

/// <summary>The rules every catalogue version must satisfy, whether it came from YAML, the UI or an import.</summary>
public static partial class CatalogValidator
{
    public const int PrincipleCount = 10;
    public const int UkServiceStandardPoints = 14;
    public const int UsPlaybookPlays = 13;

    /// <summary>Titles, labels and names: one line on a page and in a table.</summary>
    public const int MaxShortText = 200;

    /// <summary>Guidance, evidence, descriptions and the like: a few paragraphs, never a document.</summary>
    public const int MaxLongText = 10_000;

    /// <summary>Where in a source a reference points (a section or criterion number).</summary>
    public const int MaxLocator = 200;

    /// <summary>The rule profiles the platform scans with, as <c>shishin scan --rules</c> names them.</summary>
    private static readonly string PlatformProfile = string.Join(", ", RuleProfileNames.Of(ScanOptions.PlatformRules));

    public static IReadOnlyList<CatalogIssue> Validate(CatalogDocument document, bool requireVersion = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        var issues = new List<CatalogIssue>();

        if (requireVersion && !SemanticVersion.TryParse(document.Version, out _))
        {
            issues.Add(new(document, "version", "The version '{0}' is not a semantic version such as 1.2.0.", document.Version));
        }

        Text(issues, document, "title", MaxShortText, document.Title);
        if (document.Changelog is not null)
        {
            Text(issues, document, "changelog", MaxLongText, document.Changelog);
        }

        Texts(issues, document, "preamble", MaxLongText, document.Preamble);
        Texts(issues, document, "purpose", MaxLongText, document.Purpose);
        if (document.Structure is { } structure)
        {
            StructurePart(issues, structure.Principles);
            StructurePart(issues, structure.Themes);
        }

        var sourceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in document.Sources)
        {
            if (!SourceIdPattern().IsMatch(source.Id))
            {
                issues.Add(new(source, "id", "The source id '{0}' must be lower-case letters, digits and hyphens.", source.Id));
            }
            else if (!sourceIds.Add(source.Id))
            {
                issues.Add(new(source, "id", "The source id '{0}' is defined twice.", source.Id));
            }

            Text(issues, source, "title", MaxShortText, source.Title);
        }

        ValidatePrinciples(document, issues, sourceIds);
        ValidateThemes(document, issues, sourceIds);
        ValidateParameters(document, issues);
        ValidateCheckpoints(document, issues, sourceIds);
        ValidateReleases(document, issues);
        return issues;
    }

    private static void StructurePart(List<CatalogIssue> issues, StructurePart part)
    {
        Text(issues, part, "name", MaxShortText, part.Name);
        Text(issues, part, "description", MaxLongText, part.Description);
        Text(issues, part, "tagline", MaxShortText, part.Tagline);
    }

    private static void ValidatePrinciples(CatalogDocument document, List<CatalogIssue> issues, HashSet<string> sourceIds)
    {
        var numbers = new HashSet<int>();
        foreach (var principle in document.Principles)
        {
            if (principle.Number is < 1 or > PrincipleCount)
            {
                issues.Add(new(principle, "number", "The principle number {0} is not between 1 and 10.", principle.Number));
            }
            else if (!numbers.Add(principle.Number))
            {
                issues.Add(new(principle, "number", "Principle {0} is defined twice.", principle.Number));
            }

            Text(issues, principle, "label", MaxShortText, principle.Label);
            Text(issues, principle, "title", MaxShortText, principle.Title);
            Text(issues, principle, "summary", MaxLongText, principle.Summary);
            Texts(issues, principle, "background", MaxLongText, principle.Background);
            Texts(issues, principle, "governanceCode", MaxLongText, principle.GovernanceCode);
            Text(issues, principle, "example", MaxLongText, principle.Example);
            Texts(issues, principle, "management", MaxLongText, principle.Management);
            Text(issues, principle, "doNot", MaxLongText, principle.DoNot);
            Sources(issues, principle, principle.Sources, sourceIds);
        }

        for (var number = 1; number <= PrincipleCount; number++)
        {
            if (!numbers.Contains(number) && !document.Principles.Any(p => p.Number == number))
            {
                issues.Add(new(document, "principles", "Principle {0} is missing; a catalogue holds all ten principles.", number));
            }
        }
    }

    private static void ValidateThemes(CatalogDocument document, List<CatalogIssue> issues, HashSet<string> sourceIds)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var theme in document.Themes)
        {
            if (!ThemeKeyPattern().IsMatch(theme.Key) || theme.Key.StartsWith('P'))
            {
                issues.Add(new(theme, "key", "The theme key '{0}' must be two to four capital letters and must not start with P.", theme.Key));
            }
            else if (!keys.Add(theme.Key))
            {
                issues.Add(new(theme, "key", "The theme '{0}' is defined twice.", theme.Key));
            }

            Text(issues, theme, "name", MaxShortText, theme.Name);
            Text(issues, theme, "purpose", MaxLongText, theme.Purpose);
            Sources(issues, theme, theme.Sources, sourceIds);
        }
    }

    private static void ValidateParameters(CatalogDocument document, List<CatalogIssue> issues)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in document.Parameters)
        {
            if (!ParameterKeyPattern().IsMatch(parameter.Key))
            {
                issues.Add(new(parameter, "key", "The parameter key '{0}' must be lower-case words joined by dots or hyphens.", parameter.Key));
            }
            else if (!keys.Add(parameter.Key))
            {
                issues.Add(new(parameter, "key", "The parameter '{0}' is defined twice.", parameter.Key));
            }

            if (parameter.Type == ParameterType.Integer && decimal.Truncate(parameter.Value) != parameter.Value)
            {
                issues.Add(new(parameter, "value", "The parameter '{0}' is an integer but its value is {1}.", parameter.Key, parameter.Value));
            }

            Text(issues, parameter, "name", MaxShortText, parameter.Name);
            Text(issues, parameter, "description", MaxLongText, parameter.Description);
        }
    }

    private static void ValidateCheckpoints(CatalogDocument document, List<CatalogIssue> issues, HashSet<string> sourceIds)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var checkpoint in document.Checkpoints)
        {
            var match = CheckpointIdPattern().Match(checkpoint.Id);
            if (!match.Success)
            {
                issues.Add(new(checkpoint, "id", "The checkpoint id '{0}' must look like P3-01 or UX-01.", checkpoint.Id));
            }
            else if (!ids.Add(checkpoint.Id))
            {
                issues.Add(new(checkpoint, "id", "The checkpoint id '{0}' is used twice.", checkpoint.Id));
            }

            ValidateOwner(document, checkpoint, match, issues);
            Text(issues, checkpoint, "title", MaxShortText, checkpoint.Title);
            Text(issues, checkpoint, "guidance", MaxLongText, checkpoint.Guidance);
            Text(issues, checkpoint, "evidence", MaxLongText, checkpoint.Evidence);

            if (checkpoint.Phases.Count == 0)
            {
                issues.Add(new(checkpoint, "phases", "Checkpoint {0} names no lifecycle phase.", checkpoint.Id));
            }

            DuplicatesIn(issues, checkpoint, "phases", checkpoint.Phases.Select(CatalogCodes.Code).ToList());

            for (var i = 0; i < checkpoint.ScannerRules.Count; i++)
            {
                var rule = ScannerRules.Find(checkpoint.ScannerRules[i]);
                if (rule is null)
                {
                    issues.Add(new(checkpoint, $"scannerRules[{i}]", "The scanner does not know the rule '{0}'.", checkpoint.ScannerRules[i]));
                }
                else if (!rule.RunsUnder(ScanOptions.PlatformRules))
                {
                    // A rule the platform's scans never run would leave the checkpoint without evidence, silently.
                    issues.Add(new(checkpoint, $"scannerRules[{i}]", "The scanner rule '{0}' does not run under the platform's rule profile ({1}), so it can never give evidence.", rule.Id, PlatformProfile));
                }
            }

            DuplicatesIn(issues, checkpoint, "scannerRules", checkpoint.ScannerRules);
            if (checkpoint.CheckType == CheckType.A && checkpoint.ScannerRules.Count == 0)
            {
                issues.Add(new(checkpoint, "scannerRules", "Checkpoint {0} is checked automatically (A) but names no scanner rule.", checkpoint.Id));
            }

            for (var i = 0; i < checkpoint.Parameters.Count; i++)
            {
                if (document.FindParameter(checkpoint.Parameters[i]) is null)
                {
                    issues.Add(new(checkpoint, $"parameters[{i}]", "The parameter '{0}' is not defined.", checkpoint.Parameters[i]));
                }
            }

            ValidateMappings(checkpoint, issues);
            Sources(issues, checkpoint, checkpoint.Sources, sourceIds);
        }
    }

    private static void ValidateOwner(CatalogDocument document, Checkpoint checkpoint, Match id, List<CatalogIssue> issues)
    {
        if ((checkpoint.Principle is null) == (checkpoint.Theme is null))
        {
            issues.Add(new(checkpoint, "principle", "Checkpoint {0} must belong to exactly one principle or one theme.", checkpoint.Id));
            return;
        }

        string expectedPrefix;
        if (checkpoint.Principle is { } number)
        {
            if (document.FindPrinciple(number) is null)
            {
                issues.Add(new(checkpoint, "principle", "Checkpoint {0} refers to principle {1}, which is not defined.", checkpoint.Id, number));
            }

            expectedPrefix = "P" + number.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            if (document.FindTheme(checkpoint.Theme!) is null)
            {
                issues.Add(new(checkpoint, "theme", "Checkpoint {0} refers to the theme '{1}', which is not defined.", checkpoint.Id, checkpoint.Theme!));
            }

            expectedPrefix = checkpoint.Theme!;
        }

        if (id.Success && !string.Equals(id.Groups["prefix"].Value, expectedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new(checkpoint, "id", "The checkpoint id '{0}' must start with {1}- to match where it belongs.", checkpoint.Id, expectedPrefix));
        }
    }

    private static void ValidateMappings(Checkpoint checkpoint, List<CatalogIssue> issues)
    {
        var mappings = checkpoint.Mappings;
        for (var i = 0; i < mappings.Wcag.Count; i++)
        {
            var wcag = mappings.Wcag[i];
            var criterion = WcagCriteria.Find(wcag.Criterion);
            if (criterion is null)
            {
                issues.Add(new(checkpoint, $"mappings.wcag[{i}].criterion", "'{0}' is not a WCAG success criterion.", wcag.Criterion));
            }
            else if (!string.Equals(criterion.IntroducedIn, wcag.Version, StringComparison.Ordinal))
            {
                issues.Add(new(checkpoint, $"mappings.wcag[{i}].version", "WCAG {0} was introduced in WCAG {1}, not {2}.", wcag.Criterion, criterion.IntroducedIn, wcag.Version));
            }
        }

        DuplicatesIn(issues, checkpoint, "mappings.wcag", mappings.Wcag.Select(w => w.Criterion).ToList());

        for (var i = 0; i < mappings.Jis.Count; i++)
        {
            if (WcagCriteria.FromJisNumber(mappings.Jis[i]) is null)
            {
                issues.Add(new(checkpoint, $"mappings.jis[{i}]", "'{0}' is not a JIS X 8341-3:2016 success criterion (for example 7.1.4.3).", mappings.Jis[i]));
            }
        }

        DuplicatesIn(issues, checkpoint, "mappings.jis", mappings.Jis);

        for (var i = 0; i < mappings.UkServiceStandard.Count; i++)
        {
            if (mappings.UkServiceStandard[i] is < 1 or > UkServiceStandardPoints)
            {
                issues.Add(new(checkpoint, $"mappings.ukServiceStandard[{i}]", "The UK Service Standard has points 1 to 14, not {0}.", mappings.UkServiceStandard[i]));
            }
        }

        for (var i = 0; i < mappings.UsPlaybook.Count; i++)
        {
            if (mappings.UsPlaybook[i] is < 1 or > UsPlaybookPlays)
            {
                issues.Add(new(checkpoint, $"mappings.usPlaybook[{i}]", "The US Digital Services Playbook has plays 1 to 13, not {0}.", mappings.UsPlaybook[i]));
            }
        }

        for (var i = 0; i < mappings.Asvs.Count; i++)
        {
            if (!AsvsChapterPattern().IsMatch(mappings.Asvs[i]))
            {
                issues.Add(new(checkpoint, $"mappings.asvs[{i}]", "'{0}' is not an OWASP ASVS 5.0 chapter (V1 to V17).", mappings.Asvs[i]));
            }
        }

        DuplicatesIn(issues, checkpoint, "mappings.asvs", mappings.Asvs);
    }

    private static void Text(List<CatalogIssue> issues, object target, string field, int maxLength, LocalizedText? text)
    {
        if (string.IsNullOrWhiteSpace(text?.Ja))
        {
            issues.Add(new(target, field + ".ja", "The Japanese text of '{0}' is missing.", field));
        }
        else if (text.Ja.Length > maxLength)
        {
            issues.Add(new(target, field + ".ja", "The Japanese text of '{0}' is longer than {1} characters.", field, maxLength));
        }

        if (string.IsNullOrWhiteSpace(text?.En))
        {
            issues.Add(new(target, field + ".en", "The English text of '{0}' is missing.", field));
        }
        else if (text.En.Length > maxLength)
        {
            issues.Add(new(target, field + ".en", "The English text of '{0}' is longer than {1} characters.", field, maxLength));
        }
    }

    /// <summary>A single text (not a Japanese–English pair) that must stay within <paramref name="maxLength"/> characters.</summary>
    public static void MaxLength(List<CatalogIssue> issues, object target, string field, string? text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (text is not null && text.Length > maxLength)
        {
            issues.Add(new(target, field, "The text of '{0}' is longer than {1} characters.", field, maxLength));
        }
    }

    /// <summary>Both languages of a text within <paramref name="maxLength"/> characters; a missing text is not checked here.</summary>
    public static void MaxLength(List<CatalogIssue> issues, object target, string field, LocalizedText? text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (text?.Ja is { } ja && ja.Length > maxLength)
        {
            issues.Add(new(target, field + ".ja", "The Japanese text of '{0}' is longer than {1} characters.", field, maxLength));
        }

        if (text?.En is { } en && en.Length > maxLength)
        {
            issues.Add(new(target, field + ".en", "The English text of '{0}' is longer than {1} characters.", field, maxLength));
        }
    }

    private static void Texts(List<CatalogIssue> issues, object target, string field, int maxLength, List<LocalizedText> texts)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            Text(issues, target, $"{field}[{i}]", maxLength, texts[i]);
        }
    }

    private static void Sources(List<CatalogIssue> issues, object target, List<SourceReference> sources, HashSet<string> sourceIds)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (!sourceIds.Contains(sources[i].Id))
            {
                issues.Add(new(target, $"sources[{i}].id", "The source '{0}' is not listed in the catalogue's sources.", sources[i].Id));
            }

            if (sources[i].Locator is { Length: > MaxLocator })
            {
                issues.Add(new(target, $"sources[{i}].locator", "The place in source '{0}' is longer than {1} characters.", sources[i].Id, MaxLocator));
            }
        }
    }

    private static void DuplicatesIn(List<CatalogIssue> issues, object target, string field, List<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i]))
            {
                issues.Add(new(target, $"{field}[{i}]", "'{0}' is listed twice.", values[i]));
            }
        }
    }

    [GeneratedRegex("^(?<prefix>P(?:10|[1-9])|[A-Z]{2,4})-[0-9]{2,3}$")]
    private static partial Regex CheckpointIdPattern();

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex ThemeKeyPattern();

    [GeneratedRegex("^[a-z0-9]+(?:[.-][a-z0-9]+)*$")]
    private static partial Regex ParameterKeyPattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SourceIdPattern();

    [GeneratedRegex("^V(?:[1-9]|1[0-7])$")]
    private static partial Regex AsvsChapterPattern();
}

/// <summary>A semantic version (major.minor.patch); pre-release tags are not used for catalogues.</summary>
public readonly partial record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        version = new(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public int CompareTo(SemanticVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    [GeneratedRegex("^(0|[1-9][0-9]{0,4})\\.(0|[1-9][0-9]{0,4})\\.(0|[1-9][0-9]{0,4})$")]
    private static partial Regex Pattern();
}
