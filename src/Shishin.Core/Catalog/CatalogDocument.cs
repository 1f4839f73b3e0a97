using System.Text.Json.Serialization;

namespace Shishin.Core.Catalog;

// The content of one catalogue version. It is stored as one JSON document per version (ADR 0008): a version is
// read and published as a whole, is small (well under a megabyte), and must never change once published.

/// <summary>A text in both product languages; both are required.</summary>
public sealed record LocalizedText(string Ja, string En)
{
    public static readonly LocalizedText Empty = new("", "");

    public string For(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Ja;
}

public sealed class CatalogDocument
{
    public string Version { get; set; } = "";
    public LocalizedText Title { get; set; } = LocalizedText.Empty;
    public LocalizedText? Changelog { get; set; }

    /// <summary>The guidelines' preamble (前文), paragraph by paragraph: why they exist (QOS for QOL, the SDGs).</summary>
    public List<LocalizedText> Preamble { get; set; } = [];

    /// <summary>The guidelines' purpose (策定目的), point by point.</summary>
    public List<LocalizedText> Purpose { get; set; } = [];

    /// <summary>How the guidelines are built: the code of conduct and the technical guidelines; null in catalogues before 1.1.0.</summary>
    public CatalogStructure? Structure { get; set; }

    public List<CatalogSource> Sources { get; set; } = [];
    public List<Principle> Principles { get; set; } = [];
    public List<Theme> Themes { get; set; } = [];
    public List<CatalogParameter> Parameters { get; set; } = [];
    public List<Checkpoint> Checkpoints { get; set; } = [];

    /// <summary>The changelog: one release per version, newest first (changelog.yaml).</summary>
    public List<CatalogRelease> Releases { get; set; } = [];

    public Checkpoint? FindCheckpoint(string id) => Checkpoints.Find(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
    public Principle? FindPrinciple(int number) => Principles.Find(p => p.Number == number);
    public Theme? FindTheme(string key) => Themes.Find(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
    public CatalogParameter? FindParameter(string key) => Parameters.Find(p => string.Equals(p.Key, key, StringComparison.Ordinal));
    public CatalogSource? FindSource(string id) => Sources.Find(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>The changelog's releases newer than <paramref name="version"/> (all of them when it is null), newest first.</summary>
    public IEnumerable<CatalogRelease> ReleasesSince(string? version) =>
        Releases.Where(r => !SemanticVersion.TryParse(version, out var since) || (SemanticVersion.TryParse(r.Version, out var v) && v > since));

    /// <summary>The checkpoints of one principle or theme, in catalogue order.</summary>
    public IEnumerable<Checkpoint> CheckpointsOf(int? principle, string? theme) =>
        Checkpoints.Where(c => principle is not null ? c.Principle == principle : string.Equals(c.Theme, theme, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The two parts of the guidelines: the code of conduct (行動規範, the principles) and the technical guidelines (the themes).</summary>
public sealed class CatalogStructure
{
    public StructurePart Principles { get; set; } = new();
    public StructurePart Themes { get; set; } = new();
}

public sealed class StructurePart
{
    public LocalizedText Name { get; set; } = LocalizedText.Empty;
    public LocalizedText Description { get; set; } = LocalizedText.Empty;

    /// <summary>The part's short motto, as the guidelines sum it up.</summary>
    public LocalizedText Tagline { get; set; } = LocalizedText.Empty;
}

/// <summary>What one version changed, entry by entry.</summary>
public sealed class CatalogRelease
{
    public string Version { get; set; } = "";
    public DateOnly Date { get; set; }
    public List<ChangelogEntry> Entries { get; set; } = [];
}

public sealed class ChangelogEntry
{
    /// <summary>
    /// What the entry is about: checkpoint ids, principles (P1–P10), theme keys, parameter keys, source ids, or the
    /// header fields (<see cref="CatalogChangelog.HeaderIds"/>).
    /// </summary>
    public List<string> Ids { get; set; } = [];

    public ChangelogKind Kind { get; set; }
    public LocalizedText Text { get; set; } = LocalizedText.Empty;

    /// <summary>The key of the change proposal (theme of change) it came from.</summary>
    public string? Proposal { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ChangelogKind>))]
public enum ChangelogKind
{
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("changed")] Changed,
    [JsonStringEnumMemberName("retired")] Retired,
    [JsonStringEnumMemberName("mapping")] Mapping,
}

public sealed class CatalogSource
{
    public string Id { get; set; } = "";
    public LocalizedText Title { get; set; } = LocalizedText.Empty;
    public Uri? Url { get; set; }
}

public sealed class SourceReference
{
    public string Id { get; set; } = "";
    public string? Locator { get; set; }
}

public sealed class Principle
{
    public int Number { get; set; }
    public LocalizedText Label { get; set; } = LocalizedText.Empty;
    public LocalizedText Title { get; set; } = LocalizedText.Empty;
    public LocalizedText Summary { get; set; } = LocalizedText.Empty;
    public List<LocalizedText> Background { get; set; } = [];
    public List<LocalizedText> GovernanceCode { get; set; } = [];
    public LocalizedText Example { get; set; } = LocalizedText.Empty;
    public List<LocalizedText> Management { get; set; } = [];
    public LocalizedText DoNot { get; set; } = LocalizedText.Empty;
    public List<SourceReference> Sources { get; set; } = [];
}

public sealed class Theme
{
    public string Key { get; set; } = "";
    public LocalizedText Name { get; set; } = LocalizedText.Empty;
    public LocalizedText Purpose { get; set; } = LocalizedText.Empty;
    public List<SourceReference> Sources { get; set; } = [];
}

public sealed class Checkpoint
{
    public string Id { get; set; } = "";
    public int? Principle { get; set; }
    public string? Theme { get; set; }
    public LocalizedText Title { get; set; } = LocalizedText.Empty;
    public LocalizedText Guidance { get; set; } = LocalizedText.Empty;
    public LocalizedText Evidence { get; set; } = LocalizedText.Empty;
    public List<LifecyclePhase> Phases { get; set; } = [];
    public CheckType CheckType { get; set; }
    public List<string> ScannerRules { get; set; } = [];
    public List<string> Parameters { get; set; } = [];
    public CheckpointMappings Mappings { get; set; } = new();
    public List<SourceReference> Sources { get; set; } = [];
    public bool Retired { get; set; }
}

public sealed class CheckpointMappings
{
    public List<WcagMapping> Wcag { get; set; } = [];
    public List<string> Jis { get; set; } = [];
    public List<int> UkServiceStandard { get; set; } = [];
    public List<int> UsPlaybook { get; set; } = [];
    public List<string> Asvs { get; set; } = [];

    [JsonIgnore]
    public bool IsEmpty => Wcag.Count + Jis.Count + UkServiceStandard.Count + UsPlaybook.Count + Asvs.Count == 0;
}

/// <summary>A WCAG success criterion and the WCAG version that introduced it.</summary>
public sealed record WcagMapping(string Criterion, string Version);

public sealed class CatalogParameter
{
    public string Key { get; set; } = "";
    public ParameterType Type { get; set; }
    public ParameterUnit Unit { get; set; }
    public decimal Value { get; set; }
    public LocalizedText Name { get; set; } = LocalizedText.Empty;
    public LocalizedText Description { get; set; } = LocalizedText.Empty;
    public bool Retired { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<LifecyclePhase>))]
public enum LifecyclePhase
{
    [JsonStringEnumMemberName("hypothesis")] Hypothesis,
    [JsonStringEnumMemberName("service-design")] ServiceDesign,
    [JsonStringEnumMemberName("requirements")] Requirements,
    [JsonStringEnumMemberName("development")] Development,
    [JsonStringEnumMemberName("operation")] Operation,
}

/// <summary>A automated by the scanner, S tool evidence plus a person's sign-off, H human review.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckType>))]
public enum CheckType
{
    A,
    S,
    H,
}

[JsonConverter(typeof(JsonStringEnumConverter<ParameterType>))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The codes 'number' and 'integer' are the catalogue's published vocabulary.")]
public enum ParameterType
{
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("integer")] Integer,
}

[JsonConverter(typeof(JsonStringEnumConverter<ParameterUnit>))]
public enum ParameterUnit
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("points")] Points,
    [JsonStringEnumMemberName("seconds")] Seconds,
    [JsonStringEnumMemberName("milliseconds")] Milliseconds,
    [JsonStringEnumMemberName("days")] Days,
    [JsonStringEnumMemberName("percent")] Percent,
    [JsonStringEnumMemberName("count")] Count,
    [JsonStringEnumMemberName("ratio")] Ratio,
    [JsonStringEnumMemberName("bytes")] Bytes,
    [JsonStringEnumMemberName("pixels")] Pixels,
}

/// <summary>The codes used in YAML, JSON and CSV, and the Japanese names of the lifecycle phases.</summary>
public static class CatalogCodes
{
    public static readonly IReadOnlyDictionary<string, LifecyclePhase> Phases = new Dictionary<string, LifecyclePhase>(StringComparer.Ordinal)
    {
        ["hypothesis"] = LifecyclePhase.Hypothesis,
        ["service-design"] = LifecyclePhase.ServiceDesign,
        ["requirements"] = LifecyclePhase.Requirements,
        ["development"] = LifecyclePhase.Development,
        ["operation"] = LifecyclePhase.Operation,
    };

    public static readonly IReadOnlyDictionary<string, ParameterUnit> Units = Enum.GetValues<ParameterUnit>()
        .ToDictionary(Code, u => u, StringComparer.Ordinal);

    public static string Code(LifecyclePhase phase) => Phases.First(p => p.Value == phase).Key;

    public static string Code(ParameterUnit unit) => unit.ToString().ToLowerInvariant();

    public static string Code(ParameterType type) => type.ToString().ToLowerInvariant();

    public static string Code(ChangelogKind kind) => kind.ToString().ToLowerInvariant();

    public static readonly IReadOnlyDictionary<string, ChangelogKind> ChangelogKinds = Enum.GetValues<ChangelogKind>()
        .ToDictionary(Code, k => k, StringComparer.Ordinal);
}
