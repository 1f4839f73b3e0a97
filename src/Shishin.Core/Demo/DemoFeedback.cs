using Shishin.Core.CitizenFeedback;
using Shishin.Core.Services;

namespace Shishin.Core.Demo;

/// <summary>
/// Feedback for the demo: for the first public web services in operation, 120 days of daily aggregates and the last
/// month's submissions with redacted-looking comments in a living inbox (new, in progress, answered, tagged), and one
/// published "you said, we did" item, so that a newcomer sees every staff page with something in it. Repeatable: the
/// same data on every run, dated back from today.
/// </summary>
internal static class DemoFeedback
{
    public const int ServicesWithFeedback = 2;
    public const int DaysOfFigures = 120;

    private static readonly (int Rating, FeedbackTaskCompletion Task, string Reasons, string? Comment, string Language, FeedbackStatus Status, string Tags)[] Samples =
    [
        (5, FeedbackTaskCompletion.Yes, "easy-to-understand fast", "スマートフォンから5分で申し込めました。ありがとうございます。", "ja", FeedbackStatus.Answered, "mobile"),
        (2, FeedbackTaskCompletion.Partly, "too-many-inputs took-too-long", "入力項目が多く、途中で時間切れになりました。連絡先は [メールアドレス] です。", "ja", FeedbackStatus.InProgress, "forms timeout"),
        (1, FeedbackTaskCompletion.No, "error-occurred", "送信ボタンを押すとエラーになります。[電話番号] に電話しても繋がりませんでした。", "ja", FeedbackStatus.New, ""),
        (4, FeedbackTaskCompletion.Yes, "easy-to-find", "必要な書類が最初に分かって助かりました。", "ja", FeedbackStatus.New, ""),
        (3, FeedbackTaskCompletion.Partly, "hard-to-understand", "The English page says the office is closed on weekends, but the Japanese page does not.", "en", FeedbackStatus.New, "english"),
        (5, FeedbackTaskCompletion.Yes, "works-on-phone", null, "ja", FeedbackStatus.New, ""),
        (2, FeedbackTaskCompletion.No, "not-accessible", "スクリーンリーダーで日付の選択欄が読み上げられません。", "ja", FeedbackStatus.InProgress, "accessibility forms"),
        (4, FeedbackTaskCompletion.Yes, "fast", "Quick and clear. My card number [カード番号] was not needed, which is good.", "en", FeedbackStatus.WontFix, ""),
    ];

    public static (List<Feedback> Feedback, List<FeedbackDailyAggregate> Days, List<FeedbackImprovement> Improvements) Build(
        DemoCalendar calendar, IReadOnlyList<Service> services)
    {
        var feedback = new List<Feedback>();
        var days = new List<FeedbackDailyAggregate>();
        var improvements = new List<FeedbackImprovement>();
        foreach (var service in services.Take(ServicesWithFeedback))
        {
            // Submissions of the last 30 days, each counted in its day's aggregate below.
            var recent = new Dictionary<DateOnly, List<Feedback>>();
            for (var i = 0; i < 24; i++)
            {
                var sample = Samples[i % Samples.Length];
                var day = calendar.DaysAgo(i * 30 / 24);
                var item = new Feedback
                {
                    ServiceId = service.Id,
                    ReceivedAt = calendar.At(day, 9 + (i % 9)),
                    Rating = sample.Rating,
                    TaskCompleted = sample.Task,
                    Reasons = sample.Reasons,
                    Comment = sample.Comment,
                    Language = sample.Language,
                    PagePath = "/apply",
                    Source = (FeedbackSource)(i % 3),
                    Status = i < Samples.Length ? sample.Status : FeedbackStatus.New,
                    Tags = i < Samples.Length ? sample.Tags : "",
                    TriagedAt = i < Samples.Length && sample.Status != FeedbackStatus.New ? calendar.At(day, 18) : null,
                };
                feedback.Add(item);
                (recent.TryGetValue(day, out var list) ? list : recent[day] = []).Add(item);
            }

            for (var back = 0; back < DaysOfFigures; back++)
            {
                var day = calendar.DaysAgo(back);
                var aggregate = new FeedbackDailyAggregate { ServiceId = service.Id, Day = day };
                if (recent.TryGetValue(day, out var items))
                {
                    foreach (var item in items)
                    {
                        Add(aggregate, item.Rating, item.TaskCompleted);
                    }
                }
                else
                {
                    // Older days: a few ratings a day, satisfaction rising slowly towards today.
                    var count = (int)(DemoCalendar.Hash($"{service.Key}/{back}") % 6);
                    for (var n = 0; n < count; n++)
                    {
                        var dice = DemoCalendar.Fraction($"{service.Key}/{back}/{n}") + (DaysOfFigures - back) / (DaysOfFigures * 4.0);
                        var rating = dice switch { < 0.15 => 1, < 0.3 => 2, < 0.5 => 3, < 0.8 => 4, _ => 5 };
                        Add(aggregate, rating, rating >= 4 ? FeedbackTaskCompletion.Yes : rating == 3 ? FeedbackTaskCompletion.Partly : FeedbackTaskCompletion.No);
                    }
                }

                if (aggregate.Count > 0)
                {
                    days.Add(aggregate);
                }
            }

            if (improvements.Count == 0)
            {
                improvements.Add(new FeedbackImprovement
                {
                    ServiceId = service.Id,
                    YouSaidJa = "申請の入力項目が多く、途中で時間切れになる。",
                    YouSaidEn = "The application asks too much and times out before you finish.",
                    WeDidJa = "入力項目を32から19に減らし、入力中の内容を自動で保存するようにしました。",
                    WeDidEn = "We cut the questions from 32 to 19 and now save your answers as you go.",
                    Themes = "too-many-inputs took-too-long forms",
                    ImprovedOn = calendar.DaysAgo(45),
                    PublishedAt = calendar.At(calendar.DaysAgo(40)),
                    CreatedAt = calendar.At(calendar.DaysAgo(46)),
                    UpdatedAt = calendar.At(calendar.DaysAgo(40)),
                    Revision = 2,
                });
            }
        }

        return (feedback, days, improvements);
    }

    private static void Add(FeedbackDailyAggregate aggregate, int rating, FeedbackTaskCompletion task)
    {
        aggregate.Count++;
        aggregate.RatingSum += rating;
        switch (rating)
        {
            case 1: aggregate.Rating1++; break;
            case 2: aggregate.Rating2++; break;
            case 3: aggregate.Rating3++; break;
            case 4: aggregate.Rating4++; break;
            default: aggregate.Rating5++; break;
        }

        switch (task)
        {
            case FeedbackTaskCompletion.Yes: aggregate.Completed++; break;
            case FeedbackTaskCompletion.Partly: aggregate.PartlyCompleted++; break;
            default: aggregate.NotCompleted++; break;
        }
    }
}
