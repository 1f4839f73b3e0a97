using Shishin.Core.Assessments;

namespace Shishin.Core.Tests.Assessments;

/// <summary>The computed holidays against the Cabinet Office's published lists (内閣府「国民の祝日について」).</summary>
public sealed class JapaneseHolidaysTests
{
    private static string[] Dates(int year) => [.. JapaneseHolidays.Of(year).Select(h => h.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void Of_2025_MatchesTheCabinetOfficeList()
    {
        Assert.Equal(
            ["01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06",
             "07-21", "08-11", "09-15", "09-23", "10-13", "11-03", "11-23", "11-24"],
            Dates(2025));
    }

    [Fact]
    public void Of_2026_MatchesTheCabinetOfficeListWithTheCitizensHolidayInSeptember()
    {
        Assert.Equal(
            ["01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06",
             "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23"],
            Dates(2026));
        Assert.Equal("国民の休日", JapaneseHolidays.Of(2026).Single(h => h.Date == new DateOnly(2026, 9, 22)).Name);
        Assert.Equal("振替休日", JapaneseHolidays.Of(2026).Single(h => h.Date == new DateOnly(2026, 5, 6)).Name);
    }

    [Fact]
    public void Of_2019_HasTheEnthronementDaysAndTheCitizensHolidaysAroundThem()
    {
        var dates = Dates(2019);
        Assert.Equal(["04-29", "04-30", "05-01", "05-02", "05-03", "05-04", "05-05", "05-06"], dates.Skip(4).Take(8));
        Assert.Equal("国民の休日", JapaneseHolidays.Of(2019).Single(h => h.Date == new DateOnly(2019, 4, 30)).Name);
        Assert.Contains("10-22", dates);
        Assert.DoesNotContain("12-23", dates);
        Assert.DoesNotContain("02-23", dates);
    }

    [Fact]
    public void Of_OlympicYears_MoveMarineSportsAndMountainDays()
    {
        Assert.Superset(new HashSet<string> { "07-23", "07-24", "08-10" }, Dates(2020).ToHashSet());
        Assert.Superset(new HashSet<string> { "07-22", "07-23", "08-08", "08-09" }, Dates(2021).ToHashSet());
        Assert.DoesNotContain("10-12", Dates(2020));
    }

    [Theory]
    [InlineData(2000, 3, 20, 9, 23)]
    [InlineData(2012, 3, 20, 9, 22)]
    [InlineData(2024, 3, 20, 9, 22)]
    [InlineData(2025, 3, 20, 9, 23)]
    [InlineData(2027, 3, 21, 9, 23)]
    public void Of_Equinoxes_FollowTheAnnouncedDays(int year, int vernalMonth, int vernalDay, int autumnalMonth, int autumnalDay)
    {
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(year, vernalMonth, vernalDay)));
        Assert.True(JapaneseHolidays.IsHoliday(new DateOnly(year, autumnalMonth, autumnalDay)));
    }

    [Fact]
    public void Of_Before2007_SubstituteOnlyOnTheMonday()
    {
        // 2006-01-01 was a Sunday (1/2 substitute); in 2005, 4 May was still a 国民の休日 between two holidays.
        Assert.Contains("01-02", Dates(2006));
        Assert.Contains("05-04", Dates(2005));
        Assert.Equal("みどりの日", JapaneseHolidays.Of(2005).Single(h => h.Date == new DateOnly(2005, 4, 29)).Name);
    }

    [Fact]
    public void IsHoliday_OutsideTheSupportedYears_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(new DateOnly(1999, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.Of(2100));
    }
}
