using System.Globalization;
using System.Text.RegularExpressions;

namespace Shishin.Core.Catalog;

// The changelog and the rules between one version and the next: ids stay stable (retire, never remove or renumber),
// and each release says what it changed.
public static partial class CatalogValidator
{
    /// <summary>The header fields a changelog entry may name, besides the catalogue's items.</summary>
    public static readonly IReadOnlyList<string> ChangelogHeaderIds = ["title", "preamble", "purpose", "structure"];

    /// <summary>Whether a changelog entry's id names something in the catalogue.</summary>
    public static bool Refers(CatalogDocument document, string id)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ChangelogHeaderIds.Contains(id, StringComparer.Ordinal)
            || document.FindCheckpoint(id) is not null
            || (PrincipleRefPattern().Match(id) is { Success: true } m && document.FindPrinciple(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) is not null)
            || (ThemeKeyPattern().IsMatch(id) && document.FindTheme(id) is not null)
            || document.FindParameter(id) is not null
            || document.FindSource(id) is not null;
    }

    private static void ValidateReleases(CatalogDocument document, List<CatalogIssue> issues)
    {
        var hasVersion = SemanticVersion.TryParse(document.Version, out var documentVersion);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        SemanticVersion? newer = null;
        foreach (var release in document.Releases)
        {
            if (!SemanticVersion.TryParse(release.Version, out var version))
            {
                issues.Add(new(release, "version", "The version '{0}' is not a semantic version such as 1.2.0.", release.Version));
            }
            else if (!seen.Add(release.Version))
            {
                issues.Add(new(release, "version", "The changelog has version {0} twice.", release.Version));
            }
            else if (hasVersion && version > documentVersion)
            {
                issues.Add(new(release, "version", "The changelog names version {0}, which is newer than the catalogue ({1}).", release.Version, document.Version));
            }
            else if (newer is { } previous && version > previous)
            {
                issues.Add(new(release, "version", "The changelog lists the newest version first; {0} comes after {1}.", release.Version, previous.ToString()));
            }
            else
            {
                newer = version;
            }

            if (release.Date == default)
            {
                issues.Add(new(release, "date", "The changelog of version {0} has no date.", release.Version));
            }

            if (release.Entries.Count == 0)
            {
                issues.Add(new(release, "entries", "The changelog of version {0} has no entries.", release.Version));
            }

            // Older releases were checked when they were current; an item they name may since have gone (a source).
            var current = string.Equals(release.Version, document.Version, StringComparison.Ordinal);
            foreach (var entry in release.Entries)
            {
                ValidateEntry(document, entry, current, issues);
            }
        }
    }

    private static void ValidateEntry(CatalogDocument document, ChangelogEntry entry, bool current, List<CatalogIssue> issues)
    {
        if (entry.Ids.Count == 0)
        {
            issues.Add(new(entry, "ids", "A changelog entry names at least one checkpoint, principle, theme, parameter, source or header field."));
        }

        DuplicatesIn(issues, entry, "ids", entry.Ids);
        Text(issues, entry, "text", MaxLongText, entry.Text);
        if (entry.Proposal is not null && !SourceIdPattern().IsMatch(entry.Proposal))
        {
            issues.Add(new(entry, "proposal", "The proposal key '{0}' must be lower-case letters, digits and hyphens.", entry.Proposal));
        }

        if (!current)
        {
            return;
        }

        for (var i = 0; i < entry.Ids.Count; i++)
        {
            var id = entry.Ids[i];
            if (!Refers(document, id))
            {
                issues.Add(new(entry, $"ids[{i}]", "The changelog names '{0}', which is not in the catalogue.", id));
            }
            else if (entry.Kind == ChangelogKind.Retired && (document.FindCheckpoint(id) is { Retired: false } || document.FindParameter(id) is { Retired: false }))
            {
                issues.Add(new(entry, $"ids[{i}]", "The changelog retires '{0}', but it is not marked retired.", id));
            }
        }
    }

    /// <summary>
    /// The rules between a version and the one before it: every checkpoint and parameter of <paramref name="previous"/>
    /// is still there (retired if it is no longer used; ids are never removed, reused or renumbered), the version is
    /// higher, earlier releases stay in the changelog, and what the changelog calls added is new.
    /// </summary>
    public static IReadOnlyList<CatalogIssue> ValidateSuccessor(CatalogDocument previous, CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(document);
        var issues = new List<CatalogIssue>();
        if (SemanticVersion.TryParse(previous.Version, out var before) && SemanticVersion.TryParse(document.Version, out var after) && after <= before)
        {
            issues.Add(new(document, "version", "The version must be higher than {0}.", previous.Version));
        }

        foreach (var checkpoint in previous.Checkpoints.Where(c => document.FindCheckpoint(c.Id) is null))
        {
            issues.Add(new(document, "checkpoints", "Checkpoint {0} of version {1} is missing: keep it with retired: true instead of removing it, as ids are never reused or renumbered.", checkpoint.Id, previous.Version));
        }

        foreach (var parameter in previous.Parameters.Where(p => document.FindParameter(p.Key) is null))
        {
            issues.Add(new(document, "parameters", "The parameter '{0}' of version {1} is missing: keep it with retired: true instead of removing it.", parameter.Key, previous.Version));
        }

        foreach (var release in previous.Releases.Where(r => !document.Releases.Any(d => d.Version == r.Version)))
        {
            issues.Add(new(document, "releases", "The changelog of version {0} is missing; earlier releases stay in the changelog.", release.Version));
        }

        foreach (var entry in document.Releases.Where(r => r.Version == document.Version).SelectMany(r => r.Entries).Where(e => e.Kind == ChangelogKind.Added))
        {
            for (var i = 0; i < entry.Ids.Count; i++)
            {
                if (previous.FindCheckpoint(entry.Ids[i]) is not null || previous.FindParameter(entry.Ids[i]) is not null)
                {
                    issues.Add(new(entry, $"ids[{i}]", "The changelog adds '{0}', but version {1} already has it.", entry.Ids[i], previous.Version));
                }
            }
        }

        return issues;
    }

    /// <summary>
    /// What a catalogue shipped as files needs besides <see cref="Validate"/>: the preamble, purpose and structure of the
    /// guidelines, and a changelog entry for its own version.
    /// </summary>
    public static IReadOnlyList<CatalogIssue> ValidateShipped(CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var issues = new List<CatalogIssue>();
        if (document.Preamble.Count == 0)
        {
            issues.Add(new(document, "preamble", "The catalogue has no preamble (why the guidelines exist)."));
        }

        if (document.Purpose.Count == 0)
        {
            issues.Add(new(document, "purpose", "The catalogue has no purpose (what the guidelines are for)."));
        }

        if (document.Structure is null)
        {
            issues.Add(new(document, "structure", "The catalogue does not describe its structure (code of conduct and technical guidelines)."));
        }

        if (!document.Releases.Any(r => r.Version == document.Version))
        {
            issues.Add(new(document, "releases", "The changelog (changelog.yaml) has no entries for version {0}.", document.Version));
        }

        return issues;
    }

    [GeneratedRegex("^P(10|[1-9])$")]
    private static partial Regex PrincipleRefPattern();
}
