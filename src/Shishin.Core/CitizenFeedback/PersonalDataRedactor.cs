using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Shishin.Core.CitizenFeedback;

/// <summary>What was redacted from a text, and how many times.</summary>
public sealed record RedactionResult(string Text, int Redactions)
{
    public int EmailAddresses { get; init; }

    public int PhoneNumbers { get; init; }

    public int MyNumbers { get; init; }

    public int CardNumbers { get; init; }
}

/// <summary>
/// Replaces personal data in free text (e-mail addresses, Japanese phone numbers, My Number, payment card numbers) with
/// typed placeholders such as [メールアドレス] before the text is stored or logged anywhere. The rules, the near misses
/// that are left alone and the precedence between kinds are in docs/feedback-redaction.md.
/// </summary>
public static partial class PersonalDataRedactor
{
    public const string EmailPlaceholder = "[メールアドレス]";
    public const string PhonePlaceholder = "[電話番号]";
    public const string MyNumberPlaceholder = "[個人番号]";
    public const string CardPlaceholder = "[カード番号]";

    // Generous for 2,000 characters (a normal run takes microseconds); reaching it means hostile input or a starved
    // machine, and then the e-mail stage fails closed instead of letting an address through.
    private const int RegexTimeoutMilliseconds = 250;

    // Every character whose NFKC form holds an ASCII digit or '@' (a unit test enumerates the BMP to prove it), and
    // every high surrogate, as the redactor does not list supplementary characters such as 𝟎 one by one. Text without
    // any of them cannot hold an item, and most comments take this path.
    private static readonly SearchValues<char> Triggers = SearchValues.Create(BuildTriggers());

    public static RedactionResult Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(Triggers))
        {
            return new RedactionResult(text, 0);
        }

        using var view = RedactionView.Create(text);
        var found = new List<(int Start, int End, PersonalDataKind Kind)>();
        if (view.Chars.Contains('@'))
        {
            FindEmailAddresses(view.Chars, found);
            foreach (var (start, end, _) in found)
            {
                view.Mask(start, end);
            }
        }

        if (view.Chars.IndexOf("://", StringComparison.Ordinal) >= 0
            || view.Chars.IndexOf("www.", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            MaskUrlPaths(view);
        }

        NumberScanner.Scan(view.Chars, found);
        return found.Count == 0 ? new RedactionResult(text, 0) : Replace(text, view, found);
    }

    private static void FindEmailAddresses(ReadOnlySpan<char> view, List<(int Start, int End, PersonalDataKind Kind)> found)
    {
        try
        {
            var previousEnd = 0;
            foreach (var match in EmailAddress().EnumerateMatches(view))
            {
                // The pattern reads at most 64 characters before '@'; a longer local part is still one address.
                var start = match.Index;
                while (start > previousEnd && IsLocalPartChar(view[start - 1]))
                {
                    start--;
                }

                previousEnd = match.Index + match.Length;
                found.Add((start, previousEnd, PersonalDataKind.Email));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            found.Clear();
            FindEmailAddressesBluntly(view, found);
        }
    }

    /// <summary>The fail-closed fallback: every run of non-space characters that holds an '@' is treated as an address.</summary>
    internal static void FindEmailAddressesBluntly(ReadOnlySpan<char> view, List<(int Start, int End, PersonalDataKind Kind)> found)
    {
        var i = 0;
        while (i < view.Length)
        {
            while (i < view.Length && char.IsWhiteSpace(view[i]))
            {
                i++;
            }

            var start = i;
            var hasAt = false;
            while (i < view.Length && !char.IsWhiteSpace(view[i]))
            {
                hasAt |= view[i] == '@';
                i++;
            }

            if (hasAt)
            {
                found.Add((start, i, PersonalDataKind.Email));
            }
        }
    }

    // Digits in the host and path of a pasted address identify a page, not a person; the query and fragment are what
    // forms fill in (?tel=…), so they are scanned like the rest of the text.
    private static void MaskUrlPaths(RedactionView view)
    {
        try
        {
            foreach (var match in Url().EnumerateMatches(view.Chars))
            {
                var url = view.Chars.Slice(match.Index, match.Length);
                var pathEnd = url.IndexOfAny('?', '#');
                view.Mask(match.Index, match.Index + (pathEnd < 0 ? match.Length : pathEnd));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Fail closed: without the mask, digits in addresses are scanned like any other text.
        }
    }

    private static RedactionResult Replace(string text, RedactionView view, List<(int Start, int End, PersonalDataKind Kind)> found)
    {
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var output = new StringBuilder(text.Length + (found.Count * 8));
        Span<int> counts = stackalloc int[4];
        var copied = 0;
        foreach (var (viewStart, viewEnd, kind) in found)
        {
            var (start, end) = view.ToOriginal(viewStart, viewEnd);
            if (end <= copied)
            {
                // Two items inside one text element (such as ⑴): the element is already replaced.
                continue;
            }

            output.Append(text, copied, Math.Max(0, start - copied)).Append(kind switch
            {
                PersonalDataKind.Email => EmailPlaceholder,
                PersonalDataKind.Phone => PhonePlaceholder,
                PersonalDataKind.MyNumber => MyNumberPlaceholder,
                _ => CardPlaceholder,
            });
            counts[(int)kind]++;
            copied = end;
        }

        output.Append(text, copied, text.Length - copied);
        return new RedactionResult(output.ToString(), counts[0] + counts[1] + counts[2] + counts[3])
        {
            EmailAddresses = counts[(int)PersonalDataKind.Email],
            PhoneNumbers = counts[(int)PersonalDataKind.Phone],
            MyNumbers = counts[(int)PersonalDataKind.MyNumber],
            CardNumbers = counts[(int)PersonalDataKind.Card],
        };
    }

    internal static bool MayHoldItem(char c) => Triggers.Contains(c);

    private static bool IsLocalPartChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static string BuildTriggers()
    {
        var triggers = new StringBuilder("0123456789@\uFE6B\uFF20");
        ReadOnlySpan<(char First, char Last)> ranges =
        [
            ('\u00B2', '\u00B3'), ('\u00B9', '\u00B9'), ('\u00BC', '\u00BE'), ('\u2070', '\u2070'), ('\u2074', '\u2079'),
            ('\u2080', '\u2089'), ('\u2150', '\u215F'), ('\u2189', '\u2189'), ('\u2460', '\u249B'), ('\u24EA', '\u24EA'),
            ('\u3251', '\u325F'), ('\u32B1', '\u32CB'), ('\u3358', '\u3370'), ('\u3378', '\u3379'), ('\u339F', '\u33A6'),
            ('\u33A8', '\u33A8'), ('\u33AF', '\u33AF'), ('\u33E0', '\u33FE'), ('\uFF10', '\uFF19'), ('\uD800', '\uDBFF'),
        ];
        foreach (var (first, last) in ranges)
        {
            for (var c = first; c <= last; c++)
            {
                triggers.Append(c);
            }
        }

        return triggers.ToString();
    }

    // Local part in the practical set (letters, digits, . _ % + -), at most 64 characters; a dotted ASCII domain with a
    // letter TLD. Bounded quantifiers keep the backtracking per position constant.
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,10}[A-Za-z]{2,63}(?![A-Za-z0-9\-])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"(?:https?://|ftp://|www\.)[!-~]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMilliseconds)]
    private static partial Regex Url();
}
