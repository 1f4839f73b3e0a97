using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shishin.Core.Catalog;

public enum DiffKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One field that differs, by its path (<c>title.en</c>, <c>mappings.wcag</c>); a missing side is null.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>An item (checkpoint, principle, theme, parameter, source, or the header) that was added, removed or changed.</summary>
public sealed record ItemChange(string Kind, string Key, DiffKind Change, IReadOnlyList<FieldChange> Fields);

public sealed record CatalogDiffResult(string From, string To, IReadOnlyList<ItemChange> Changes)
{
    public IEnumerable<ItemChange> Of(string kind) => Changes.Where(c => c.Kind == kind);

    public bool IsEmpty => Changes.Count == 0;
}

/// <summary>
/// Compares two catalogues item by item and field by field. Every item is flattened to dotted paths with readable
/// values, so a new field in the model shows up in the diff without code here changing.
/// </summary>
public static class CatalogDiff
{
    public const string CheckpointKind = "checkpoint";
    public const string PrincipleKind = "principle";
    public const string ThemeKind = "theme";
    public const string ParameterKind = "parameter";
    public const string SourceKind = "source";
    public const string HeaderKind = "catalog";

    public static CatalogDiffResult Compare(CatalogDocument from, CatalogDocument to, string? fromLabel = null, string? toLabel = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<ItemChange>();
        changes.AddRange(CompareItems(HeaderKind, [Header(from)], [Header(to)], _ => "catalog"));
        changes.AddRange(CompareItems(PrincipleKind, from.Principles, to.Principles, p => p.Number.ToString(CultureInfo.InvariantCulture)));
        changes.AddRange(CompareItems(ThemeKind, from.Themes, to.Themes, t => t.Key));
        changes.AddRange(CompareItems(CheckpointKind, from.Checkpoints, to.Checkpoints, c => c.Id));
        changes.AddRange(CompareItems(ParameterKind, from.Parameters, to.Parameters, p => p.Key));
        changes.AddRange(CompareItems(SourceKind, from.Sources, to.Sources, s => s.Id));
        return new(fromLabel ?? from.Version, toLabel ?? to.Version, changes);
    }

    // The version number and changelog (summary and releases) differ between any two versions by design; they are not
    // content changes. The preamble, purpose and structure are.
    private static object Header(CatalogDocument document) => new { document.Title, document.Preamble, document.Purpose, document.Structure };

    private static IEnumerable<ItemChange> CompareItems<T>(string kind, IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key)
        where T : notnull
    {
        var old = before.ToDictionary(key, Flatten, StringComparer.OrdinalIgnoreCase);
        var updated = after.ToDictionary(key, Flatten, StringComparer.OrdinalIgnoreCase);
        foreach (var item in after)
        {
            var id = key(item);
            var fields = updated[id];
            if (!old.TryGetValue(id, out var previous))
            {
                yield return new(kind, id, DiffKind.Added, [.. fields.Select(f => new FieldChange(f.Key, null, f.Value))]);
                continue;
            }

            var changed = fields.Keys.Union(previous.Keys, StringComparer.Ordinal)
                .Where(f => !string.Equals(previous.GetValueOrDefault(f), fields.GetValueOrDefault(f), StringComparison.Ordinal))
                .Select(f => new FieldChange(f, previous.GetValueOrDefault(f), fields.GetValueOrDefault(f)))
                .ToList();
            if (changed.Count > 0)
            {
                yield return new(kind, id, DiffKind.Changed, changed);
            }
        }

        foreach (var item in before)
        {
            var id = key(item);
            if (!updated.ContainsKey(id))
            {
                yield return new(kind, id, DiffKind.Removed, [.. old[id].Select(f => new FieldChange(f.Key, f.Value, null))]);
            }
        }
    }

    /// <summary>Objects become dotted paths; lists of scalars and of small objects become one readable line.</summary>
    public static Dictionary<string, string> Flatten<T>(T item)
        where T : notnull
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(JsonSerializer.SerializeToNode(item, item.GetType(), CatalogJson.Options), "", result);
        return result;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> result)
    {
        switch (node)
        {
            case JsonObject obj when obj.ContainsKey("ja") && obj.ContainsKey("en") && obj.Count == 2:
                result[Join(path, "ja")] = obj["ja"]?.GetValue<string>() ?? "";
                result[Join(path, "en")] = obj["en"]?.GetValue<string>() ?? "";
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, Join(path, key), result);
                }

                break;
            case JsonArray array when array.All(i => i is JsonObject o && o.ContainsKey("ja") && o.ContainsKey("en")):
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", result);
                }

                break;
            case JsonArray array:
                if (array.Count > 0)
                {
                    result[path] = string.Join(", ", array.Select(Scalar));
                }

                break;
            case JsonValue value:
                result[path] = Scalar(value);
                break;
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o => string.Join(" ", o.Select(p => Scalar(p.Value))),
        null => "",
        _ => node.ToJsonString(),
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
