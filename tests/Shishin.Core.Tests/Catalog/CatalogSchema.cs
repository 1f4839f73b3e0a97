using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Shishin.Core.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shishin.Core.Tests.Catalog;

/// <summary>Checks catalogue files against the published JSON Schema, reading YAML the way editors do (plain 3 is a number).</summary>
internal static partial class CatalogSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(DefaultCatalog.Schema()));

    public static IReadOnlyList<string> Errors(JsonNode instance)
    {
        using var json = JsonDocument.Parse(instance.ToJsonString());
        var result = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    public static JsonNode YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode) ?? new JsonObject();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when scalar.Value is "true" or "false" => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when scalar.Value is null or "~" or "null" => null,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when Number().IsMatch(scalar.Value!) =>
            JsonValue.Create(decimal.Parse(scalar.Value!, NumberStyles.Float, CultureInfo.InvariantCulture)),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Number();
}
