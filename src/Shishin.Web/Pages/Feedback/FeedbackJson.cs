using System.Text.Json;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Web.Pages.Feedback;

/// <summary>
/// Reads a submission from JSON field by field (not by deserialising into a type), so that every field of the wrong type
/// is reported at once and no input, however odd, throws past this class.
/// </summary>
internal static class FeedbackJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>Null when the body is not a JSON object (malformed, invalid UTF-8, an array, a number …).</summary>
    public static (FeedbackSubmission Submission, List<FeedbackFieldError> TypeErrors, bool Honeypot, FeedbackSource Source)? Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var errors = new List<FeedbackFieldError>();
            var submission = new FeedbackSubmission(
                Int(root, FeedbackValidator.Fields.Rating, errors),
                Text(root, FeedbackValidator.Fields.TaskCompleted, errors),
                Texts(root, FeedbackValidator.Fields.Reasons, errors),
                Text(root, FeedbackValidator.Fields.Comment, errors),
                Text(root, FeedbackValidator.Fields.Language, errors),
                Text(root, FeedbackValidator.Fields.PagePath, errors));
            var honeypot = root.TryGetProperty(FeedbackIntake.HoneypotField, out var trap) && trap.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.False => false,
                JsonValueKind.String => !string.IsNullOrWhiteSpace(TryGetString(trap) ?? "x"),
                _ => true,
            };
            var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String && s.ValueEquals("widget")
                ? FeedbackSource.Widget : FeedbackSource.Api;
            return (submission, errors, honeypot, source);
        }
    }

    private static int? Int(JsonElement root, string name, List<FeedbackFieldError> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new(name, FeedbackProblem.WrongType));
            return null;
        }

        if (value.TryGetInt32(out var number))
        {
            return number;
        }

        // 3.5, 1e400, 99999999999: a number, but not one of the five.
        errors.Add(new(name, FeedbackProblem.OutOfRange));
        return null;
    }

    private static string? Text(JsonElement root, string name, List<FeedbackFieldError> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && TryGetString(value) is { } text)
        {
            return text;
        }

        errors.Add(new(name, FeedbackProblem.WrongType));
        return null;
    }

    private static List<string>? Texts(JsonElement root, string name, List<FeedbackFieldError> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(name, FeedbackProblem.WrongType));
            return null;
        }

        var texts = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || TryGetString(item) is not { } text)
            {
                errors.Add(new(name, FeedbackProblem.WrongType));
                return null;
            }

            texts.Add(text);
        }

        return texts;
    }

    /// <summary>A string that cannot become UTF-16 (invalid UTF-8, a lone surrogate escape) is a bad value, not an error of ours.</summary>
    private static string? TryGetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
