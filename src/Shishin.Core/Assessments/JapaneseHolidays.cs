namespace Shishin.Core.Assessments;

/// <summary>A public holiday of Japan with its name in Japanese (国民の祝日, 振替休日 or 国民の休日).</summary>
public sealed record JapaneseHoliday(DateOnly Date, string Name);

/// <summary>
/// Japan's public holidays under the 国民の祝日に関する法律, computed rather than listed so that any year from 2000 to 2099
/// works without a yearly update: fixed days, Happy Monday days (成人の日, 海の日, 敬老の日, スポーツの日), the equinoxes by
/// the standard formula (the Cabinet announces them each February; the formula matches every announcement so far),
/// substitute holidays (振替休日, Article 3-2) and citizens' holidays (国民の休日, Article 3-3: a weekday between two
/// holidays). The special days of 2019 (the enthronement) and the moved days of the 2020 and 2021 Olympic years come
/// from their own special laws. Government offices also close from 29 December to 3 January (行政機関の休日に関する法律);
/// those are not public holidays and are handled by <see cref="WorkingDays"/>.
/// </summary>
public static class JapaneseHolidays
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    /// <summary>The holidays of <paramref name="year"/> in date order.</summary>
    public static IReadOnlyList<JapaneseHoliday> Of(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        var holidays = NationalHolidays(year).ToDictionary(h => h.Date, h => h.Name);

        // 国民の休日: a day that is not itself a holiday, with a national holiday on either side (since 2007 it may be a
        // Sunday too, which changes nothing for working days). Computed before substitute days, which are not 祝日.
        foreach (var date in holidays.Keys.ToList())
        {
            var between = date.AddDays(1);
            if (!holidays.ContainsKey(between) && holidays.ContainsKey(between.AddDays(1)) && between.DayOfWeek != DayOfWeek.Sunday)
            {
                holidays[between] = "国民の休日";
            }
        }

        // 振替休日: a national holiday on a Sunday moves to the next day that is not a holiday (until 2006: the Monday only).
        var substitutes = new List<DateOnly>();
        foreach (var date in holidays.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday).Order())
        {
            var next = date.AddDays(1);
            if (year >= 2007)
            {
                while (holidays.ContainsKey(next) || substitutes.Contains(next))
                {
                    next = next.AddDays(1);
                }
            }
            else if (holidays.ContainsKey(next))
            {
                continue;
            }

            substitutes.Add(next);
        }

        foreach (var date in substitutes.Where(d => d.Year == year))
        {
            holidays[date] = "振替休日";
        }

        return [.. holidays.Where(h => h.Key.Year == year).OrderBy(h => h.Key).Select(h => new JapaneseHoliday(h.Key, h.Value))];
    }

    public static bool IsHoliday(DateOnly date) =>
        date.Year is >= FirstYear and <= LastYear
            ? Cache.GetOrAdd(date.Year, y => Of(y).Select(h => h.Date).ToHashSet()).Contains(date)
            : throw new ArgumentOutOfRangeException(nameof(date), date, "Holidays are computed for 2000 to 2099 only.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> Cache = new();

    /// <summary>The 国民の祝日 themselves (Article 2 and the special laws), before substitute and citizens' holidays.</summary>
    private static IEnumerable<JapaneseHoliday> NationalHolidays(int year)
    {
        DateOnly On(int month, int day) => new(year, month, day);

        yield return new(On(1, 1), "元日");
        yield return new(NthMonday(year, 1, 2), "成人の日");
        yield return new(On(2, 11), "建国記念の日");
        if (year >= 2020)
        {
            yield return new(On(2, 23), "天皇誕生日");
        }

        yield return new(On(3, VernalEquinoxDay(year)), "春分の日");
        yield return new(On(4, 29), year >= 2007 ? "昭和の日" : "みどりの日");
        yield return new(On(5, 3), "憲法記念日");
        if (year >= 2007)
        {
            // Until 2006, 4 May was a 国民の休日 between two holidays, which the rule above produces by itself.
            yield return new(On(5, 4), "みどりの日");
        }

        yield return new(On(5, 5), "こどもの日");
        yield return new(year switch
        {
            2020 => On(7, 23),
            2021 => On(7, 22),
            < 2003 => On(7, 20),
            _ => NthMonday(year, 7, 3),
        }, "海の日");
        if (year >= 2016)
        {
            yield return new(year switch { 2020 => On(8, 10), 2021 => On(8, 8), _ => On(8, 11) }, "山の日");
        }

        yield return new(year < 2003 ? On(9, 15) : NthMonday(year, 9, 3), "敬老の日");
        yield return new(On(9, AutumnalEquinoxDay(year)), "秋分の日");
        yield return new(year switch
        {
            2020 => On(7, 24),
            2021 => On(7, 23),
            _ => NthMonday(year, 10, 2),
        }, year >= 2020 ? "スポーツの日" : "体育の日");
        yield return new(On(11, 3), "文化の日");
        yield return new(On(11, 23), "勤労感謝の日");
        if (year <= 2018)
        {
            yield return new(On(12, 23), "天皇誕生日");
        }

        if (year == 2019)
        {
            // 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律; 30 April and 2 May follow as 国民の休日.
            yield return new(On(5, 1), "即位の日");
            yield return new(On(10, 22), "即位礼正殿の儀");
        }
    }

    /// <summary>The usual formula (valid 1980–2099) that the Cabinet's announcements have always matched.</summary>
    internal static int VernalEquinoxDay(int year) => (int)Math.Floor(20.8431 + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));

    internal static int AutumnalEquinoxDay(int year) => (int)Math.Floor(23.2488 + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }
}
