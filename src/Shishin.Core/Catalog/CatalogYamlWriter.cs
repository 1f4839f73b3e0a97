using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shishin.Core.Catalog;

/// <summary>
/// Writes a catalogue as the YAML folder layout of <c>catalog/</c>: header, principles, themes, parameters and one
/// checkpoint file per principle and per theme. Fields have the same names as in JSON.
/// </summary>
public static partial class CatalogYamlWriter
{
    /// <summary>The files of the catalogue as (relative path, YAML text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Write(CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var node = JsonSerializer.SerializeToNode(document, CatalogJson.Options)!.AsObject();
        var files = new List<(string, string)>
        {
            ("catalog.yaml", Emit("catalog.schema.json", new JsonObject
            {
                ["version"] = node["version"]?.DeepClone(),
                ["title"] = node["title"]?.DeepClone(),
                ["changelog"] = node["changelog"]?.DeepClone(),
                ["preamble"] = node["preamble"]?.DeepClone(),
                ["purpose"] = node["purpose"]?.DeepClone(),
                ["structure"] = node["structure"]?.DeepClone(),
                ["sources"] = node["sources"]?.DeepClone(),
            })),
            ("principles.yaml", Emit("catalog.schema.json", new JsonObject { ["principles"] = node["principles"]?.DeepClone() })),
            ("themes.yaml", Emit("catalog.schema.json", new JsonObject { ["themes"] = node["themes"]?.DeepClone() })),
            ("parameters.yaml", Emit("catalog.schema.json", new JsonObject { ["parameters"] = node["parameters"]?.DeepClone() })),
        };

        if (document.Releases.Count > 0)
        {
            files.Add(("changelog.yaml", Emit("catalog.schema.json", new JsonObject { ["releases"] = node["releases"]?.DeepClone() })));
        }

        foreach (var group in document.Checkpoints.GroupBy(c => c.Principle is { } p
                     ? string.Create(CultureInfo.InvariantCulture, $"principle-{p:00}")
                     : "theme-" + c.Theme!.ToLowerInvariant()))
        {
            var items = new JsonArray([.. group.Select(c => JsonSerializer.SerializeToNode(c, CatalogJson.Options))]);
            files.Add(($"checkpoints/{group.Key}.yaml", Emit("../catalog.schema.json", new JsonObject { ["checkpoints"] = items })));
        }

        return files;
    }

    public static void WriteDirectory(CatalogDocument document, string directory)
    {
        foreach (var (path, text) in Write(document))
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private static string Emit(string schema, JsonObject root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write("# yaml-language-server: $schema=");
        writer.WriteLine(schema);
        // Block style with indented sequences, as the files of catalog/ are written (not canonical YAML's "? key : value").
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        EmitNode(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void EmitNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // Short mappings of scalars ({ criterion, version }, { id, locator }) read best on one line.
                var flow = obj.Count > 0 && obj.All(p => p.Key is "criterion" or "version" or "id" or "locator");
                emitter.Emit(new MappingStart(null, null, false, flow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    if (value is null || value is JsonArray { Count: 0 } && key is not "phases" and not "scannerRules" || value is JsonValue fv && fv.GetValueKind() == JsonValueKind.False && key == "retired")
                    {
                        continue;
                    }

                    emitter.Emit(new Scalar(key));
                    EmitNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                var scalars = array.All(i => i is JsonValue);
                emitter.Emit(new SequenceStart(null, null, false, scalars ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    EmitNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                // Quote strings another YAML reader would take for a number, boolean or null ("2.0", "true", "").
                var style = LooksTyped().IsMatch(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
                emitter.Emit(new Scalar(null, null, text, style, true, true));
                break;
            case JsonValue value:
                emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
        }
    }

    [GeneratedRegex(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex LooksTyped();
}
