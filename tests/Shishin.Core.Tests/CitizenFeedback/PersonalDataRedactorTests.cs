using System.Text;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Core.Tests.CitizenFeedback;

public sealed class PersonalDataRedactorTests
{
    private static readonly string[] Dashes = ["-", "－", "ー", "−", "‐", "―", "–", "ｰ"];
    private static readonly string[] Spaces = [" ", "　"];

    // Digit-free text around the items, so any digit left in the output belongs to a redacted item.
    private static readonly string[] Templates =
    [
        "{0}", "連絡先は{0}です", "電話：{0}", "「{0}」", "番号 {0} まで", "Please call {0}.", "({0})", "改行\n{0}\nです",
    ];

    [Fact]
    public void Redact_TextWithoutDigitsOrAt_ReturnsTheSameString()
    {
        const string text = "とても使いやすかったです。Great service!";

        var result = PersonalDataRedactor.Redact(text);

        Assert.Same(text, result.Text);
        Assert.Equal(0, result.Redactions);
    }

    [Fact]
    public void Redact_Null_Throws() => Assert.Throws<ArgumentNullException>(() => PersonalDataRedactor.Redact(null!));

    [Fact]
    public void Redact_EveryKind_CountsEachKind()
    {
        var result = PersonalDataRedactor.Redact(
            "a@example.jp b@example.jp 090-1234-5678 123456789018 4111111111111111 5555555555554444 03-1234-5678");

        Assert.Equal(7, result.Redactions);
        Assert.Equal(2, result.EmailAddresses);
        Assert.Equal(2, result.PhoneNumbers);
        Assert.Equal(1, result.MyNumbers);
        Assert.Equal(2, result.CardNumbers);
    }

    [Fact]
    public void Redact_GeneratedPhones_LeaveNoDigitAndOnePhonePlaceholder() =>
        AssertGenerated(GeneratePhone, PersonalDataRedactor.PhonePlaceholder);

    [Fact]
    public void Redact_GeneratedMyNumbers_LeaveNoDigitAndOneMyNumberPlaceholder() =>
        AssertGenerated(GenerateMyNumber, PersonalDataRedactor.MyNumberPlaceholder);

    [Fact]
    public void Redact_GeneratedCards_LeaveNoDigitAndOneCardPlaceholder() =>
        AssertGenerated(GenerateCard, PersonalDataRedactor.CardPlaceholder);

    [Fact]
    public void Redact_GeneratedEmailAddresses_LeaveNoDigitAndOneEmailPlaceholder() =>
        AssertGenerated(GenerateEmail, PersonalDataRedactor.EmailPlaceholder);

    [Fact]
    public void Redact_GeneratedMyNumbersWithBadCheckDigit_AreLeftAsWritten()
    {
        var random = new Random(15);
        for (var i = 0; i < 500; i++)
        {
            var digits = RandomDigits(random, 11);
            var bad = (CheckDigits.MyNumberCheckDigit(digits) + 1 + random.Next(9)) % 10;
            var text = $"番号は{Width(random, digits + bad)}です";

            Assert.Equal(text, PersonalDataRedactor.Redact(text).Text);
        }
    }

    [Fact]
    public void Redact_GeneratedCardsFailingLuhn_AreLeftAsWritten()
    {
        var random = new Random(16);
        for (var i = 0; i < 500; i++)
        {
            var valid = LuhnComplete("4" + RandomDigits(random, 14));
            var bad = valid[..^1] + (char)('0' + ((valid[^1] - '0' + 1 + random.Next(9)) % 10));
            var text = $"カード {Grouped(random, bad, [4, 4, 4, 4])} です";

            Assert.Equal(text, PersonalDataRedactor.Redact(text).Text);
        }
    }

    public static TheoryData<string, string, int> Hostile() => new()
    {
        { "digits and spaces", Repeat("1 ", 1000), 0 },
        { "digits and hyphens", Repeat("1-", 1000), 0 },
        { "digits and dots", Repeat("1.", 1000), 0 },
        { "digits and parentheses", Repeat("1(", 1000), 0 },
        { "one long digit run", Repeat("0", 2000), 0 },
        { "full-width digits", Repeat("０", 2000), 0 },
        { "four-digit groups", Repeat("4111 ", 400), 0 },
        { "+81 prefixes", Repeat("+81 (0)", 285), 0 },
        { "at signs", Repeat("@", 2000), 0 },
        { "local part then at", Repeat("a", 1999) + "@", 0 },
        { "dotted local part", Repeat("a.", 999) + "@a", 0 },
        { "half addresses", Repeat("a@a", 666), 0 },
        { "domain labels without TLD", "a@" + Repeat("a1.", 666), 0 },
        { "long domain label", "a@" + Repeat("a", 1990) + ".jp", 0 },
        { "combining marks", "0" + Repeat("\u0301", 1999), 0 },
        { "URL of digits", "https://" + Repeat("1", 1992), 0 },
        { "addresses", Repeat("a@b.cd ", 285), 285 },
        { "phones", Repeat("090-1234-5678 ", 142), 142 },
        { "My Numbers in fours", Repeat("1234 5678 9018、", 133), 133 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Redact_HostileInputOfMaximumLength_FinishesWithExactRedactions(string name, string text, int redactions)
    {
        Assert.InRange(text.Length, 1, Feedback.MaxCommentLength);

        var result = PersonalDataRedactor.Redact(text);

        Assert.True(redactions == result.Redactions, $"{name}: {result.Redactions} redactions");
    }

    [Fact]
    public void FindEmailAddressesBluntly_AnyWordWithAt_IsAnAddress()
    {
        var found = new List<(int Start, int End, PersonalDataKind Kind)>();

        PersonalDataRedactor.FindEmailAddressesBluntly("a@b 価格@100円 なし\n@x", found);

        Assert.Equal([(0, 3, PersonalDataKind.Email), (4, 11, PersonalDataKind.Email), (15, 17, PersonalDataKind.Email)], found);
    }

    private static void AssertGenerated(Func<Random, string> generate, string placeholder)
    {
        var random = new Random(placeholder.Length * 31);
        for (var i = 0; i < 400; i++)
        {
            var item = generate(random);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Templates[random.Next(Templates.Length)], item);

            var result = PersonalDataRedactor.Redact(text);

            Assert.True(result.Redactions == 1 && result.Text.Contains(placeholder, StringComparison.Ordinal),
                $"«{text}» gave «{result.Text}»");
            Assert.False(result.Text.Normalize(NormalizationForm.FormKC).Any(char.IsAsciiDigit), $"«{text}» gave «{result.Text}»");
        }
    }

    private static string GeneratePhone(Random random)
    {
        // Subscriber numbers never start with 0 (that digit is the trunk prefix).
        var (digits, groups) = random.Next(8) switch
        {
            0 => ("03" + LocalDigits(random, 8), new[] { 2, 4, 4 }),
            1 => ("045" + LocalDigits(random, 7), [3, 3, 4]),
            2 => ("0467" + LocalDigits(random, 6), [4, 2, 4]),
            3 => ("01267" + LocalDigits(random, 5), [5, 1, 4]),
            4 => ("0" + "5789"[random.Next(4)] + "0" + LocalDigits(random, 8), [3, 4, 4]),
            5 => ("0120" + LocalDigits(random, 6), [4, 3, 3]),
            6 => ("0570" + LocalDigits(random, 6), [4, 3, 3]),
            _ => ("0800" + LocalDigits(random, 7), [4, 3, 4]),
        };

        return random.Next(6) switch
        {
            0 => Width(random, digits),
            1 when groups[0] <= 3 && groups[1] == 4 => Width(random, $"{digits[..groups[0]]}({digits[groups[0]..(groups[0] + 4)]}){digits[(groups[0] + 4)..]}"),
            2 => Width(random, $"({digits[..groups[0]]}){digits[groups[0]..(groups[0] + groups[1])]}-{digits[(groups[0] + groups[1])..]}"),
            3 => Width(random, "+81" + Pick(random, ["-", " ", " (0)", "(0)"]) + Grouped(random, digits[1..], [groups[0] - 1, groups[1], groups[2]])),
            _ => Grouped(random, digits, groups),
        };
    }

    private static string GenerateMyNumber(Random random)
    {
        var digits = RandomDigits(random, 11);
        digits += CheckDigits.MyNumberCheckDigit(digits);
        return random.Next(2) == 0 ? Width(random, digits) : Grouped(random, digits, [4, 4, 4]);
    }

    private static string GenerateCard(Random random)
    {
        var (prefix, length, groups) = random.Next(5) switch
        {
            0 => ("4", 16, new[] { 4, 4, 4, 4 }),
            1 => ("5" + (char)('1' + random.Next(5)), 16, [4, 4, 4, 4]),
            2 => ("35" + (char)('2' + random.Next(7)), 16, [4, 4, 4, 4]),
            3 => ("3" + "47"[random.Next(2)], 15, [4, 6, 5]),
            _ => ("62", 19, [4, 4, 4, 4, 3]),
        };
        var digits = LuhnComplete(prefix + RandomDigits(random, length - prefix.Length - 1));
        return random.Next(3) == 0 ? Width(random, digits) : Grouped(random, digits, groups);
    }

    private static string GenerateEmail(Random random)
    {
        var local = Pick(random, ["taro", "hanako.yamada", "t_suzuki", "info+feedback", "a.b-c"]);
        var domain = Pick(random, ["example.jp", "mail.example.co.jp", "city.example.lg.jp", "example.com"]);
        var at = Pick(random, ["@", "＠", "﹫"]);
        return Width(random, local) + at + Width(random, domain);
    }

    private static string Grouped(Random random, string digits, int[] groups)
    {
        var output = new StringBuilder();
        var position = 0;
        var separator = random.Next(2) == 0 ? Pick(random, Dashes) : Pick(random, Spaces);
        foreach (var length in groups)
        {
            if (position > 0)
            {
                output.Append(separator);
            }

            output.Append(Width(random, digits.Substring(position, length)));
            position += length;
        }

        return output.ToString();
    }

    // Half-width, full-width or a mix of both, character by character.
    private static string Width(Random random, string text)
    {
        var mode = random.Next(3);
        return string.Concat(text.Select(c =>
            (mode == 1 || (mode == 2 && random.Next(2) == 0)) && c is > ' ' and <= '~' ? (char)(c + 0xFEE0) : c));
    }

    private static string LuhnComplete(string digits)
    {
        for (var d = '0'; d <= '9'; d++)
        {
            if (CheckDigits.IsLuhnValid(digits + d))
            {
                return digits + d;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static string RandomDigits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static string LocalDigits(Random random, int count) =>
        (char)('1' + random.Next(9)) + RandomDigits(random, count - 1);

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));
}
