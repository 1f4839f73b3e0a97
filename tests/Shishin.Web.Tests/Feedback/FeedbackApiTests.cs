using System.Net;
using System.Text.Json;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary>POST /api/v1/services/{key}/feedback: what is stored, what is refused, and how.</summary>
public abstract class FeedbackApiTests(ShishinAppFactory app)
{
    private readonly FeedbackSamples samples = new(app);

    [Fact]
    public async Task Submit_ValidFeedback_Answers202AfterTheRowAndTheDayAreStored()
    {
        var (serviceId, key) = await samples.ServiceAsync();

        var response = await FeedbackSamples.PostAsync(samples.Client(), key, FeedbackSamples.Valid("Clear and quick."));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = await FeedbackSamples.IdAsync(response);
        // Read at once, without waiting: 202 is only sent after the commit.
        var stored = Assert.Single(await samples.StoredAsync(serviceId));
        Assert.Equal((id, 4, FeedbackTaskCompletion.Partly, "easy-to-understand took-too-long", "Clear and quick.", "en", "/apply/step-2", FeedbackSource.Api, FeedbackStatus.New),
            (stored.Id, stored.Rating, stored.TaskCompleted, stored.Reasons, stored.Comment, stored.Language, stored.PagePath, stored.Source, stored.Status));
        var day = Assert.Single(await samples.AggregatesAsync(serviceId));
        Assert.Equal((JapanTime.DateOf(DateTimeOffset.UtcNow), 1, 4, 1, 0, 1, 0), (day.Day, day.Count, day.RatingSum, day.Rating4, day.Completed, day.PartlyCompleted, day.NotCompleted));
    }

    [Fact]
    public async Task Submit_SeveralAtOnce_AddsEveryOneToTheDailyAggregate()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var client = samples.Client();

        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            FeedbackSamples.PostAsync(client, key, new { rating = (i % 5) + 1, taskCompleted = i % 2 == 0 ? "yes" : "no" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var day = Assert.Single(await samples.AggregatesAsync(serviceId));
        Assert.Equal((10, 30, 2, 2, 2, 2, 2, 5, 0, 5), (day.Count, day.RatingSum, day.Rating1, day.Rating2, day.Rating3, day.Rating4, day.Rating5,
            day.Completed, day.PartlyCompleted, day.NotCompleted));
        Assert.Equal(10, (await samples.StoredAsync(serviceId)).Count);
    }
}

public sealed class FeedbackApiTests_Sqlite(SqliteAppFactory app) : FeedbackApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class FeedbackApiTests_Postgres(PostgresAppFactory app) : FeedbackApiTests(app), IClassFixture<PostgresAppFactory>;
