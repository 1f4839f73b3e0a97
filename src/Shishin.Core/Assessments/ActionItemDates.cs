namespace Shishin.Core.Assessments;

/// <summary>Due dates are calendar days in Japan: an item is overdue from the day after its due date, Japan time.</summary>
public static class ActionItemDates
{
    public static bool IsOverdue(ActionItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        return !item.IsClosed && item.DueOn < today;
    }
}
