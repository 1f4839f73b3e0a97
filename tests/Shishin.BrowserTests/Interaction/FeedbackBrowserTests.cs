using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Data;

namespace Shishin.BrowserTests.Interaction;

/// <summary>The feedback figures: a table that works alone, and with JavaScript an ECharts chart beside it, focusable and labelled.</summary>
[Collection(SharedBrowser.Name)]
public sealed class FeedbackBrowserTests(BrowserFixture fixture)
{
    private async Task<string> ServiceWithFiguresAsync()
    {
        var key = "fb-figures-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var chiyoda = await db.Organizations.Where(o => o.Key == "chiyoda").Select(o => o.Id).SingleAsync();
        var service = await Shishin.Tests.AssessmentSamples.ServiceAsync(db, key, chiyoda, isPublic: true);
        var today = JapanTime.Today(TimeProvider.System);
        db.FeedbackDailyAggregates.AddRange(
            new FeedbackDailyAggregate { ServiceId = service.Id, Day = today.AddDays(-40), Count = 2, RatingSum = 9, Rating4 = 1, Rating5 = 1, Completed = 2 },
            new FeedbackDailyAggregate { ServiceId = service.Id, Day = today, Count = 2, RatingSum = 3, Rating1 = 1, Rating2 = 1, NotCompleted = 2 });
        await db.SaveChangesAsync();
        return key;
    }

    [Fact]
    public async Task Figures_JavaScriptDisabled_ShowsTheTablesAndNoChart()
    {
        // Arrange
        var key = await ServiceWithFiguresAsync();
        await using var session = await fixture.NewSessionAsync(javaScript: false);

        // Act
        await session.GotoAsync($"/services/{key}/feedback/figures");

        // Assert: 12 months, each present; the ratings table; charts stay hidden without script.
        Assert.Equal(12, await session.Page.Locator("#feedback-monthly-table tbody tr").CountAsync());
        Assert.Equal(2, await session.Page.Locator("#feedback-daily-table tbody tr").CountAsync());
        Assert.True(await session.Page.Locator("#feedback-ratings-table").IsVisibleAsync());
        Assert.False(await session.Page.Locator("#feedback-monthly-chart").IsVisibleAsync());
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Figures_JavaScript_DrawsEachChartFocusableAndLabelledWithoutCspProblems()
    {
        // Arrange
        var key = await ServiceWithFiguresAsync();
        await using var session = await fixture.NewSessionAsync(language: "en");

        // Act
        await session.GotoAsync($"/services/{key}/feedback/figures");
        await session.Page.Locator("#feedback-daily-chart canvas").WaitForAsync();

        // Assert
        var charts = session.Page.Locator(".feedback-chart");
        Assert.Equal(3, await charts.CountAsync());
        for (var i = 0; i < 3; i++)
        {
            var chart = charts.Nth(i);
            Assert.True(await chart.IsVisibleAsync());
            Assert.Equal("0", await chart.GetAttributeAsync("tabindex"));
            Assert.StartsWith("Chart: ", await chart.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        }

        await session.TabToAsync("#feedback-monthly-chart", limit: 60);
        session.AssertNoProblems();
    }
}
