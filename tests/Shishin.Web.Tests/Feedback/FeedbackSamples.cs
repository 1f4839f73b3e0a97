using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Data;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary>
/// Feedback written straight through the real DbContext, as the intake's group-commit writer would leave it: submissions
/// with redacted comments and their daily aggregates.
/// </summary>
internal sealed class FeedbackSamples(IServiceProvider services)
{
    /// <summary>A service of Chiyoda City with a unique key; public unless said otherwise.</summary>
    public async Task<Service> ServiceAsync(bool isPublic = true)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        return await AssessmentSamples.ServiceAsync(db, "fb-" + Guid.NewGuid().ToString("N")[..10], chiyoda, isPublic,
            more: s => s.EntryUrls = "https://www.city.example.lg.jp/apply");
    }

    public async Task<Shishin.Core.CitizenFeedback.Feedback> AddAsync(Guid serviceId, int rating, string? comment, DateTime receivedAt,
        FeedbackTaskCompletion task = FeedbackTaskCompletion.Yes, string reasons = "", FeedbackStatus status = FeedbackStatus.New, string tags = "",
        string language = "ja")
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var item = new Shishin.Core.CitizenFeedback.Feedback
        {
            ServiceId = serviceId, ReceivedAt = receivedAt, Rating = rating, TaskCompleted = task, Reasons = reasons, Comment = comment,
            Language = language, PagePath = "/apply", Source = FeedbackSource.Widget, Status = status, Tags = tags,
        };
        db.Feedback.Add(item);
        await db.SaveChangesAsync();
        return item;
    }

    /// <summary>A day's aggregate with the given ratings (rated 4 and 5 completed their task, the rest did not).</summary>
    public async Task DayAsync(Guid serviceId, DateOnly day, params int[] ratings)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        db.FeedbackDailyAggregates.Add(new FeedbackDailyAggregate
        {
            ServiceId = serviceId, Day = day, Count = ratings.Length, RatingSum = ratings.Sum(),
            Rating1 = ratings.Count(r => r == 1), Rating2 = ratings.Count(r => r == 2), Rating3 = ratings.Count(r => r == 3),
            Rating4 = ratings.Count(r => r == 4), Rating5 = ratings.Count(r => r == 5),
            Completed = ratings.Count(r => r >= 4), NotCompleted = ratings.Count(r => r < 4),
        });
        await db.SaveChangesAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<ShishinDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ShishinDbContext>());
    }

    public static DateOnly Today => JapanTime.Today(TimeProvider.System);

    /// <summary>Noon in Tokyo on a day, as stored (UTC).</summary>
    public static DateTime Noon(DateOnly day) => JapanTime.ToUtc(day, new TimeOnly(12, 0));
}
