using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shishin.Core.Catalog;

/// <summary>A problem in a catalogue file, with the 1-based line and column it is at.</summary>
public sealed record CatalogFileError(string File, int Line, int Column, string Template, params object[] Args)
{
    public string Message => string.Format(CultureInfo.InvariantCulture, Template, Args);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}

public sealed record CatalogReadResult(CatalogDocument? Document, IReadOnlyList<CatalogFileError> Errors)
{
    public bool Succeeded => Document is not null && Errors.Count == 0;
}

/// <summary>
/// Reads a catalogue from YAML files. It walks YamlDotNet's node tree by hand instead of deserialising, because every
/// value must keep its line and column so that each error can point at the exact place to fix.
/// </summary>
public static partial class CatalogYamlReader
{
    /// <summary>
    /// Reads a catalogue folder. <paramref name="moreRules"/> adds checks beyond <see cref="CatalogValidator.Validate"/>
    /// (those for a shipped catalogue, those against the previous version); their issues are placed like the others.
    /// </summary>
    public static CatalogReadResult ReadDirectory(string directory, Func<CatalogDocument, IEnumerable<CatalogIssue>>? moreRules = null)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            return new(null, [new CatalogFileError(directory, 0, 0, "The directory does not exist.")]);
        }

        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Name: Path.GetRelativePath(root, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .ToList();
        return Read(files, moreRules);
    }

    /// <summary>Reads the files as parts of one catalogue; <paramref name="files"/> are (relative name, content).</summary>
    public static CatalogReadResult Read(IEnumerable<(string Name, string Text)> files, Func<CatalogDocument, IEnumerable<CatalogIssue>>? moreRules = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ordered = files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var errors = new List<CatalogFileError>();
        if (ordered.Count == 0)
        {
            return new(null, [new CatalogFileError("", 0, 0, "No catalogue files (*.yaml) were found.")]);
        }

        var document = new CatalogDocument();
        var positions = new Positions();
        var state = new MergeState();
        foreach (var (name, text) in ordered)
        {
            new FileReader(name, errors, positions, document, state).Read(text);
        }

        if (state.HeaderFile is null)
        {
            errors.Add(new("", 0, 0, "No file defines the catalogue's version and title (catalog.yaml)."));
        }

        CatalogOrdering.Normalise(document);
        var issues = CatalogValidator.Validate(document);
        foreach (var issue in errors.Count == 0 && issues.Count == 0 && moreRules is not null ? issues.Concat(moreRules(document)) : issues)
        {
            var (file, mark) = positions.Locate(issue.Target, issue.Field) ?? (state.HeaderFile ?? "", Mark.Empty);
            errors.Add(new(file, (int)mark.Line, (int)mark.Column, issue.Template, issue.Args));
        }

        var sorted = errors
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)
            .ToList();
        return new(sorted.Count == 0 ? document : null, sorted);
    }

    private sealed class MergeState
    {
        public string? HeaderFile { get; set; }
        public Dictionary<string, string> SingleValueFiles { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Where each object and each of its fields came from.</summary>
    private sealed class Positions
    {
        private readonly Dictionary<object, (string File, Mark Self, Dictionary<string, Mark> Fields)> map = new(ReferenceEqualityComparer.Instance);

        public void Add(object target, string file, Mark self) => map[target] = (file, self, new Dictionary<string, Mark>(StringComparer.Ordinal));

        public void Field(object target, string field, Mark mark)
        {
            if (map.TryGetValue(target, out var entry))
            {
                entry.Fields[field] = mark;
            }
        }

        public (string File, Mark Mark)? Locate(object target, string field)
        {
            if (!map.TryGetValue(target, out var entry))
            {
                return null;
            }

            // Fall back from "mappings.wcag[0].version" to "mappings.wcag[0]", "mappings.wcag", "mappings", the object.
            var path = field;
            while (path.Length > 0)
            {
                if (entry.Fields.TryGetValue(path, out var mark))
                {
                    return (entry.File, mark);
                }

                var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
                path = cut <= 0 ? "" : path[..cut];
            }

            return (entry.File, entry.Self);
        }
    }

    private sealed partial class FileReader(string file, List<CatalogFileError> errors, Positions positions, CatalogDocument document, MergeState state)
    {
        private static readonly string[] HeaderFields = ["version", "title", "changelog", "preamble", "purpose", "structure", "sources", "releases"];
        private static readonly string[] ListFields = ["principles", "themes", "parameters", "checkpoints"];
        private static readonly string[] TopLevelFields = CheckedTopLevelFields();

        private static string[] CheckedTopLevelFields()
        {
            var names = CatalogSchemaFields.Of("");
            var handled = HeaderFields.Concat(ListFields).ToHashSet(StringComparer.Ordinal);
            return handled.SetEquals(names)
                ? names
                : throw new InvalidOperationException(
                    $"The catalogue reader and catalog.schema.json disagree on the top-level fields: the schema has [{string.Join(", ", names)}].");
        }

        public void Read(string text)
        {
            var stream = new YamlStream();
            var parser = new TrackingParser(new Parser(new StringReader(text)));
            try
            {
                stream.Load(parser);
            }
            catch (YamlException e)
            {
                errors.Add(new(file, (int)e.Start.Line, (int)e.Start.Column, "YAML syntax error: {0}", Plain(e)));
                return;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner gives up on some unterminated flow collections without a YamlException;
                // the place it stopped is just after the last complete event.
                errors.Add(new(file, (int)parser.LastEnd.Line, (int)parser.LastEnd.Column, "YAML syntax error: an unclosed bracket, brace or quote after this point."));
                return;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return;
            }

            if (stream.Documents.Count > 1)
            {
                Error(stream.Documents[1].RootNode, "A catalogue file holds one YAML document; remove the extra '---'.");
            }

            if (Fields(stream.Documents[0].RootNode, TopLevelFields) is not { } fields)
            {
                return;
            }

            positions.Add(document, file, stream.Documents[0].RootNode.Start);
            foreach (var (key, (keyNode, value)) in fields)
            {
                switch (key)
                {
                    case var header when HeaderFields.Contains(header, StringComparer.Ordinal):
                        if (state.SingleValueFiles.TryGetValue(key, out var other))
                        {
                            Error(keyNode, "'{0}' is already defined in {1}.", key, other);
                            continue;
                        }

                        state.SingleValueFiles[key] = file;
                        state.HeaderFile ??= key is "version" or "title" ? file : state.HeaderFile;
                        positions.Field(document, key, value.Start);
                        ReadHeaderField(key, value);
                        break;
                    case "principles":
                        document.Principles.AddRange(List(value, ReadPrinciple));
                        break;
                    case "themes":
                        document.Themes.AddRange(List(value, ReadTheme));
                        break;
                    case "parameters":
                        document.Parameters.AddRange(List(value, ReadParameter));
                        break;
                    case "checkpoints":
                        document.Checkpoints.AddRange(List(value, ReadCheckpoint));
                        break;
                }
            }
        }

        private void ReadHeaderField(string key, YamlNode value)
        {
            switch (key)
            {
                case "version":
                    document.Version = String(value) ?? "";
                    break;
                case "title":
                    document.Title = Text(value, document, "title");
                    break;
                case "changelog":
                    document.Changelog = Text(value, document, "changelog");
                    break;
                case "preamble":
                    document.Preamble = TextList(value, document, "preamble");
                    break;
                case "purpose":
                    document.Purpose = TextList(value, document, "purpose");
                    break;
                case "structure":
                    document.Structure = ReadObject(value, StructureFields);
                    break;
                case "sources":
                    document.Sources.AddRange(List(value, ReadSource));
                    break;
                case "releases":
                    document.Releases.AddRange(List(value, n => ReadObject(n, ReleaseFields)));
                    break;
            }
        }

        private static readonly CatalogObjectFields<FileReader, StructurePart> StructurePartFields = new("/$defs/structurePart", new Dictionary<string, Action<FileReader, StructurePart, string, YamlNode>>
        {
            ["name"] = (r, s, key, v) => s.Name = r.Text(v, s, key),
            ["description"] = (r, s, key, v) => s.Description = r.Text(v, s, key),
            ["tagline"] = (r, s, key, v) => s.Tagline = r.Text(v, s, key),
        });

        private static readonly CatalogObjectFields<FileReader, CatalogStructure> StructureFields = new("/$defs/structure", new Dictionary<string, Action<FileReader, CatalogStructure, string, YamlNode>>
        {
            ["principles"] = (r, s, _, v) => s.Principles = r.ReadObject(v, StructurePartFields) ?? new(),
            ["themes"] = (r, s, _, v) => s.Themes = r.ReadObject(v, StructurePartFields) ?? new(),
        });

        private static readonly CatalogObjectFields<FileReader, ChangelogEntry> EntryFields = new("/$defs/changelogEntry", new Dictionary<string, Action<FileReader, ChangelogEntry, string, YamlNode>>
        {
            ["ids"] = (r, e, key, v) => e.Ids = r.List(v, r.String, e, key),
            ["kind"] = (r, e, _, v) => e.Kind = r.Code(v, CatalogCodes.ChangelogKinds, "kind of change") ?? ChangelogKind.Changed,
            ["text"] = (r, e, key, v) => e.Text = r.Text(v, e, key),
            ["proposal"] = (r, e, _, v) => e.Proposal = r.String(v),
        });

        private static readonly CatalogObjectFields<FileReader, CatalogRelease> ReleaseFields = new("/$defs/release", new Dictionary<string, Action<FileReader, CatalogRelease, string, YamlNode>>
        {
            ["version"] = (r, c, _, v) => c.Version = r.String(v) ?? "",
            ["date"] = (r, c, _, v) => c.Date = r.Date(v) ?? default,
            ["entries"] = (r, c, key, v) => c.Entries = r.List(v, n => r.ReadObject(n, EntryFields), c, key),
        });

        private static readonly CatalogObjectFields<FileReader, CatalogSource> SourceFields = new("/$defs/source", new Dictionary<string, Action<FileReader, CatalogSource, string, YamlNode>>
        {
            ["id"] = (r, s, _, v) => s.Id = r.String(v) ?? "",
            ["title"] = (r, s, key, v) => s.Title = r.Text(v, s, key),
            ["url"] = (r, s, _, v) => s.Url = r.HttpUrl(v) ?? s.Url,
        });

        private static readonly CatalogObjectFields<FileReader, Principle> PrincipleFields = new("/$defs/principle", new Dictionary<string, Action<FileReader, Principle, string, YamlNode>>
        {
            ["number"] = (r, p, _, v) => p.Number = r.Integer(v) ?? 0,
            ["label"] = (r, p, key, v) => p.Label = r.Text(v, p, key),
            ["title"] = (r, p, key, v) => p.Title = r.Text(v, p, key),
            ["summary"] = (r, p, key, v) => p.Summary = r.Text(v, p, key),
            ["background"] = (r, p, key, v) => p.Background = r.TextList(v, p, key),
            ["governanceCode"] = (r, p, key, v) => p.GovernanceCode = r.TextList(v, p, key),
            ["example"] = (r, p, key, v) => p.Example = r.Text(v, p, key),
            ["management"] = (r, p, key, v) => p.Management = r.TextList(v, p, key),
            ["doNot"] = (r, p, key, v) => p.DoNot = r.Text(v, p, key),
            ["sources"] = (r, p, _, v) => p.Sources = r.SourceList(v, p),
        });

        private static readonly CatalogObjectFields<FileReader, Theme> ThemeFields = new("/$defs/theme", new Dictionary<string, Action<FileReader, Theme, string, YamlNode>>
        {
            ["key"] = (r, t, _, v) => t.Key = r.String(v) ?? "",
            ["name"] = (r, t, key, v) => t.Name = r.Text(v, t, key),
            ["purpose"] = (r, t, key, v) => t.Purpose = r.Text(v, t, key),
            ["sources"] = (r, t, _, v) => t.Sources = r.SourceList(v, t),
        });

        private static readonly CatalogObjectFields<FileReader, CatalogParameter> ParameterFields = new("/$defs/parameter", new Dictionary<string, Action<FileReader, CatalogParameter, string, YamlNode>>
        {
            ["key"] = (r, p, _, v) => p.Key = r.String(v) ?? "",
            ["type"] = (r, p, _, v) => p.Type = r.Code(v, ParameterTypes, "parameter type") ?? ParameterType.Number,
            ["unit"] = (r, p, _, v) => p.Unit = r.Code(v, CatalogCodes.Units, "unit") ?? ParameterUnit.None,
            ["value"] = (r, p, _, v) => p.Value = r.Decimal(v) ?? 0,
            ["name"] = (r, p, key, v) => p.Name = r.Text(v, p, key),
            ["description"] = (r, p, key, v) => p.Description = r.Text(v, p, key),
            ["retired"] = (r, p, _, v) => p.Retired = r.Boolean(v) ?? false,
        });

        private static readonly CatalogObjectFields<FileReader, Checkpoint> CheckpointFields = new("/$defs/checkpoint", new Dictionary<string, Action<FileReader, Checkpoint, string, YamlNode>>
        {
            ["id"] = (r, c, _, v) => c.Id = r.String(v) ?? "",
            ["principle"] = (r, c, _, v) => c.Principle = r.Integer(v),
            ["theme"] = (r, c, _, v) => c.Theme = r.String(v),
            ["title"] = (r, c, key, v) => c.Title = r.Text(v, c, key),
            ["guidance"] = (r, c, key, v) => c.Guidance = r.Text(v, c, key),
            ["evidence"] = (r, c, key, v) => c.Evidence = r.Text(v, c, key),
            ["phases"] = (r, c, key, v) => c.Phases = [.. r.List(v, n => r.Code(n, CatalogCodes.Phases, "lifecycle phase") is { } p ? (LifecyclePhase?)p : null, c, key).Select(p => p!.Value)],
            ["checkType"] = (r, c, _, v) => c.CheckType = r.Code(v, CheckTypes, "check type") ?? CheckType.H,
            ["scannerRules"] = (r, c, key, v) => c.ScannerRules = r.List(v, r.String, c, key),
            ["parameters"] = (r, c, key, v) => c.Parameters = r.List(v, r.String, c, key),
            ["mappings"] = (r, c, _, v) => c.Mappings = r.ReadMappings(v, c),
            ["sources"] = (r, c, _, v) => c.Sources = r.SourceList(v, c),
            ["retired"] = (r, c, _, v) => c.Retired = r.Boolean(v) ?? false,
        });

        private static readonly CatalogObjectFields<FileReader, CheckpointMappings> MappingFields = new("/$defs/checkpoint/properties/mappings", new Dictionary<string, Action<FileReader, CheckpointMappings, string, YamlNode>>
        {
            // The mapping's positions are recorded on its checkpoint (set by ReadMappings), under "mappings.<field>".
            ["wcag"] = (r, m, path, v) =>
            {
                var index = 0;
                m.Wcag = r.List(v, n => r.ReadWcag(n, r.mappingOwner!, $"{path}[{index++}]"), r.mappingOwner, path);
            },
            ["jis"] = (r, m, path, v) => m.Jis = r.List(v, r.String, r.mappingOwner, path),
            ["ukServiceStandard"] = (r, m, path, v) => m.UkServiceStandard = [.. r.List(v, r.Integer, r.mappingOwner, path).Select(i => i!.Value)],
            ["usPlaybook"] = (r, m, path, v) => m.UsPlaybook = [.. r.List(v, r.Integer, r.mappingOwner, path).Select(i => i!.Value)],
            ["asvs"] = (r, m, path, v) => m.Asvs = r.List(v, r.String, r.mappingOwner, path),
        });

        private static readonly string[] WcagFields = CatalogSchemaFields.Of("/$defs/checkpoint/properties/mappings/properties/wcag/items");
        private static readonly string[] SourceReferenceFields = CatalogSchemaFields.Of("/$defs/sourceReference");
        private static readonly string[] TextFields = CatalogSchemaFields.Of("/$defs/text");

        /// <summary>The checkpoint whose mappings are being read: their positions are recorded on it.</summary>
        private Checkpoint? mappingOwner;

        /// <summary>Reads a mapping into a new object, recording where it and each of its fields came from.</summary>
        private T? ReadObject<T>(YamlNode node, CatalogObjectFields<FileReader, T> fields)
            where T : class, new()
        {
            if (Fields(node, fields.Names) is not { } values)
            {
                return null;
            }

            var target = new T();
            positions.Add(target, file, node.Start);
            foreach (var (key, (_, value)) in values)
            {
                positions.Field(target, key, value.Start);
                fields.Readers[key](this, target, key, value);
            }

            return target;
        }

        private CatalogSource? ReadSource(YamlNode node) => ReadObject(node, SourceFields);

        private Principle? ReadPrinciple(YamlNode node) => ReadObject(node, PrincipleFields);

        private Theme? ReadTheme(YamlNode node) => ReadObject(node, ThemeFields);

        private CatalogParameter? ReadParameter(YamlNode node)
        {
            var parameter = ReadObject(node, ParameterFields);
            if (parameter is not null && node is YamlMappingNode mapping && !HasKey(mapping, "value"))
            {
                Error(node, "The parameter '{0}' has no value.", parameter.Key);
            }

            return parameter;
        }

        private Checkpoint? ReadCheckpoint(YamlNode node)
        {
            var checkpoint = ReadObject(node, CheckpointFields);
            if (checkpoint is not null && node is YamlMappingNode mapping && !HasKey(mapping, "checkType"))
            {
                Error(node, "Checkpoint {0} has no checkType (A, S or H).", checkpoint.Id);
            }

            return checkpoint;
        }

        private static bool HasKey(YamlMappingNode mapping, string key) =>
            mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: var v } && v == key);

        private CheckpointMappings ReadMappings(YamlNode node, Checkpoint checkpoint)
        {
            var mappings = new CheckpointMappings();
            if (Fields(node, MappingFields.Names) is not { } fields)
            {
                return mappings;
            }

            mappingOwner = checkpoint;
            foreach (var (key, (_, value)) in fields)
            {
                var path = "mappings." + key;
                positions.Field(checkpoint, path, value.Start);
                MappingFields.Readers[key](this, mappings, path, value);
            }

            mappingOwner = null;
            return mappings;
        }

        private WcagMapping? ReadWcag(YamlNode node, Checkpoint checkpoint, string path)
        {
            if (Fields(node, WcagFields) is not { } fields)
            {
                return null;
            }

            if (!fields.TryGetValue("criterion", out var criterion) || !fields.TryGetValue("version", out var version))
            {
                Error(node, "A WCAG mapping needs both 'criterion' and 'version', for example {{ criterion: \"1.4.3\", version: \"2.0\" }}.");
                return null;
            }

            positions.Field(checkpoint, path + ".criterion", criterion.Value.Start);
            positions.Field(checkpoint, path + ".version", version.Value.Start);
            return new WcagMapping(String(criterion.Value) ?? "", String(version.Value) ?? "");
        }

        private Uri? HttpUrl(YamlNode node)
        {
            var url = String(node);
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }

            Error(node, "'{0}' is not an http or https address.", url ?? "");
            return null;
        }

        private List<SourceReference> SourceList(YamlNode node, object owner)
        {
            var index = 0;
            return List(node, n =>
            {
                if (Fields(n, SourceReferenceFields) is not { } fields)
                {
                    return null;
                }

                if (fields.TryGetValue("id", out var idNode))
                {
                    positions.Field(owner, $"sources[{index}].id", idNode.Value.Start);
                }

                index++;

                return new SourceReference
                {
                    Id = fields.TryGetValue("id", out var id) ? String(id.Value) ?? "" : "",
                    Locator = fields.TryGetValue("locator", out var locator) ? String(locator.Value) : null,
                };
            }, owner, "sources");
        }

        private List<LocalizedText> TextList(YamlNode node, object owner, string field)
        {
            var index = 0;
            return List(node, n => Text(n, owner, $"{field}[{index++}]"), owner, field);
        }

        private LocalizedText Text(YamlNode node, object owner, string field)
        {
            if (Fields(node, TextFields) is not { } fields)
            {
                return LocalizedText.Empty;
            }

            var ja = "";
            var en = "";
            foreach (var (key, (_, value)) in fields)
            {
                positions.Field(owner, $"{field}.{key}", value.Start);
                if (key == "ja")
                {
                    ja = String(value) ?? "";
                }
                else
                {
                    en = String(value) ?? "";
                }
            }

            return new LocalizedText(ja, en);
        }

        /// <summary>Reads a sequence; each item's position is recorded as <c>field[i]</c> on the owner.</summary>
        private List<T> List<T>(YamlNode node, Func<YamlNode, T?> read, object? owner = null, string? field = null)
        {
            var items = new List<T>();
            if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" })
            {
                return items;
            }

            if (node is not YamlSequenceNode sequence)
            {
                Error(node, "Expected a list here.");
                return items;
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var child = sequence.Children[i];
                if (owner is not null && field is not null)
                {
                    positions.Field(owner, $"{field}[{items.Count}]", child.Start);
                }

                if (read(child) is { } item)
                {
                    items.Add(item);
                }
            }

            return items;
        }

        private Dictionary<string, (YamlNode Key, YamlNode Value)>? Fields(YamlNode node, string[] allowed)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node, "Expected a mapping with the fields {0}.", string.Join(", ", allowed));
                return null;
            }

            var fields = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(key, StringComparer.Ordinal))
                {
                    Error(keyNode, "Unknown field '{0}'; expected one of {1}.", key, string.Join(", ", allowed));
                    continue;
                }

                fields[key] = (keyNode, value);
            }

            return fields;
        }

        private string? String(YamlNode node)
        {
            if (node is YamlScalarNode scalar)
            {
                return scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" ? null : scalar.Value;
            }

            Error(node, "Expected a single value here, not a list or mapping.");
            return null;
        }

        private int? Integer(YamlNode node)
        {
            var text = String(node);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Error(node, "'{0}' is not a whole number.", text);
            return null;
        }

        private decimal? Decimal(YamlNode node)
        {
            var text = String(node);
            if (text is null)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Error(node, "'{0}' is not a number.", text);
            return null;
        }

        private DateOnly? Date(YamlNode node)
        {
            var text = String(node);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                return value;
            }

            Error(node, "'{0}' is not a date such as 2026-12-05.", text);
            return null;
        }

        private bool? Boolean(YamlNode node)
        {
            var text = String(node);
            switch (text)
            {
                case "true": return true;
                case "false": return false;
                case null: return null;
                default:
                    Error(node, "'{0}' is not true or false.", text);
                    return null;
            }
        }

        private T? Code<T>(YamlNode node, IReadOnlyDictionary<string, T> codes, string what)
            where T : struct
        {
            var text = String(node);
            if (text is not null && codes.TryGetValue(text, out var value))
            {
                return value;
            }

            Error(node, "'{0}' is not a known {1}; use one of {2}.", text ?? "", what, string.Join(", ", codes.Keys));
            return null;
        }

        private void Error(YamlNode node, string template, params object[] args) =>
            errors.Add(new(file, (int)node.Start.Line, (int)node.Start.Column, template, args));

        // YamlDotNet's messages start with "(Line: 3, Col: 5, Idx: …) - (…): "; the position is reported separately.
        private static string Plain(YamlException exception)
        {
            var message = (exception.InnerException as YamlException ?? exception).Message;
            return PositionPrefix().Replace(message, "").Trim();
        }

        [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
        private static partial Regex PositionPrefix();
    }

    /// <summary>Remembers where the last complete YAML event ended, to place errors the parser cannot place itself.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastEnd { get; private set; } = Mark.Empty;

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current)
            {
                LastEnd = current.End;
            }

            return inner.MoveNext();
        }
    }

    private static readonly Dictionary<string, ParameterType> ParameterTypes = new(StringComparer.Ordinal)
    {
        ["number"] = ParameterType.Number,
        ["integer"] = ParameterType.Integer,
    };

    private static readonly Dictionary<string, CheckType> CheckTypes = new(StringComparer.Ordinal)
    {
        ["A"] = CheckType.A,
        ["S"] = CheckType.S,
        ["H"] = CheckType.H,
    };
}
