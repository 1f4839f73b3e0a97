namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// Finds phone numbers, My Numbers and payment card numbers in the normalised view. A number is a run of digit groups
/// joined by short gaps (<see cref="NumberGap"/>); groups joined by spaces or an opening parenthesis may hold several
/// items, so the scanner tries windows of them, longest first from the left. Everything is linear in the length of the
/// text: a window holds at most <see cref="MaxItemDigits"/> digits and every boundary check looks a fixed distance away.
/// </summary>
internal static class NumberScanner
{
    /// <summary>The longest item: a 19-digit card number.</summary>
    public const int MaxItemDigits = 19;

    // Latin words that may be glued to a number without making it part of an identifier such as a product code.
    private static readonly string[] Labels = ["tel", "fax", "phone", "mobile", "no"];

    private readonly record struct Group(int Start, int End, NumberGap Before);

    private readonly record struct Unit(int FirstGroup, int LastGroup, int Digits)
    {
        public bool IsSingleGroup => FirstGroup == LastGroup;

        // A lone group of four digits beside a candidate says the candidate is part of a longer number (1234 5678 …).
        public bool IsFourDigitGroup => IsSingleGroup && Digits == 4;
    }

    public static void Scan(ReadOnlySpan<char> view, List<(int Start, int End, PersonalDataKind Kind)> found)
    {
        var groups = new List<Group>();
        var units = new List<Unit>();
        var i = 0;
        while (i < view.Length)
        {
            var next = view[i..].IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                return;
            }

            i += next;
            groups.Clear();
            i = ReadNumber(view, i, groups);
            SplitUnits(groups, units);
            ScanNumber(view, groups, units, found);
        }
    }

    private static int ReadNumber(ReadOnlySpan<char> view, int start, List<Group> groups)
    {
        var position = start;
        var before = NumberGap.None;
        while (true)
        {
            var groupStart = position;
            while (position < view.Length && char.IsAsciiDigit(view[position]))
            {
                position++;
            }

            groups.Add(new Group(groupStart, position, before));
            before = ReadGap(view, position, out var nextDigit);
            if (before == NumberGap.None)
            {
                return position;
            }

            position = nextDigit;
        }
    }

    private static NumberGap ReadGap(ReadOnlySpan<char> view, int start, out int nextDigit)
    {
        int spaces = 0, dashes = 0, opens = 0, closes = 0, dots = 0;
        var k = start;
        for (; k < view.Length && k - start < 3; k++)
        {
            switch (view[k])
            {
                case ' ': spaces++; break;
                case '-': dashes++; break;
                case '(': opens++; break;
                case ')': closes++; break;
                case '.': dots++; break;
                default: goto end;
            }
        }

    end:
        nextDigit = k;
        if (k == start || k == view.Length || !char.IsAsciiDigit(view[k]))
        {
            return NumberGap.None;
        }

        if (dots > 0)
        {
            return dots == 1 && k - start == 1 ? NumberGap.Dot : NumberGap.None;
        }

        if (dashes > 1 || opens > 1 || closes > 1)
        {
            return NumberGap.None;
        }

        if (opens == 1)
        {
            return closes == 0 && dashes == 0 ? NumberGap.Open : NumberGap.None;
        }

        return closes == 1 ? NumberGap.Close : dashes == 1 ? NumberGap.Dash : NumberGap.Space;
    }

    // Groups joined by a hyphen, a dot or a closing parenthesis belong together (2026-12-05 is one thing); spaces and an
    // opening parenthesis may separate two items (…9012 090-1234-5678, 03-1234-5678(123)).
    private static void SplitUnits(List<Group> groups, List<Unit> units)
    {
        units.Clear();
        var first = 0;
        var digits = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            if (g > first && groups[g].Before is NumberGap.Space or NumberGap.Open)
            {
                units.Add(new Unit(first, g - 1, digits));
                first = g;
                digits = 0;
            }

            digits += groups[g].End - groups[g].Start;
        }

        units.Add(new Unit(first, groups.Count - 1, digits));
    }

    private static void ScanNumber(ReadOnlySpan<char> view, List<Group> groups, List<Unit> units,
        List<(int Start, int End, PersonalDataKind Kind)> found)
    {
        var firstDigit = groups[0].Start;
        var plusAt = firstDigit >= 1 && view[firstDigit - 1] == '+' ? firstDigit - 1
            : firstDigit >= 2 && view[firstDigit - 1] == ' ' && view[firstDigit - 2] == '+' ? firstDigit - 2
            : -1;
        var openAt = plusAt < 0 && firstDigit >= 1 && view[firstDigit - 1] == '(' ? firstDigit - 1 : -1;
        var numberStart = plusAt >= 0 ? plusAt : openAt >= 0 ? openAt : firstDigit;
        var leftOk = LeftBoundaryOk(view, numberStart);
        var rightOk = RightBoundaryOk(view, groups[^1].End);

        var lastMatchEnd = -1;
        var u = leftOk ? 0 : 1;
        while (u < units.Count)
        {
            var matched = false;
            var digits = 0;
            var widest = u;
            while (widest < units.Count && digits + units[widest].Digits <= MaxItemDigits)
            {
                digits += units[widest].Digits;
                widest++;
            }

            for (var w = widest; w > u && !matched; w--)
            {
                if ((w == units.Count && !rightOk) || BlockedByNeighbour(units, u, w, lastMatchEnd))
                {
                    continue;
                }

                var unitOpenAt = u == 0 ? openAt : FindOpen(view, groups, units[u].FirstGroup);
                var kind = Classify(view, groups, units[u].FirstGroup, units[w - 1].LastGroup, u == 0 && plusAt >= 0,
                    unitOpenAt >= 0, out var usesPrefix);
                if (kind is { } k)
                {
                    var start = !usesPrefix ? groups[units[u].FirstGroup].Start : plusAt >= 0 && u == 0 ? plusAt : unitOpenAt;
                    found.Add((start, groups[units[w - 1].LastGroup].End, k));
                    lastMatchEnd = w;
                    u = w;
                    matched = true;
                }
            }

            if (!matched)
            {
                u++;
            }
        }
    }

    private static bool BlockedByNeighbour(List<Unit> units, int u, int w, int lastMatchEnd) =>
        (u > 0 && lastMatchEnd != u && units[u - 1].IsFourDigitGroup && units[u].IsSingleGroup)
        || (w < units.Count && units[w].IsFourDigitGroup && units[w - 1].IsSingleGroup);

    private static int FindOpen(ReadOnlySpan<char> view, List<Group> groups, int group)
    {
        if (groups[group].Before != NumberGap.Open)
        {
            return -1;
        }

        var gap = view[groups[group - 1].End..groups[group].Start];
        return groups[group - 1].End + gap.IndexOf('(');
    }

    private static PersonalDataKind? Classify(ReadOnlySpan<char> view, List<Group> groups, int first, int last, bool plus,
        bool openParen, out bool usesPrefix)
    {
        Span<char> digits = stackalloc char[MaxItemDigits];
        Span<int> lengths = stackalloc int[MaxItemDigits];
        Span<NumberGap> gaps = stackalloc NumberGap[MaxItemDigits];
        var count = 0;
        for (var g = first; g <= last; g++)
        {
            var run = view[groups[g].Start..groups[g].End];
            run.CopyTo(digits[count..]);
            count += run.Length;
            lengths[g - first] = run.Length;
            if (g > first)
            {
                gaps[g - first - 1] = groups[g].Before;
            }
        }

        var d = digits[..count];
        var l = lengths[..(last - first + 1)];
        var s = gaps[..(last - first)];
        usesPrefix = plus || openParen;
        if (JapanesePhoneNumber.Matches(d, l, s, plus, openParen))
        {
            return PersonalDataKind.Phone;
        }

        if (openParen && JapanesePhoneNumber.Matches(d, l, s, plus: false, openParen: false))
        {
            usesPrefix = false;
            return PersonalDataKind.Phone;
        }

        usesPrefix = false;
        if (plus || !JapanesePhoneNumber.AllSeparators(s))
        {
            return null;
        }

        if (count == 12 && (l.Length == 1 || (l.Length == 3 && l[0] == 4 && l[1] == 4)) && CheckDigits.IsValidMyNumber(d))
        {
            return PersonalDataKind.MyNumber;
        }

        return IsCardShaped(d, l) && CheckDigits.IsLuhnValid(d) ? PersonalDataKind.Card : null;
    }

    // Visa, Mastercard, JCB, American Express, Diners, Discover and UnionPay numbers start with 2–6; they are written
    // unbroken, in fours (4-4-4-4, 4-4-4-4-3, 4-4-4-1), or as 4-6-5 (Amex) and 4-6-4 (Diners).
    private static bool IsCardShaped(ReadOnlySpan<char> digits, ReadOnlySpan<int> lengths)
    {
        if (digits.Length is < 13 or > MaxItemDigits || digits[0] is < '2' or > '6')
        {
            return false;
        }

        if (lengths.Length == 1)
        {
            return true;
        }

        if (lengths.Length == 3 && lengths[0] == 4 && lengths[1] == 6)
        {
            return lengths[2] is 4 or 5;
        }

        for (var g = 0; g < lengths.Length - 1; g++)
        {
            if (lengths[g] != 4)
            {
                return false;
            }
        }

        return lengths[^1] is >= 1 and <= 4;
    }

    private static bool LeftBoundaryOk(ReadOnlySpan<char> view, int start)
    {
        if (start == 0)
        {
            return true;
        }

        var before = view[start - 1];
        if (char.IsAsciiLetter(before))
        {
            return IsLabel(view, start);
        }

        if (before is '.' or ',')
        {
            // 1.2.3.4, 3.14159…, 1,234,567: the digits continue a decimal, a version or an amount.
            return start < 2 || !char.IsAsciiDigit(view[start - 2]);
        }

        if (before is '-' or '_' or '/' && start >= 2 && char.IsAsciiLetterOrDigit(view[start - 2]))
        {
            // ABC-0312345678, R_4111…, 2026/0312…: part of an identifier.
            return char.IsAsciiLetter(view[start - 2]) && IsLabel(view, start - 1);
        }

        return true;
    }

    private static bool RightBoundaryOk(ReadOnlySpan<char> view, int end)
    {
        if (end == view.Length)
        {
            return true;
        }

        var after = view[end];
        if (char.IsAsciiLetter(after))
        {
            return false;
        }

        if (after is '.' or ',')
        {
            return end + 1 == view.Length || !char.IsAsciiDigit(view[end + 1]);
        }

        if (after is '-' or '_' or '/')
        {
            return end + 1 == view.Length || !char.IsAsciiLetterOrDigit(view[end + 1]);
        }

        return true;
    }

    // The Latin letters just before `end` form one of the labels, and the word starts there (so "TEL" but not "HOTEL").
    private static bool IsLabel(ReadOnlySpan<char> view, int end)
    {
        var start = end;
        while (start > 0 && end - start < 6 && char.IsAsciiLetter(view[start - 1]))
        {
            start--;
        }

        if (start > 0 && char.IsAsciiLetterOrDigit(view[start - 1]))
        {
            return false;
        }

        var word = view[start..end];
        foreach (var label in Labels)
        {
            if (word.Equals(label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
