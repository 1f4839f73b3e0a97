namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// Whether a digit string written in groups is a Japanese phone number, from the numbering plan's structure (総務省
/// 電気通信番号計画): geographic numbers are ten digits with an area code of two to five digits (its leading 0 included) and a
/// four-digit subscriber number; 050/070/080/090 (and 020) numbers and 0800 free-dial are eleven digits; 0120 free-dial,
/// 0570 navi-dial and 0180 are ten. Area codes are checked by shape, not against the list of assigned codes.
/// </summary>
internal static class JapanesePhoneNumber
{
    public static bool Matches(ReadOnlySpan<char> digits, ReadOnlySpan<int> lengths, ReadOnlySpan<NumberGap> gaps,
        bool plus, bool openParen)
    {
        if (plus)
        {
            return MatchesInternational(digits, lengths, gaps);
        }

        if (openParen)
        {
            // (03)1234-5678, (03) 1234 5678
            return lengths.Length >= 2 && gaps[0] == NumberGap.Close && AllSeparators(gaps[1..]) && IsDomestic(digits, lengths);
        }

        if (gaps.Length == 2 && gaps[0] == NumberGap.Open && gaps[1] == NumberGap.Close)
        {
            // 03(1234)5678
            return IsDomestic(digits, lengths);
        }

        return (AllSeparators(gaps) || AllDots(gaps)) && IsDomestic(digits, lengths);
    }

    public static bool AllSeparators(ReadOnlySpan<NumberGap> gaps)
    {
        foreach (var gap in gaps)
        {
            if (gap is not (NumberGap.Space or NumberGap.Dash))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllDots(ReadOnlySpan<NumberGap> gaps) => !gaps.IsEmpty && !gaps.ContainsAnyExcept(NumberGap.Dot);

    // +81 3 1234 5678, +81-90-1234-5678, +81 (0)3-1234-5678, +81312345678: the country code replaces the trunk 0.
    private static bool MatchesInternational(ReadOnlySpan<char> digits, ReadOnlySpan<int> lengths, ReadOnlySpan<NumberGap> gaps)
    {
        if (!digits.StartsWith("81", StringComparison.Ordinal))
        {
            return false;
        }

        Span<char> domestic = stackalloc char[digits.Length];
        Span<int> domesticLengths = stackalloc int[lengths.Length];
        if (lengths.Length == 1)
        {
            return Domestic(digits[2..], [digits.Length - 2], domestic, domesticLengths, out var d, out var l) && IsDomestic(d, l);
        }

        if (lengths[0] != 2)
        {
            return false;
        }

        var first = 1;
        if (gaps[0] == NumberGap.Open)
        {
            // The "(0)" that tells a caller inside Japan to dial the trunk prefix.
            if (lengths.Length < 3 || lengths[1] != 1 || digits[2] != '0' || gaps[1] != NumberGap.Close)
            {
                return false;
            }

            first = 2;
        }
        else if (gaps[0] is not (NumberGap.Space or NumberGap.Dash))
        {
            return false;
        }

        if (!AllSeparators(gaps[first..]))
        {
            return false;
        }

        var skipped = 0;
        for (var g = 0; g < first; g++)
        {
            skipped += lengths[g];
        }

        if (first == 2 && digits[skipped] == '0')
        {
            return false;
        }

        return Domestic(digits[skipped..], lengths[first..], domestic, domesticLengths, out var digitsOut, out var lengthsOut)
            && IsDomestic(digitsOut, lengthsOut);
    }

    // Puts the trunk 0 back unless the writer kept it (+81 03-…, a common slip).
    private static bool Domestic(ReadOnlySpan<char> rest, ReadOnlySpan<int> restLengths, Span<char> digitBuffer,
        Span<int> lengthBuffer, out ReadOnlySpan<char> digits, out ReadOnlySpan<int> lengths)
    {
        var prefix = rest.Length > 0 && rest[0] == '0' ? 0 : 1;
        digitBuffer[0] = '0';
        rest.CopyTo(digitBuffer[prefix..]);
        restLengths.CopyTo(lengthBuffer);
        lengthBuffer[0] += prefix;
        digits = digitBuffer[..(rest.Length + prefix)];
        lengths = lengthBuffer[..restLengths.Length];
        return rest.Length > 0;
    }

    internal static bool IsDomestic(ReadOnlySpan<char> digits, ReadOnlySpan<int> lengths)
    {
        var n = digits.Length;
        if (n < 10 || digits[0] != '0' || digits[1] == '0')
        {
            return false;
        }

        if (digits.StartsWith("0120", StringComparison.Ordinal) || digits.StartsWith("0570", StringComparison.Ordinal)
            || digits.StartsWith("0180", StringComparison.Ordinal))
        {
            return n == 10 && (lengths.Length == 1 || Is(lengths, 4, 3, 3) || Is(lengths, 4, 2, 4) || Is(lengths, 4, 6));
        }

        if (digits[2] == '0')
        {
            // 0800 free-dial is written 0800-123-4567; 020/050/070/080/090 as 090-1234-5678.
            return n == 11 && digits[1] is ('2' or '5' or '6' or '7' or '8' or '9')
                && (lengths.Length == 1 || Is(lengths, 3, 4, 4) || Is(lengths, 3, 8) || Is(lengths, 4, 3, 4) || Is(lengths, 4, 7));
        }

        if (n != 10)
        {
            return false;
        }

        return lengths.Length switch
        {
            1 => true,
            2 => lengths[0] is >= 2 and <= 6,
            3 => lengths[0] is >= 2 and <= 5 && lengths[2] == 4,
            _ => false,
        };
    }

    private static bool Is(ReadOnlySpan<int> lengths, int a, int b) => lengths.Length == 2 && lengths[0] == a && lengths[1] == b;

    private static bool Is(ReadOnlySpan<int> lengths, int a, int b, int c) =>
        lengths.Length == 3 && lengths[0] == a && lengths[1] == b && lengths[2] == c;
}
