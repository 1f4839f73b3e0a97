namespace Shishin.Core.Assessments;

/// <summary>Due dates are calendar days in Japan: an item is overdue from the day after its due date, Japan time.</summary>
public static class ActionItemDates
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateOnly TodayInTokyo(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Tokyo).DateTime);
    }

    public static bool IsOverdue(ActionItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return !item.IsClosed && item.DueOn < today;
    }
}
