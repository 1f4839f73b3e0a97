namespace Shishin.Core.Organizations;

/// <summary>全国地方公共団体コード: five digits and a modulus-11 check digit.</summary>
public static class LocalGovernmentCodes
{
    public static bool HasValidCheckDigit(string code)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (code[i] - '0') * (6 - i);
        }

        var check = 11 - (sum % 11);
        if (check >= 10)
        {
            check -= 10;
        }

        return code[5] - '0' == check;
    }
}
