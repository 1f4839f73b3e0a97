using Microsoft.EntityFrameworkCore;
using Shishin.Core.Data;

namespace Shishin.Core.CitizenFeedback;

/// <summary>
/// Feedback summed over a period (a Tokyo day or month, or a longer range). A period without submissions has no mean,
/// CSAT or completion rate: those are null ("not measured"), never 0 or 100.
/// </summary>
public sealed record FeedbackPeriod(DateOnly Start, int Count, int RatingSum, int Rating1, int Rating2, int Rating3, int Rating4, int Rating5,
    int Completed, int PartlyCompleted, int NotCompleted)
{
    public int Satisfied => Rating4 + Rating5;

    /// <summary>The mean rating, 1 to 5.</summary>
    public double? MeanRating => Count == 0 ? null : (double)RatingSum / Count;

    /// <summary>CSAT: the share (0 to 1) of submissions rated 4 or 5.</summary>
    public double? Csat => Count == 0 ? null : (double)Satisfied / Count;

    /// <summary>Task completion: the share (0 to 1) of people who said they did what they came to do.</summary>
    public double? CompletionRate => Count == 0 ? null : (double)Completed / Count;

    /// <summary>How many gave each rating, 1 first.</summary>
    public IReadOnlyList<int> Distribution => [Rating1, Rating2, Rating3, Rating4, Rating5];

    public static FeedbackPeriod Empty(DateOnly start) => new(start, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    internal static FeedbackPeriod Sum(DateOnly start, IEnumerable<FeedbackDailyAggregate> days)
    {
        var total = Empty(start);
        foreach (var d in days)
        {
            total = total with
            {
                Count = total.Count + d.Count,
                RatingSum = total.RatingSum + d.RatingSum,
                Rating1 = total.Rating1 + d.Rating1,
                Rating2 = total.Rating2 + d.Rating2,
                Rating3 = total.Rating3 + d.Rating3,
                Rating4 = total.Rating4 + d.Rating4,
                Rating5 = total.Rating5 + d.Rating5,
                Completed = total.Completed + d.Completed,
                PartlyCompleted = total.PartlyCompleted + d.PartlyCompleted,
                NotCompleted = total.NotCompleted + d.NotCompleted,
            };
        }

        return total;
    }
}

/// <summary>
/// A service's satisfaction figures from the daily aggregates (kept for ever): by day, by month and in total. What the
/// service page, the figures page, the CSV of aggregates and the summary API show.
/// </summary>
public sealed class FeedbackFigures(ShishinDbContext db)
{
    /// <summary>The longest range of months the summary answers at once (ten years).</summary>
    public const int MaxMonths = 120;

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> (Tokyo) that had submissions, oldest first.</summary>
    public async Task<IReadOnlyList<FeedbackPeriod>> DailyAsync(Guid serviceId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var days = await db.FeedbackDailyAggregates.AsNoTracking()
            .Where(a => a.ServiceId == serviceId && a.Day >= from && a.Day <= to && a.Count > 0)
            .OrderBy(a => a.Day).ToListAsync(cancellationToken);
        return [.. days.Select(d => FeedbackPeriod.Sum(d.Day, [d]))];
    }

    /// <summary>
    /// Every month from the month of <paramref name="firstMonth"/> to that of <paramref name="lastMonth"/>, oldest first,
    /// each present even without submissions (then with a count of 0 and no rates).
    /// </summary>
    public async Task<IReadOnlyList<FeedbackPeriod>> MonthlyAsync(Guid serviceId, DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        var last = new DateOnly(lastMonth.Year, lastMonth.Month, 1);
        if (last < first)
        {
            return [];
        }

        var end = last.AddMonths(1).AddDays(-1);
        var days = await db.FeedbackDailyAggregates.AsNoTracking()
            .Where(a => a.ServiceId == serviceId && a.Day >= first && a.Day <= end)
            .ToListAsync(cancellationToken);
        var byMonth = days.ToLookup(d => new DateOnly(d.Day.Year, d.Day.Month, 1));
        var months = new List<FeedbackPeriod>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            months.Add(FeedbackPeriod.Sum(month, byMonth[month]));
        }

        return months;
    }

    /// <summary>Everything from <paramref name="from"/> to <paramref name="to"/> (Tokyo days) in one period.</summary>
    public async Task<FeedbackPeriod> TotalAsync(Guid serviceId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var days = await db.FeedbackDailyAggregates.AsNoTracking()
            .Where(a => a.ServiceId == serviceId && a.Day >= from && a.Day <= to)
            .ToListAsync(cancellationToken);
        return FeedbackPeriod.Sum(from, days);
    }
}
