using System.Globalization;
using System.Text;
using Shishin.Core.CitizenFeedback;

namespace Shishin.Core.Tests.CitizenFeedback;

public sealed class RedactionViewTests
{
    [Fact]
    public void IsStable_EveryStableCharacter_NormalisesToItsFastForm()
    {
        for (var c = '\0'; c < '\uD800'; c++)
        {
            if (RedactionView.IsStable(c))
            {
                Assert.Equal(RedactionView.FastNormalise(c).ToString(), c.ToString().Normalize(NormalizationForm.FormKC));
            }
        }

        for (var c = '\uE000'; c < '\uFFFF'; c++)
        {
            if (RedactionView.IsStable(c))
            {
                Assert.Equal(RedactionView.FastNormalise(c).ToString(), c.ToString().Normalize(NormalizationForm.FormKC));
            }
        }
    }

    [Fact]
    public void MayHoldItem_EveryCharacterNormalisingToADigitOrAt_IsATrigger()
    {
        var missing = new List<string>();
        for (var code = 0; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c))
            {
                // Supplementary characters (𝟎, 🄁…) take the slow path through their high surrogate.
                Assert.Equal(char.IsHighSurrogate(c), PersonalDataRedactor.MayHoldItem(c));
                continue;
            }

            string normalised;
            try
            {
                normalised = c.ToString().Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (normalised.Any(n => char.IsAsciiDigit(n) || n == '@') && !PersonalDataRedactor.MayHoldItem(c))
            {
                missing.Add($"U+{code:X4}");
            }
        }

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("０３－１２３４－５６７８")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")]
    [InlineData("ｶﾞｲﾄﾞ ⑴ ㍻ e\u0301 か\u3099 👍🏽 𝟎𝟑 ﷺ")]
    [InlineData("電話　090ー1234―5678、Café")]
    [InlineData("①090-1234-5678 ⑴03 ⒈5")]
    [InlineData("")]
    public void Create_AnyText_EqualsNfkcPerTextElementWithFolding(string text)
    {
        using var view = RedactionView.Create(text);

        Assert.Equal(Reference(text), view.Chars.ToString());
    }

    [Fact]
    public void Create_LoneSurrogate_IsKeptAsWritten()
    {
        var text = "03-1234-5678" + '\uD800' + "x" + '\uDC00';
        using var view = RedactionView.Create(text);

        Assert.Equal(text, view.Chars.ToString());
    }

    [Fact]
    public void ToOriginal_RangeInsideExpandedElements_CoversWholeElements()
    {
        const string text = "aｶﾞ㍻b";
        using var view = RedactionView.Create(text);

        // ｶﾞ is two characters but one text element (カ + combining ﾞ → ガ); ㍻ expands to 平成.
        Assert.Equal("aガ平成b", view.Chars.ToString());
        Assert.Equal((1, 3), view.ToOriginal(1, 2));
        Assert.Equal((3, 4), view.ToOriginal(2, 3));
        Assert.Equal((3, 4), view.ToOriginal(3, 4));
        Assert.Equal((0, 5), view.ToOriginal(0, 5));
    }

    [Fact]
    public void Create_LongText_GrowsBeyondTheInitialBuffer()
    {
        var text = string.Concat(Enumerable.Repeat("﷽", 300)); // each expands to a whole phrase

        using var view = RedactionView.Create(text);

        Assert.Equal(300 * "﷽".Normalize(NormalizationForm.FormKC).Length, view.Length);
        Assert.Equal((299, 300), view.ToOriginal(view.Length - 1, view.Length));
    }

    private static string Reference(string text)
    {
        var output = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            string normalised;
            try
            {
                normalised = element.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                normalised = element;
            }

            foreach (var c in normalised)
            {
                output.Append(RedactionView.Fold(c));
            }

            if (RedactionView.IsEnclosedNumber(element[0]))
            {
                output.Append(RedactionView.MaskChar);
            }
        }

        return output.ToString();
    }
}
