using System.Globalization;
using System.Text;

namespace Shishin.Core.Catalog;

public enum TextChange
{
    Same,
    Deleted,
    Inserted,
}

/// <summary>A run of text that is in both versions, only in the old one, or only in the new one.</summary>
public sealed record TextSegment(TextChange Change, string Text);

/// <summary>
/// What changed inside a text, for the version diff. Words are the unit in English (a run of letters or digits is
/// one token) and characters in Japanese, which has no spaces between words; so one tokenizer serves both and mixed
/// texts ("JIS X 8341-3 の AA"). The common start and end are cut off first, so a typical edit compares a few tokens.
/// </summary>
public static class TextDiff
{
    // Beyond this many cells of the comparison table, the middle is shown as deleted and inserted whole.
    private const long MaxCells = 1_000_000;

    public static IReadOnlyList<TextSegment> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Tokens(before);
        var b = Tokens(after);
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start])
        {
            start++;
        }

        var end = 0;
        while (end < a.Count - start && end < b.Count - start && a[a.Count - 1 - end] == b[b.Count - 1 - end])
        {
            end++;
        }

        var segments = new List<TextSegment>();
        Add(segments, TextChange.Same, a.Take(start));
        var oldMiddle = a.Skip(start).Take(a.Count - start - end).ToList();
        var newMiddle = b.Skip(start).Take(b.Count - start - end).ToList();
        if ((long)oldMiddle.Count * newMiddle.Count > MaxCells)
        {
            Add(segments, TextChange.Deleted, oldMiddle);
            Add(segments, TextChange.Inserted, newMiddle);
        }
        else
        {
            foreach (var (change, token) in Lcs(oldMiddle, newMiddle))
            {
                Add(segments, change, [token]);
            }
        }

        Add(segments, TextChange.Same, a.Skip(a.Count - end));
        return segments;
    }

    /// <summary>Letters and digits of Latin script run together as words; every other character is a token of its own.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (element.Length == 1 && (char.IsAsciiLetterOrDigit(element[0]) || (element[0] is >= '\u00c0' and <= '\u024f')))
            {
                word.Append(element);
                continue;
            }

            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }

            tokens.Add(element);
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }

    // The longest common subsequence, walked from the start; deletions before insertions where both are possible.
    private static List<(TextChange, string)> Lcs(List<string> a, List<string> b)
    {
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var result = new List<(TextChange, string)>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                result.Add((TextChange.Same, a[x++]));
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                result.Add((TextChange.Deleted, a[x++]));
            }
            else
            {
                result.Add((TextChange.Inserted, b[y++]));
            }
        }

        result.AddRange(a.Skip(x).Select(t => (TextChange.Deleted, t)));
        result.AddRange(b.Skip(y).Select(t => (TextChange.Inserted, t)));
        return result;
    }

    private static void Add(List<TextSegment> segments, TextChange change, IEnumerable<string> tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Change == change)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new(change, text));
        }
    }
}
