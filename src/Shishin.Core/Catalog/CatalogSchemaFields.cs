using System.Text.Json.Nodes;

namespace Shishin.Core.Catalog;

/// <summary>
/// The field names of each object in <c>catalog.schema.json</c>, read from the embedded schema itself so the YAML reader
/// never keeps a second copy of them: adding a field to the format means adding it to the schema and giving the reader a
/// way to read it, and <see cref="CatalogYamlReader"/> refuses to start when the two disagree.
/// </summary>
internal static class CatalogSchemaFields
{
    private static readonly JsonNode Schema = JsonNode.Parse(DefaultCatalog.Schema())
        ?? throw new InvalidOperationException("The embedded catalogue schema is empty.");

    /// <summary>
    /// The property names of the object at <paramref name="pointer"/>, a JSON pointer into the schema such as
    /// <c>/$defs/principle</c> or <c>/$defs/checkpoint/properties/mappings</c>; the empty pointer is the file itself.
    /// </summary>
    public static string[] Of(string pointer)
    {
        var node = Schema;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"The catalogue schema has no '{pointer}'.");
        }

        return node["properties"] is JsonObject properties
            ? [.. properties.Select(p => p.Key)]
            : throw new InvalidOperationException($"The catalogue schema's '{pointer}' is not an object with properties.");
    }
}

/// <summary>
/// How the reader fills one kind of catalogue object: a reader per field, keyed by the field names the schema gives for
/// <paramref name="SchemaPointer"/>. Building one checks that every schema field has a reader and every reader a field.
/// </summary>
internal sealed class CatalogObjectFields<TReader, TTarget>
{
    public CatalogObjectFields(string schemaPointer, IReadOnlyDictionary<string, Action<TReader, TTarget, string, YamlDotNet.RepresentationModel.YamlNode>> readers)
    {
        Names = CatalogSchemaFields.Of(schemaPointer);
        var missing = Names.Except(readers.Keys, StringComparer.Ordinal).ToList();
        var extra = readers.Keys.Except(Names, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException(
                $"The catalogue reader and catalog.schema.json disagree at '{schemaPointer}': " +
                $"no reader for [{string.Join(", ", missing)}], no schema field for [{string.Join(", ", extra)}].");
        }

        Readers = readers;
    }

    /// <summary>The allowed field names, in the schema's order (used in error messages).</summary>
    public string[] Names { get; }

    /// <summary>Reads one field's value into the target; the string is the field's name (its position path).</summary>
    public IReadOnlyDictionary<string, Action<TReader, TTarget, string, YamlDotNet.RepresentationModel.YamlNode>> Readers { get; }
}
