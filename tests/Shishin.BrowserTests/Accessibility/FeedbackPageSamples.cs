using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Data;
using Shishin.Core.Services;

namespace Shishin.BrowserTests.Accessibility;

/// <summary>
/// The feedback pages' samples for the page table, on the public service <c>axe-feedback</c> of Chiyoda: submissions with
/// redacted comments in both languages ({feedback-item} tagged and in progress), daily aggregates over three months,
/// and a published "you said, we did" item ({improvement}).
/// </summary>
internal static class FeedbackPageSamples
{
    public const string ServiceKey = "axe-feedback";

    public static async Task<Dictionary<string, string>> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        var service = new Service
        {
            Key = ServiceKey, NameJa = "粗大ごみの収集申込み", NameEn = "Bulky waste collection", OwnerOrganizationId = chiyoda, IsPublic = true,
            Phase = ServicePhase.Operation, EntryUrls = "https://www.example.lg.jp/sodai/",
        };
        db.Services.Add(service);
        var today = JapanTime.Today(TimeProvider.System);
        var item = new Feedback
        {
            ServiceId = service.Id, ReceivedAt = DateTime.UtcNow.AddHours(-2), Rating = 2, TaskCompleted = FeedbackTaskCompletion.Partly,
            Reasons = "too-many-inputs error-occurred", Comment = "送信時にエラーが出ました。連絡先は [メールアドレス] です。", Language = "ja", PagePath = "/sodai/apply",
            Source = FeedbackSource.Widget, Status = FeedbackStatus.InProgress, Tags = "forms", TriagedAt = DateTime.UtcNow.AddHours(-1),
        };
        db.Feedback.AddRange(item,
            new Feedback
            {
                ServiceId = service.Id, ReceivedAt = DateTime.UtcNow.AddDays(-1), Rating = 5, TaskCompleted = FeedbackTaskCompletion.Yes,
                Reasons = "fast", Comment = "Easy to book, thank you.", Language = "en", PagePath = "/sodai/", Source = FeedbackSource.Form,
            });
        for (var back = 0; back < 90; back += 3)
        {
            db.FeedbackDailyAggregates.Add(new FeedbackDailyAggregate
            {
                ServiceId = service.Id, Day = today.AddDays(-back), Count = 4, RatingSum = 14, Rating1 = 1, Rating3 = 1, Rating4 = 1, Rating5 = 1,
                Completed = 2, PartlyCompleted = 1, NotCompleted = 1,
            });
        }

        var improvement = new FeedbackImprovement
        {
            ServiceId = service.Id, YouSaidJa = "申込みの入力項目が多い。", YouSaidEn = "The form asks too much.", WeDidJa = "入力項目を12から7に減らしました。",
            Themes = "too-many-inputs forms", ImprovedOn = today.AddDays(-20), PublishedAt = DateTime.UtcNow.AddDays(-19),
            CreatedAt = DateTime.UtcNow.AddDays(-21), UpdatedAt = DateTime.UtcNow.AddDays(-19), Revision = 2,
        };
        db.FeedbackImprovements.Add(improvement);
        await db.SaveChangesAsync();
        return new(StringComparer.Ordinal) { ["{feedback-item}"] = item.Id.ToString(), ["{improvement}"] = improvement.Id.ToString() };
    }
}
