using Shishin.Core.CitizenFeedback;

namespace Shishin.Core.Tests.CitizenFeedback;

public sealed class CheckDigitsTests
{
    [Theory]
    [InlineData("12345678901", 8)]
    [InlineData("98765432109", 3)]
    [InlineData("00000000001", 9)] // Σ = 2, remainder 2 → 11 − 2
    [InlineData("00000000000", 0)] // remainder 0 → 0
    [InlineData("00000000006", 0)] // Σ = 12, remainder 1 → 0
    [InlineData("10000000000", 5)] // the leftmost digit weighs Q(11) = 6
    [InlineData("00000100000", 4)] // P(6) weighs 7, P(7) weighs 2: Σ = 7 → 4
    [InlineData("00001000000", 9)] // P(7) weighs 2 → 9
    public void MyNumberCheckDigit_KnownDigits_ReturnsCheckDigit(string firstEleven, int expected) =>
        Assert.Equal(expected, CheckDigits.MyNumberCheckDigit(firstEleven));

    [Fact]
    public void MyNumberCheckDigit_EveryWeight_MatchesTheFormula()
    {
        // One digit at a time: the check digit of a single 1 at position n (from the right) is 11 − Q(n) (Q(n) ≥ 2).
        for (var n = 1; n <= 11; n++)
        {
            var digits = new string('0', 11 - n) + "1" + new string('0', n - 1);
            var weight = n <= 6 ? n + 1 : n - 5;

            Assert.Equal(11 - weight, CheckDigits.MyNumberCheckDigit(digits));
        }
    }

    [Theory]
    [InlineData("123456789018", true)]
    [InlineData("123456789019", false)]
    [InlineData("000000000019", true)]
    [InlineData("12345678901", false)]
    [InlineData("1234567890180", false)]
    [InlineData("12345678901a", false)]
    [InlineData("１２３４５６７８９０１８", false)] // callers pass the normalised view
    public void IsValidMyNumber_Digits_ChecksLengthAndCheckDigit(string digits, bool expected) =>
        Assert.Equal(expected, CheckDigits.IsValidMyNumber(digits));

    [Theory]
    [InlineData("1234567890")]
    [InlineData("123456789012")]
    [InlineData("1234567890a")]
    public void MyNumberCheckDigit_NotElevenDigits_Throws(string digits) =>
        Assert.Throws<ArgumentException>(() => CheckDigits.MyNumberCheckDigit(digits));

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("3530111333300000", true)]
    [InlineData("79927398713", true)] // the textbook example
    [InlineData("4111111111111112", false)]
    [InlineData("79927398710", false)]
    [InlineData("", false)]
    [InlineData("4111-1111", false)]
    public void IsLuhnValid_Digits_ChecksTheLuhnSum(string digits, bool expected) =>
        Assert.Equal(expected, CheckDigits.IsLuhnValid(digits));

    [Fact]
    public void IsLuhnValid_AnySingleDigitChanged_IsInvalid()
    {
        const string valid = "4242424242424242";
        for (var i = 0; i < valid.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == valid[i])
                {
                    continue;
                }

                var changed = string.Concat(valid.AsSpan(0, i), d.ToString(), valid.AsSpan(i + 1));
                Assert.False(CheckDigits.IsLuhnValid(changed), changed);
            }
        }
    }
}
