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
    public static CatalogReadResult ReadDirectory(string directory)
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
        return Read(files);
    }

    /// <summary>Reads the files as parts of one catalogue; <paramref name="files"/> are (relative name, content).</summary>
    public static CatalogReadResult Read(IEnumerable<(string Name, string Text)> files)
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
        foreach (var issue in CatalogValidator.Validate(document))
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
        private static readonly string[] TopLevelFields = ["version", "title", "changelog", "sources", "principles", "themes", "parameters", "checkpoints"];

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
                    case "version" or "title" or "changelog" or "sources":
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
                case "sources":
                    document.Sources.AddRange(List(value, ReadSource));
                    break;
            }
        }

        private CatalogSource? ReadSource(YamlNode node)
        {
            if (Fields(node, ["id", "title", "url"]) is not { } fields)
            {
                return null;
            }

            var source = new CatalogSource();
            positions.Add(source, file, node.Start);
            foreach (var (key, (_, value)) in fields)
            {
                positions.Field(source, key, value.Start);
                switch (key)
                {
                    case "id": source.Id = String(value) ?? ""; break;
                    case "title": source.Title = Text(value, source, key); break;
                    case "url":
                        var url = String(value);
                        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                        {
                            source.Url = uri;
                        }
                        else
                        {
                            Error(value, "'{0}' is not an http or https address.", url ?? "");
                        }

                        break;
                }
            }

            return source;
        }

        private Principle? ReadPrinciple(YamlNode node)
        {
            if (Fields(node, ["number", "label", "title", "summary", "background", "governanceCode", "example", "management", "doNot", "sources"]) is not { } fields)
            {
                return null;
            }

            var principle = new Principle();
            positions.Add(principle, file, node.Start);
            foreach (var (key, (_, value)) in fields)
            {
                positions.Field(principle, key, value.Start);
                switch (key)
                {
                    case "number": principle.Number = Integer(value) ?? 0; break;
                    case "label": principle.Label = Text(value, principle, key); break;
                    case "title": principle.Title = Text(value, principle, key); break;
                    case "summary": principle.Summary = Text(value, principle, key); break;
                    case "background": principle.Background = TextList(value, principle, key); break;
                    case "governanceCode": principle.GovernanceCode = TextList(value, principle, key); break;
                    case "example": principle.Example = Text(value, principle, key); break;
                    case "management": principle.Management = TextList(value, principle, key); break;
                    case "doNot": principle.DoNot = Text(value, principle, key); break;
                    case "sources": principle.Sources = SourceList(value, principle); break;
                }
            }

            return principle;
        }

        private Theme? ReadTheme(YamlNode node)
        {
            if (Fields(node, ["key", "name", "purpose", "sources"]) is not { } fields)
            {
                return null;
            }

            var theme = new Theme();
            positions.Add(theme, file, node.Start);
            foreach (var (key, (_, value)) in fields)
            {
                positions.Field(theme, key, value.Start);
                switch (key)
                {
                    case "key": theme.Key = String(value) ?? ""; break;
                    case "name": theme.Name = Text(value, theme, key); break;
                    case "purpose": theme.Purpose = Text(value, theme, key); break;
                    case "sources": theme.Sources = SourceList(value, theme); break;
                }
            }

            return theme;
        }

        private CatalogParameter? ReadParameter(YamlNode node)
        {
            if (Fields(node, ["key", "type", "unit", "value", "name", "description", "retired"]) is not { } fields)
            {
                return null;
            }

            var parameter = new CatalogParameter();
            positions.Add(parameter, file, node.Start);
            foreach (var (key, (_, value)) in fields)
            {
                positions.Field(parameter, key, value.Start);
                switch (key)
                {
                    case "key": parameter.Key = String(value) ?? ""; break;
                    case "type": parameter.Type = Code(value, ParameterTypes, "parameter type") ?? ParameterType.Number; break;
                    case "unit": parameter.Unit = Code(value, CatalogCodes.Units, "unit") ?? ParameterUnit.None; break;
                    case "value": parameter.Value = Decimal(value) ?? 0; break;
                    case "name": parameter.Name = Text(value, parameter, key); break;
                    case "description": parameter.Description = Text(value, parameter, key); break;
                    case "retired": parameter.Retired = Boolean(value) ?? false; break;
                }
            }

            if (!fields.ContainsKey("value"))
            {
                Error(node, "The parameter '{0}' has no value.", parameter.Key);
            }

            return parameter;
        }

        private Checkpoint? ReadCheckpoint(YamlNode node)
        {
            if (Fields(node, ["id", "principle", "theme", "title", "guidance", "evidence", "phases", "checkType", "scannerRules", "parameters", "mappings", "sources", "retired"]) is not { } fields)
            {
                return null;
            }

            var checkpoint = new Checkpoint();
            positions.Add(checkpoint, file, node.Start);
            foreach (var (key, (_, value)) in fields)
            {
                positions.Field(checkpoint, key, value.Start);
                switch (key)
                {
                    case "id": checkpoint.Id = String(value) ?? ""; break;
                    case "principle": checkpoint.Principle = Integer(value); break;
                    case "theme": checkpoint.Theme = String(value); break;
                    case "title": checkpoint.Title = Text(value, checkpoint, key); break;
                    case "guidance": checkpoint.Guidance = Text(value, checkpoint, key); break;
                    case "evidence": checkpoint.Evidence = Text(value, checkpoint, key); break;
                    case "phases":
                        checkpoint.Phases = [.. List(value, n => Code(n, CatalogCodes.Phases, "lifecycle phase") is { } p ? (LifecyclePhase?)p : null, checkpoint, key).Select(p => p!.Value)];
                        break;
                    case "checkType":
                        checkpoint.CheckType = Code(value, CheckTypes, "check type") ?? CheckType.H;
                        break;
                    case "scannerRules": checkpoint.ScannerRules = List(value, String, checkpoint, key); break;
                    case "parameters": checkpoint.Parameters = List(value, String, checkpoint, key); break;
                    case "mappings": checkpoint.Mappings = ReadMappings(value, checkpoint); break;
                    case "sources": checkpoint.Sources = SourceList(value, checkpoint); break;
                    case "retired": checkpoint.Retired = Boolean(value) ?? false; break;
                }
            }

            if (!fields.ContainsKey("checkType"))
            {
                Error(node, "Checkpoint {0} has no checkType (A, S or H).", checkpoint.Id);
            }

            return checkpoint;
        }

        private CheckpointMappings ReadMappings(YamlNode node, Checkpoint checkpoint)
        {
            var mappings = new CheckpointMappings();
            if (Fields(node, ["wcag", "jis", "ukServiceStandard", "usPlaybook", "asvs"]) is not { } fields)
            {
                return mappings;
            }

            foreach (var (key, (_, value)) in fields)
            {
                var path = "mappings." + key;
                positions.Field(checkpoint, path, value.Start);
                switch (key)
                {
                    case "wcag":
                        var wcagIndex = 0;
                        mappings.Wcag = List(value, n => ReadWcag(n, checkpoint, $"{path}[{wcagIndex++}]"), checkpoint, path);
                        break;
                    case "jis": mappings.Jis = List(value, String, checkpoint, path); break;
                    case "ukServiceStandard": mappings.UkServiceStandard = [.. List(value, Integer, checkpoint, path).Select(v => v!.Value)]; break;
                    case "usPlaybook": mappings.UsPlaybook = [.. List(value, Integer, checkpoint, path).Select(v => v!.Value)]; break;
                    case "asvs": mappings.Asvs = List(value, String, checkpoint, path); break;
                }
            }

            return mappings;
        }

        private WcagMapping? ReadWcag(YamlNode node, Checkpoint checkpoint, string path)
        {
            if (Fields(node, ["criterion", "version"]) is not { } fields)
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

        private List<SourceReference> SourceList(YamlNode node, object owner)
        {
            var index = 0;
            return List(node, n =>
            {
                if (Fields(n, ["id", "locator"]) is not { } fields)
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
            if (Fields(node, ["ja", "en"]) is not { } fields)
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
