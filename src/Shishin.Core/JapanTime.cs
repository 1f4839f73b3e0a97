namespace Shishin.Core;

/// <summary>
/// Japan time, in which Shishin's people live: dates they enter and read (due dates, phase changes, fiscal years) are
/// Japan dates, and stored UTC times are shown in Japan time. One place, so that no page or job picks another zone.
/// </summary>
public static class JapanTime
{
    /// <summary>Asia/Tokyo (UTC+9, no daylight saving time since 1951).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>A moment as the clocks in Japan show it.</summary>
    public static DateTimeOffset From(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>A stored UTC time (EF Core hands them back unspecified) as the clocks in Japan show it.</summary>
    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The date in Japan at <paramref name="time"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset time) => DateOnly.FromDateTime(From(time).DateTime);

    /// <summary>Today in Japan by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The UTC moment of <paramref name="time"/> o'clock on <paramref name="day"/> in Japan.</summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time = default) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), Zone);
}
