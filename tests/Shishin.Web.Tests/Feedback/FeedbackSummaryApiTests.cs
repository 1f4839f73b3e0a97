using System.Net;
using System.Text.Json;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary><c>GET /api/v1/services/{key}/feedback/summary</c> on a real database: every month present, empty ones not measured.</summary>
public abstract class FeedbackSummaryApiTests(ShishinAppFactory app)
{
    private readonly FeedbackSamples samples = new(app.Services);

    [Fact]
    public async Task Summary_MonthsWithAndWithoutFeedback_EveryMonthPresentAndEmptyOnesNotMeasured()
    {
        // Arrange: two days in January 2026, nothing in February, one day in March.
        var service = await samples.ServiceAsync();
        await samples.DayAsync(service.Id, new DateOnly(2026, 1, 5), 5, 4, 1);
        await samples.DayAsync(service.Id, new DateOnly(2026, 1, 31), 2);
        await samples.DayAsync(service.Id, new DateOnly(2026, 3, 1), 5);

        // Act
        var response = await app.NewClient().GetAsync($"/api/v1/services/{service.Key}/feedback/summary?from=2026-01&to=2026-03");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var months = json.RootElement.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2026-01", "2026-02", "2026-03"], months.Select(m => m.GetProperty("month").GetString()));
        var january = months[0];
        Assert.Equal(4, january.GetProperty("count").GetInt32());
        Assert.Equal(3.0, january.GetProperty("meanRating").GetDouble());
        Assert.Equal(0.5, january.GetProperty("csat").GetDouble());
        Assert.Equal(0.5, january.GetProperty("completionRate").GetDouble());
        Assert.Equal("{\"one\":1,\"two\":1,\"three\":0,\"four\":1,\"five\":1}", january.GetProperty("ratings").GetRawText());
        var february = months[1];
        Assert.Equal(0, february.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, february.GetProperty("meanRating").ValueKind);
        Assert.Equal(JsonValueKind.Null, february.GetProperty("csat").ValueKind);
        Assert.Equal(JsonValueKind.Null, february.GetProperty("completionRate").ValueKind);
        Assert.Equal(1.0, months[2].GetProperty("csat").GetDouble());
    }

    [Theory]
    [InlineData("from=2026-13&to=2026-12", "from")]
    [InlineData("from=2026-05&to=2026-04", "to")]
    [InlineData("from=2000-01&to=2026-01", "from")]
    [InlineData("to=26-01", "to")]
    public async Task Summary_BadMonths_ProblemDetailsNamingTheField(string query, string field)
    {
        var service = await samples.ServiceAsync();

        var response = await app.NewClient().GetAsync($"/api/v1/services/{service.Key}/feedback/summary?{query}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Summary_InternalServiceAnonymous_NotFoundAsAnUnknownKey()
    {
        var service = await samples.ServiceAsync(isPublic: false);
        await samples.DayAsync(service.Id, FeedbackSamples.Today, 5);

        var hidden = await app.NewClient().GetAsync($"/api/v1/services/{service.Key}/feedback/summary");
        var unknown = await app.NewClient().GetAsync("/api/v1/services/no-such-service-here/feedback/summary");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
        using var hiddenJson = JsonDocument.Parse(await hidden.Content.ReadAsStringAsync());
        using var unknownJson = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(unknownJson.RootElement.GetProperty("title").GetString(), hiddenJson.RootElement.GetProperty("title").GetString());
        Assert.Equal(unknownJson.RootElement.GetProperty("detail").GetString()!.Replace("no-such-service-here", service.Key, StringComparison.Ordinal),
            hiddenJson.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheSummary()
    {
        var document = await app.NewClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/services/{key}/feedback/summary", document, StringComparison.Ordinal);
        Assert.Contains("GetFeedbackSummary", document, StringComparison.Ordinal);
    }
}

public sealed class FeedbackSummaryApiTests_Sqlite(SqliteAppFactory app) : FeedbackSummaryApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class FeedbackSummaryApiTests_Postgres(PostgresAppFactory app) : FeedbackSummaryApiTests(app), IClassFixture<PostgresAppFactory>;
