using Shishin.Core.Assessments;

namespace Shishin.Core.Tests.Assessments;

public sealed class WorkingDaysTests
{
    [Fact]
    public void Add_TenDaysFromTheDayBeforeShowaDay_SkipsGoldenWeek()
    {
        // 4/29 Showa Day, 5/2–5/6 weekend and Golden Week (5/6 substitute for Constitution Day on a Sunday).
        Assert.Equal(new DateOnly(2026, 5, 18), WorkingDays.Add(new DateOnly(2026, 4, 28), 10));
    }

    [Fact]
    public void Add_TenDaysBeforeTheYearEnd_SkipsTheClosureAndComingOfAgeDay()
    {
        // 12/29–1/3 offices closed, 1/12 成人の日.
        Assert.Equal(new DateOnly(2026, 1, 15), WorkingDays.Add(new DateOnly(2025, 12, 24), 10));
    }

    [Fact]
    public void IsWorkingDay_WeekendsHolidaysAndClosure_AreNot()
    {
        Assert.True(WorkingDays.IsWorkingDay(new DateOnly(2026, 4, 28)));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 4, 29)));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 5, 2)));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2025, 12, 29)));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(WorkingDays.IsWorkingDay(new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void TokyoDate_LateUtcEvening_IsTheNextDayInJapan()
    {
        Assert.Equal(new DateOnly(2026, 4, 29), JapanTime.DateOf(new DateTimeOffset(2026, 4, 28, 15, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 4, 28), JapanTime.DateOf(new DateTimeOffset(2026, 4, 28, 14, 59, 0, TimeSpan.Zero)));
    }
}
