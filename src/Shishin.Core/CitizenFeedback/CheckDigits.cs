namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// The two check-digit schemes that tell a real identifier from an arbitrary digit string: the My Number (個人番号)
/// mod-11 check digit and the Luhn check of payment cards. Both read ASCII digits only; callers pass the digits of a
/// normalised view.
/// </summary>
internal static class CheckDigits
{
    /// <summary>
    /// The check digit of an individual number as the 総務省令 under 番号法施行令 第8条 defines it: with P(n) the n-th of the first eleven digits counted from
    /// the right and Q(n) = n + 1 for n ≤ 6, n − 5 for n ≥ 7, the check digit is 0 when Σ P(n)·Q(n) mod 11 ≤ 1 and
    /// 11 − that remainder otherwise.
    /// </summary>
    public static int MyNumberCheckDigit(ReadOnlySpan<char> firstEleven)
    {
        if (firstEleven.Length != 11)
        {
            throw new ArgumentException("An individual number has eleven digits before its check digit.", nameof(firstEleven));
        }

        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            var digit = firstEleven[11 - n] - '0';
            if ((uint)digit > 9)
            {
                throw new ArgumentException("Only ASCII digits are allowed.", nameof(firstEleven));
            }

            sum += digit * (n <= 6 ? n + 1 : n - 5);
        }

        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    public static bool IsValidMyNumber(ReadOnlySpan<char> digits) =>
        digits.Length == 12 && IsAllDigits(digits) && MyNumberCheckDigit(digits[..11]) == digits[11] - '0';

    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty || !IsAllDigits(digits))
        {
            return false;
        }

        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> digits) => !digits.ContainsAnyExceptInRange('0', '9');
}
