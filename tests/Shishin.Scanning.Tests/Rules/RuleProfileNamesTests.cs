using Shishin.Scanning.Rules;

namespace Shishin.Scanning.Tests.Rules;

public sealed class RuleProfileNamesTests
{
    [Theory]
    [InlineData("wcag2aa", RuleProfiles.Wcag2aa)]
    [InlineData("wcag22aa", RuleProfiles.Wcag22aa)]
    [InlineData("best-practice", RuleProfiles.BestPractice)]
    [InlineData("aaa", RuleProfiles.Aaa)]
    [InlineData("wcag2aa,best-practice", RuleProfiles.Wcag2aa | RuleProfiles.BestPractice)]
    [InlineData(" WCAG22AA , aaa,aaa", RuleProfiles.Wcag22aa | RuleProfiles.Aaa)]
    public void TryParse_ProfileNames_CombinesThem(string text, RuleProfiles expected)
    {
        Assert.True(RuleProfileNames.TryParse(text, out var profiles));
        Assert.Equal(expected, profiles);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("wcag21aa")]
    [InlineData("wcag2aa,")]
    [InlineData("wcag2aa;best-practice")]
    [InlineData("experimental")]
    public void TryParse_UnknownOrEmptyName_Fails(string text)
    {
        Assert.False(RuleProfileNames.TryParse(text, out var profiles));
        Assert.Equal(RuleProfiles.None, profiles);
    }

    [Fact]
    public void Format_ThePlatformProfile_ReadsBackAsItself()
    {
        var text = RuleProfileNames.Format(ScanOptions.PlatformRules);

        Assert.Equal("wcag22aa,best-practice", text);
        Assert.True(RuleProfileNames.TryParse(text, out var profiles));
        Assert.Equal(ScanOptions.PlatformRules, profiles);
        Assert.Equal(ScanOptions.PlatformRules, new ScanOptions { StartUrls = [new Uri("https://example.jp/")] }.Rules);
    }
}
