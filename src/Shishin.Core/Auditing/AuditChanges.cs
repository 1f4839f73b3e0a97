using System.Globalization;
using System.Text.Json;

namespace Shishin.Core.Auditing;

/// <summary>One field of an audit event as people read it: its name and its value before and after (null: none).</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

/// <summary>
/// Turns an event's stored before/after JSON into a field list for people: enum numbers become their names (events
/// written before enums were stored by name hold numbers), times become Tokyo time, nested values one line of text.
/// Unreadable JSON is shown as it is rather than hidden: the log is evidence.
/// </summary>
public static class AuditChanges
{

    /// <param name="before">The stored "before" JSON object, or null.</param>
    /// <param name="after">The stored "after" JSON object, or null.</param>
    /// <param name="propertyType">The CLR type of a field of the audited entity, when known (for enums and times).</param>
    public static IReadOnlyList<AuditFieldChange> Read(string? before, string? after, Func<string, Type?>? propertyType = null)
    {
        var old = Fields(before, nameof(before), propertyType);
        var updated = Fields(after, nameof(after), propertyType);
        var names = old.Keys.Concat(updated.Keys).Distinct(StringComparer.Ordinal);
        return [.. names.Select(n => new AuditFieldChange(n, old.GetValueOrDefault(n), updated.GetValueOrDefault(n)))];
    }

    private static Dictionary<string, string?> Fields(string? json, string side, Func<string, Type?>? propertyType)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                fields[side] = json;
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = Text(property.Value, propertyType?.Invoke(property.Name));
            }
        }
        catch (JsonException)
        {
            fields[side] = json;
        }

        return fields;
    }

    private static string? Text(JsonElement value, Type? type)
    {
        var target = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Number when target is { IsEnum: true } && value.TryGetInt64(out var number):
                return Enum.GetName(target, Enum.ToObject(target, number)) ?? value.GetRawText();
            case JsonValueKind.String when (target == typeof(DateTime) || target == typeof(DateTimeOffset))
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time):
                return JapanTime.From(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return value.GetRawText();
            default:
                return JsonSerializer.Serialize(value, AuditSaveChangesInterceptor.Json);
        }
    }
}
