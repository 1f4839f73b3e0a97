using System.Globalization;

namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// Staff tags on feedback: lower-case words of letters, digits, '-' and '_' (Japanese included), separated by spaces,
/// commas or 、 as typed, stored space-separated without repeats.
/// </summary>
public static class FeedbackTags
{
    public const int MaxTagLength = 32;
    public const int MaxTags = 10;

    private static readonly char[] Separators = [' ', '\u3000', ',', '、', '，', '\t', '\r', '\n'];

    /// <summary>The tags of a stored or typed list, normalised; an error (English text, a key of the UI's resources) when one is not a tag.</summary>
    public static (IReadOnlyList<string> Tags, string? Error) Parse(string? text)
    {
        var tags = new List<string>();
        foreach (var raw in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = raw.Normalize(System.Text.NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
            if (tag.Length > MaxTagLength || !tag.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or 'ー'))
            {
                return ([], "A tag is a word of at most 32 letters, digits, hyphens or underscores; separate tags with spaces.");
            }

            if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        if (tags.Count > MaxTags)
        {
            return ([], "Use at most 10 tags.");
        }

        return (tags, null);
    }

    /// <summary>The stored form of a list of tags.</summary>
    public static string Join(IEnumerable<string> tags) => string.Join(' ', tags);

    /// <summary>The stored list's tags.</summary>
    public static IReadOnlyList<string> Of(string stored) => (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
