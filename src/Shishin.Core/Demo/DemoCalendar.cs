namespace Shishin.Core.Demo;

/// <summary>
/// Every demo date counts back from today in Japan, so that the data stays alive on any day it is loaded: an overdue
/// action is overdue, a recent report is still open for the team's response.
/// </summary>
internal sealed class DemoCalendar(TimeProvider clock)
{
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(JapanTime.FromUtc(Now));

    /// <summary>The fiscal year (年度, April to March) of today, named by the year it starts.</summary>
    public int FiscalYear => Today.Month >= 4 ? Today.Year : Today.Year - 1;

    public DateOnly DaysAgo(int days) => Today.AddDays(-days);

    /// <summary>A moment of office hours (Japan time) on <paramref name="day"/>, in UTC as stored; never later than now.</summary>
    public DateTime At(DateOnly day, int hour = 10)
    {
        var utc = JapanTime.ToUtc(day, new TimeOnly(hour, 0));
        return utc > Now ? Now : utc;
    }

    /// <summary>A stable number from text (FNV-1a), so the same data comes out on every run and every machine.</summary>
    public static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>A fraction in [0, 1) from text: the demo's "dice", repeatable unlike <see cref="Random"/>.</summary>
    public static double Fraction(string text) => Hash(text) % 10000 / 10000.0;
}
