using Shishin.Core.Catalog;

namespace Shishin.Core.Tests.Catalog;

public sealed class WcagCriteriaTests
{
    private static readonly string[] Wcag21Additions =
    [
        "1.3.4", "1.3.5", "1.3.6", "1.4.10", "1.4.11", "1.4.12", "1.4.13", "2.1.4", "2.2.6", "2.3.3",
        "2.5.1", "2.5.2", "2.5.3", "2.5.4", "2.5.5", "2.5.6", "4.1.3",
    ];

    private static readonly string[] Wcag22Additions =
        ["2.4.11", "2.4.12", "2.4.13", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8", "3.3.9"];

    private static readonly string[] Levels = ["A", "AA", "AAA"];
    private static readonly string[] Versions = ["2.0", "2.1", "2.2"];

    [Theory]
    [InlineData("2.0", 61, 25, 13, 23)]
    [InlineData("2.1", 17, 5, 7, 5)]
    [InlineData("2.2", 9, 2, 4, 3)]
    public void All_PerVersion_HasTheCriteriaThatVersionIntroduced(string version, int total, int levelA, int levelAA, int levelAAA)
    {
        var introduced = WcagCriteria.All.Where(c => c.IntroducedIn == version).ToList();

        Assert.Equal(total, introduced.Count);
        Assert.Equal(levelA, introduced.Count(c => c.Level == "A"));
        Assert.Equal(levelAA, introduced.Count(c => c.Level == "AA"));
        Assert.Equal(levelAAA, introduced.Count(c => c.Level == "AAA"));
    }

    [Fact]
    public void IntroducedIn21_IsExactlyTheWcag21Additions() =>
        Assert.Equal(Wcag21Additions, WcagCriteria.All.Where(c => c.IntroducedIn == "2.1").Select(c => c.Number));

    [Fact]
    public void IntroducedIn22_IsExactlyTheWcag22Additions() =>
        Assert.Equal(Wcag22Additions, WcagCriteria.All.Where(c => c.IntroducedIn == "2.2").Select(c => c.Number));

    [Fact]
    public void All_NumbersAreUniqueAndEveryFieldIsFilled()
    {
        Assert.Equal(WcagCriteria.All.Count, WcagCriteria.All.Select(c => c.Number).Distinct(StringComparer.Ordinal).Count());
        Assert.All(WcagCriteria.All, c =>
        {
            Assert.Matches(@"^[1-4]\.[1-5]\.\d{1,2}$", c.Number);
            Assert.Contains(c.Level, Levels);
            Assert.Contains(c.IntroducedIn, Versions);
            Assert.False(string.IsNullOrWhiteSpace(c.NameEn), c.Number);
            Assert.False(string.IsNullOrWhiteSpace(c.NameJa), c.Number);
        });
    }

    [Fact]
    public void RemovedIn22_IsOnlyParsing()
    {
        var removed = Assert.Single(WcagCriteria.All, c => c.RemovedIn22);

        Assert.Equal("4.1.1", removed.Number);
        Assert.Equal("2.0", removed.IntroducedIn);
        Assert.Equal(86, WcagCriteria.All.Count(c => !c.RemovedIn22));
    }

    [Theory]
    [InlineData("1.4.3", "Contrast (Minimum)")]
    [InlineData("2.5.8", "Target Size (Minimum)")]
    [InlineData("4.1.1", "Parsing")]
    public void Find_KnownNumber_ReturnsTheCriterion(string number, string nameEn) =>
        Assert.Equal(nameEn, WcagCriteria.Find(number)?.NameEn);

    [Theory]
    [InlineData("1.4.14")]
    [InlineData("7.1.4.3")]
    [InlineData("")]
    public void Find_UnknownNumber_ReturnsNull(string number) =>
        Assert.Null(WcagCriteria.Find(number));

    [Theory]
    [InlineData("1.4.3", "7.1.4.3")]
    [InlineData("2.4.10", "7.2.4.10")]
    [InlineData("4.1.1", "7.4.1.1")]
    [InlineData("1.4.10", null)]
    [InlineData("2.5.8", null)]
    [InlineData("9.9.9", null)]
    public void JisNumberFor_Wcag20Criteria_Only(string wcagNumber, string? expected) =>
        Assert.Equal(expected, WcagCriteria.JisNumberFor(wcagNumber));

    [Theory]
    [InlineData("7.1.4.3", "1.4.3")]
    [InlineData("7.4.1.1", "4.1.1")]
    [InlineData("7.1.4.10", null)]
    [InlineData("1.4.3", null)]
    [InlineData("7.", null)]
    [InlineData("", null)]
    public void FromJisNumber_AcceptsJisNumbersOfWcag20Criteria(string jis, string? expectedWcagNumber) =>
        Assert.Equal(expectedWcagNumber, WcagCriteria.FromJisNumber(jis)?.Number);

    [Fact]
    public void JisNumbers_RoundTripForEveryWcag20Criterion()
    {
        var wcag20 = WcagCriteria.All.Where(c => c.IntroducedIn == "2.0").ToList();

        Assert.All(wcag20, c => Assert.Same(c, WcagCriteria.FromJisNumber(WcagCriteria.JisNumberFor(c.Number)!)));
        Assert.Equal(61, wcag20.Select(c => WcagCriteria.JisNumberFor(c.Number)).Distinct(StringComparer.Ordinal).Count());
    }
}
