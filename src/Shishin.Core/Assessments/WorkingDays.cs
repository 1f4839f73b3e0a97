namespace Shishin.Core.Assessments;

/// <summary>
/// Working days of Tokyo's government offices: Monday to Friday, except public holidays (<see cref="JapaneseHolidays"/>)
/// and the year-end and New Year closure from 29 December to 3 January (行政機関の休日に関する法律 Article 1).
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsYearEndClosure(date)
        && !JapaneseHolidays.IsHoliday(date);

    /// <summary>29 December to 3 January: not public holidays, but the offices are closed.</summary>
    public static bool IsYearEndClosure(DateOnly date) => (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (the start day itself does not count).</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }
}
