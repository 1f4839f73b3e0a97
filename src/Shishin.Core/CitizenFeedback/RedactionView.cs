using System.Buffers;
using System.Globalization;
using System.Text;

namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// What the redactor matches on: the text normalised to NFKC one text element at a time (so full-width digits, ＠ and
/// full-width letters read as ASCII), dash variants folded to '-' and space separators to ' ', with every view character
/// mapped back to the original text element it came from. A match is widened to whole text elements when it is mapped
/// back, so the redacted text keeps everything else exactly as written.
/// </summary>
internal sealed class RedactionView : IDisposable
{
    private char[] _chars;
    private int[] _starts;
    private int[] _ends;

    private RedactionView(int capacity)
    {
        _chars = ArrayPool<char>.Shared.Rent(capacity);
        _starts = ArrayPool<int>.Shared.Rent(capacity);
        _ends = ArrayPool<int>.Shared.Rent(capacity);
    }

    public int Length { get; private set; }

    /// <summary>The view's characters; the redactor overwrites ranges it has dealt with (see <see cref="Mask"/>).</summary>
    public Span<char> Chars => _chars.AsSpan(0, Length);

    /// <summary>Where view range [start, end) came from in the original text, widened to whole text elements.</summary>
    public (int Start, int End) ToOriginal(int start, int end) => (_starts[start], _ends[end - 1]);

    /// <summary>Hides a range from later stages: the number scanner treats the mask character as a neutral non-digit.</summary>
    public void Mask(int start, int end) => Chars[start..end].Fill(MaskChar);

    public const char MaskChar = '\uFFFF';

    public static RedactionView Create(string text)
    {
        var view = new RedactionView(text.Length + 16);
        Span<char> normalised = stackalloc char[32];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsStable(c) && (i + 1 == text.Length || EndsElement(text[i + 1])))
            {
                view.Append(Fold(FastNormalise(c)), i, i + 1);
                i++;
                continue;
            }

            var length = Math.Max(1, StringInfo.GetNextTextElementLength(text.AsSpan(i)));
            var element = text.AsSpan(i, length);
            if (TryNormalise(element, normalised, out var written))
            {
                view.AppendElement(normalised[..written], i, i + length);
            }
            else
            {
                view.AppendElement(NormaliseSlow(element), i, i + length);
            }

            if (IsEnclosedNumber(c))
            {
                // ① ⑴ ⒈ are list markers, not digits of what follows: ①090-1234-5678 must not read as 1090-1234-5678.
                view.Append(MaskChar, i, i + length);
            }

            i += length;
        }

        return view;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_ends);
        _chars = [];
        _starts = [];
        _ends = [];
    }

    /// <summary>
    /// Characters whose NFKC form is themselves (or, for full-width ASCII, the ASCII character): the Japanese and ASCII
    /// text of almost every comment, copied without calling the normaliser. A unit test checks every one of them.
    /// </summary>
    internal static bool IsStable(char c) =>
        c < 0x80
        || (c >= 0x3041 && c <= 0x3096)
        || (c >= 0x30A1 && c <= 0x30FA)
        || c == 0x30FB || c == 0x30FC || c == 0x301C
        || (c >= 0x4E00 && c <= 0x9FFF)
        || c == 0x3001 || c == 0x3002
        || (c >= 0x300C && c <= 0x3011)
        || (c >= 0xFF01 && c <= 0xFF5E);

    internal static bool IsEnclosedNumber(char c) =>
        (c >= 0x2460 && c <= 0x24FF) || (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF);

    internal static char FastNormalise(char c) => c >= 0xFF01 && c <= 0xFF5E ? (char)(c - 0xFEE0) : c;

    // A stable character followed by ASCII or another stable character is a text element on its own: none of them
    // extends a grapheme cluster (combining marks start at U+0300; the kana voicing marks U+3099/309A are not in the set).
    private static bool EndsElement(char next) => next < 0x300 || IsStable(next);

    /// <summary>How people type the hyphen of a phone or card number: every dash and long-vowel mark becomes '-'.</summary>
    internal static char Fold(char c) => c switch
    {
        < '\u0080' => c,
        '\u02D7' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2043' or '\u2212'
            or '\u2500' or '\u2501' or '\u2E3A' or '\u2E3B' or '\u30FC' or '\uFE63' or '\uFF0D' or '\uFF70' => '-',
        _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator => ' ',
        _ => c,
    };

    private static bool TryNormalise(ReadOnlySpan<char> element, Span<char> destination, out int written)
    {
        try
        {
            return element.TryNormalize(destination, out written, NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            written = 0;
            return false;
        }
    }

    private static string NormaliseSlow(ReadOnlySpan<char> element)
    {
        var s = element.ToString();
        try
        {
            return s.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; it is no digit and no '@', so it is matched as written.
            return s;
        }
    }

    private void AppendElement(ReadOnlySpan<char> normalised, int start, int end)
    {
        foreach (var c in normalised)
        {
            Append(Fold(c), start, end);
        }
    }

    private void Append(char c, int start, int end)
    {
        if (Length == _chars.Length)
        {
            Grow();
        }

        _chars[Length] = c;
        _starts[Length] = start;
        _ends[Length] = end;
        Length++;
    }

    private void Grow()
    {
        var size = _chars.Length * 2;
        var chars = ArrayPool<char>.Shared.Rent(size);
        var starts = ArrayPool<int>.Shared.Rent(size);
        var ends = ArrayPool<int>.Shared.Rent(size);
        _chars.AsSpan(0, Length).CopyTo(chars);
        _starts.AsSpan(0, Length).CopyTo(starts);
        _ends.AsSpan(0, Length).CopyTo(ends);
        Dispose();
        _chars = chars;
        _starts = starts;
        _ends = ends;
    }
}
