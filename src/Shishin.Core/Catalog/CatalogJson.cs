using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shishin.Core.Catalog;

/// <summary>The JSON form of a catalogue: storage, API, export. Japanese stays readable (no \u escapes).</summary>
public static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static string Serialize(CatalogDocument document) => JsonSerializer.Serialize(document, Options);

    public static CatalogDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<CatalogDocument>(json, Options) ?? throw new JsonException("The catalogue document is empty.");

    /// <summary>A deep copy, so a cached published version can never be changed through a copy being edited.</summary>
    public static CatalogDocument Clone(CatalogDocument document) => Deserialize(Serialize(document));
}
